"""Training needs per team and theme, counted by hand; inviting a team to the next workshop on a theme,
booked through the ordinary booking service; and the portal's recommendations for a member's team.

The known period is 2026-27 Q1 (April to June 2026); "today" is Saturday 1 August 2026.

- North (three members and a team manager: 4 staff): in April a complaint with two points on theme A
  upheld (one in part) and one on theme B not upheld; in May one raised by the case file audit with a
  point on B upheld; in July (after the period) one more on A upheld. Two of its members went to a
  workshop on A in May.
- South (one member): in June a point on A upheld; its member went to a workshop on B in July, after
  the period (not counted for it).
- East (nobody on record): in June a point on B upheld; in May an audit saw good practice on A
  (which is no need).
- The case file audit of June found practice to improve on B in South, without a complaint; one of
  March (before the period) found the same in North.
- The next workshop on A is on 10 September; none on B is scheduled.

So: North/A has 2 points and 2 of 4 trained (half: no need); North/B 1 point (from an audit), none
trained; South/A 1 point and South/B 1 audit finding, 0 of 1 trained; East/B 1 point, nobody to
train. Ranked: North/A (2), then the four single concerns, all with nobody trained, by team and theme
(B, "Child's Voice", sorts before A, "Curiosity"): East/B, North/B, South/B, South/A.
"""

import frappe
import pytest
from helpers import as_user, make_complaint, make_team, make_user, make_workshop, on

from complaints_hc.api.training_needs import invite_team
from complaints_hc.complaints_hc.report.training_needs import training_needs as report
from complaints_hc.learning import training_needs
from complaints_hc.learning.training_needs import TeamTheme
from complaints_hc.security import roles
from complaints_hc.workshops import booking

Q1 = {"quarter": "2026-27 Q1"}
TODAY = "2026-08-01"


@pytest.fixture
def known(cast):
	suffix = frappe.generate_hash(length=5)
	theme_a, theme_b = f"Curiosity {suffix}", f"Child's Voice {suffix}"
	for theme in (theme_a, theme_b):
		frappe.get_doc({"doctype": "Learning Theme", "theme_name": theme}).insert()
	north_staff = [make_user(f"north.{n}", roles.WORKSHOP_BOOKER) for n in range(3)]
	north_manager = make_user("north.manager", roles.TEAM_MANAGER, roles.WORKSHOP_BOOKER)
	south_member = make_user("south.member", roles.WORKSHOP_BOOKER)
	area = frappe.get_value("Service Team", make_team(), "service_area")
	teams = {}
	for label, members, manager in (("East", [], None), ("North", north_staff, north_manager),
		("South", [south_member], None)):  # fmt: skip
		teams[label] = frappe.get_doc({"doctype": "Service Team", "team_name": f"{label} {suffix}",
			"service_area": area, "team_manager": manager,
			"members": [{"user": user} for user in members]}).insert().name  # fmt: skip

	def complaint(day, team, points, via="Email", **values):
		with on(day):
			doc = make_complaint(cast, received_on=day, service_team=teams[team], received_via=via,
				points=[{"description": f"Point {n}", "learning_theme": theme} for n, (theme, _o) in enumerate(points, 1)],
				**values)  # fmt: skip
		for row, (_theme, outcome) in zip(doc.points, points, strict=True):
			frappe.db.set_value("Complaint Point", row.name, "outcome", outcome)
		return doc

	complaint(
		"2026-04-10", "North", [(theme_a, "Upheld"), (theme_a, "Partially upheld"), (theme_b, "Not upheld")]
	)
	audit = complaint("2026-05-05", "North", [(theme_b, "Upheld")], via="Case file audit")
	complaint("2026-07-03", "North", [(theme_a, "Upheld")])
	complaint("2026-06-01", "South", [(theme_a, "Upheld")])
	complaint("2026-06-02", "East", [(theme_b, "Upheld")])

	def held(title, day, theme, attendees, status="Attended"):
		workshop = make_workshop(title=title, workshop_date=day, booking_opens_on="2026-04-01",
			booking_closes_on=day, capacity=10, themes=[{"learning_theme": theme}])  # fmt: skip
		with on("2026-04-20"):
			booked = [booking.book(workshop.name, user) for user in attendees]
		for name in booked:  # the register as the facilitator kept it
			frappe.db.set_value("Workshop Booking", name, "status", status)
		return workshop

	held(f"On A {suffix}", "2026-05-15", theme_a, north_staff[:2])
	held(f"On A, missed {suffix}", "2026-05-20", theme_a, north_staff[2:], status="No-show")
	held(f"On B {suffix}", "2026-07-20", theme_b, [south_member])
	for day, team, theme, kind in (("2026-06-12", "South", theme_b, "Practice to improve"),
		("2026-05-14", "East", theme_a, "Good practice"), ("2026-03-20", "North", theme_b, "Practice to improve")):  # fmt: skip
		with on(day), as_user(cast.qa_officer):
			frappe.get_doc({"doctype": "Audit Finding", "audited_on": day, "service_team": teams[team],
				"learning_theme": theme, "kind": kind, "summary": "Fathers were not invited to reviews."}).insert()  # fmt: skip
	next_on_a = make_workshop(title=f"Next on A {suffix}", workshop_date="2026-09-10", booking_opens_on="2026-07-01",
		booking_closes_on="2026-09-09", capacity=1, themes=[{"learning_theme": theme_a}])  # fmt: skip
	return frappe._dict(suffix=suffix, theme_a=theme_a, theme_b=theme_b, teams=teams, north_staff=north_staff,
		north_manager=north_manager, south_member=south_member, next_on_a=next_on_a.name, audit=audit.name)  # fmt: skip


def run(user, **filters):
	with on(TODAY), as_user(user):
		return report.execute({**Q1, **filters})


def table(rows):
	return [(r["rank"], r["team"], r["learning_theme"], r["upheld_points"], r["from_audits"], r["audit_findings"], r["staff"],
		r["trained"], r["training_need"], r["next_workshop"], r["next_workshop_title"]) for r in rows]  # fmt: skip


def test_needs_per_team_and_theme_ranked(cast, known):
	t, a, b = known.teams, known.theme_a, known.theme_b
	_columns, rows, _message, _chart, summary = run(cast.qa_manager)
	mine = [r for r in rows if r["team"] in t.values()]
	assert table(mine) == [
		(mine[0]["rank"], t["East"], b, 1, 0, 0, 0, 0, 1, None, "None scheduled"),
		(mine[1]["rank"], t["North"], b, 1, 1, 0, 4, 0, 1, None, "None scheduled"),
		(mine[2]["rank"], t["South"], b, 0, 0, 1, 1, 0, 1, None, "None scheduled"),
		(mine[3]["rank"], t["South"], a, 1, 0, 0, 1, 0, 1, known.next_on_a, f"Next on A {known.suffix}"),
	]
	assert [r["rank"] for r in mine] == sorted(r["rank"] for r in mine)
	assert str(mine[3]["next_workshop_on"]) == "2026-09-10"
	every = [r for r in run(cast.qa_manager, needs_only=0)[1] if r["team"] in t.values()]
	first = every[0]
	assert (first["team"], first["learning_theme"], first["trained_percent"], first["training_need"]) == (
		t["North"], a, 50.0, 0)  # fmt: skip
	assert len(every) == 5  # the good practice seen in East is nobody's need
	assert summary[0]["value"] == "2026-27 Q1" and summary[1]["value"] >= 4


def test_a_subject_never_counts_the_complaint_that_names_them(cast, known):
	# every test complaint names cast.subject, a QA Approver who otherwise sees them all
	rows = run(cast.subject, team=known.teams["North"])[1]
	assert rows == []
	assert [r["learning_theme"] for r in run(cast.qa_manager, team=known.teams["North"])[1]] == [
		known.theme_b
	]


def test_a_team_invited_books_through_the_ordinary_booking_service(cast, known):
	with on(TODAY):
		with as_user(cast.team_manager), pytest.raises(frappe.PermissionError):
			invite_team(known.teams["South"], known.theme_a)
		with as_user(cast.qa_officer):
			sent = invite_team(known.teams["South"], known.theme_a)
		assert (sent["workshop"], sent["invited"]) == (known.next_on_a, [known.south_member])
		subject = f"A workshop for {known.teams['South']}"
		queued = frappe.get_all("Email Queue", {"reference_name": known.next_on_a, "message": ["like", f"%{subject}%"]},
			pluck="name")  # fmt: skip
		assert frappe.get_all("Email Queue Recipient", {"parent": ["in", queued]}, pluck="recipient") == [
			known.south_member
		]
		booked = booking.book(known.next_on_a, known.south_member)
		assert frappe.db.get_value("Workshop Booking", booked, "status") == "Booked"
		with as_user(cast.qa_officer):
			assert invite_team(known.teams["South"], known.theme_a)["invited"] == []  # already on it
			north = invite_team(known.teams["North"], known.theme_a)["invited"]
		assert sorted(north) == sorted([*known.north_staff, known.north_manager])
		waiting = booking.book(known.next_on_a, known.north_staff[0])  # one seat, now taken
		assert frappe.db.get_value("Workshop Booking", waiting, "status") == "Waitlisted"
		with as_user(cast.qa_officer), pytest.raises(frappe.ValidationError, match="No workshop on"):
			invite_team(known.teams["North"], known.theme_b)


def test_the_portal_recommends_for_the_members_own_team_only(cast, known):
	with on(TODAY):
		recommended = training_needs.recommendations_for(known.south_member)
		assert recommended == [
			{"team": known.teams["South"], "theme": known.theme_a, "workshop": known.next_on_a}
		]
		# North: A is half trained (no need); B is a need with no workshop to recommend
		assert training_needs.recommendations_for(known.north_staff[2]) == []


def test_the_ranking_and_the_need_rule():
	rows = [TeamTheme("B", "x", 1, staff=2, trained=0), TeamTheme("A", "y", 1, staff=2, trained=1),
		TeamTheme("C", "z", 3, staff=4, trained=4), TeamTheme("A", "x", 1, staff=0)]  # fmt: skip
	assert [(r.team, r.theme) for r in training_needs.rank(rows)] == [
		("C", "z"),
		("A", "x"),
		("B", "x"),
		("A", "y"),
	]
	assert [r.is_need for r in training_needs.rank(rows)] == [False, True, True, False]
	assert not training_needs.is_need(0, 3, 0) and training_needs.is_need(2, 5, 2)
