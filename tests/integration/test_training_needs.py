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
from helpers import as_user, make_complaint, make_team, make_theme, make_user, make_workshop, on

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


def test_the_portal_leaves_out_a_theme_the_member_has_been_trained_on(cast, known):
	"""Two newcomers join South, and one of them goes to a workshop on A in July: one of three trained,
	so South/A is still a need, recommended to the others but not to the one who went."""
	trained = make_user("south.trained", roles.WORKSHOP_BOOKER)
	newcomer = make_user("south.newcomer", roles.WORKSHOP_BOOKER)
	south = frappe.get_doc("Service Team", known.teams["South"])
	for user in (trained, newcomer):
		south.append("members", {"user": user})
	south.save()
	on_a = make_workshop(title=f"Also on A {known.suffix}", workshop_date="2026-07-10", booking_opens_on="2026-06-01",
		booking_closes_on="2026-07-09", capacity=10, themes=[{"learning_theme": known.theme_a}])  # fmt: skip
	with on("2026-06-15"):
		went = booking.book(on_a.name, trained)
	frappe.db.set_value(
		"Workshop Booking", went, "status", "Attended"
	)  # the register as the facilitator kept it
	recommended = {"team": known.teams["South"], "theme": known.theme_a, "workshop": known.next_on_a}
	with on(TODAY):
		assert training_needs.recommendations_for(newcomer) == [recommended]
		assert training_needs.recommendations_for(known.south_member) == [recommended]
		assert training_needs.recommendations_for(trained) == []


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


def test_did_it_work_per_theme_and_quarter(cast, known):
	"""Eight quarters to 2026-27 Q2 (July to September 2026). Theme A: 3 points upheld in Q1 (North's
	two, South's one) and 1 in Q2; two workshops held in Q1 (May 15, attended by two who rated it 4 and
	5; May 20, nobody came), the September one not yet held. Before the first training: 0 a quarter
	over six quarters; after it, 1 (Q2). Theme B: 2 upheld in Q1, its workshop in Q2 (one attended),
	so 2 over the seven quarters before (0.3 a quarter) and no quarter after yet."""
	from complaints_hc.complaints_hc.report.training_impact import training_impact as impact

	on_a = frappe.get_all("Workshop Booking", {"attendee": ["in", known.north_staff[:2]], "status": "Attended"},
		pluck="name", order_by="attendee")  # fmt: skip
	for name, rating in zip(on_a, (0.8, 1.0), strict=True):
		frappe.db.set_value("Workshop Booking", name, "rating", rating)

	def theme_rows(user, theme):
		with on(TODAY), as_user(user):
			_columns, rows, message, chart, _summary = impact.execute(
				{"quarter": "2026-27 Q2", "learning_theme": theme}
			)
		return rows, message, chart

	rows, message, chart = theme_rows(cast.qa_manager, known.theme_a)
	head, quarters = rows[0], rows[1:]
	assert (head["label"], head["upheld_points"], head["workshops"], head["attended"], head["average_rating"]) == (
		known.theme_a, 4, 2, 2, 4.5)  # fmt: skip
	assert (head["before_per_quarter"], head["after_per_quarter"], head["change_per_quarter"]) == (
		0.0,
		1.0,
		1.0,
	)
	assert quarters[0]["label"] == "2024-25 Q3" and len(quarters) == 8
	assert [(q["upheld_points"], q["workshops"], q["attended"]) for q in quarters[-2:]] == [
		(3, 2, 2),
		(1, 0, 0),
	]
	assert chart["data"]["datasets"][0]["values"][-2:] == [3, 1]
	assert "does not show the training caused it" in message

	head = theme_rows(cast.qa_manager, known.theme_b)[0][0]
	assert (head["upheld_points"], head["before_per_quarter"], head["after_per_quarter"]) == (2, 0.3, None)

	# a staff subject counts no point of the complaints that name them; the training still shows
	head = theme_rows(cast.subject, known.theme_a)[0][0]
	assert (head["upheld_points"], head["workshops"], head["attended"]) == (0, 2, 2)


def test_before_and_after_the_first_training():
	from complaints_hc.learning.training_impact import ThemeQuarter, before_and_after

	def quarters(*pairs):
		return [ThemeQuarter(f"Q{n}", upheld, held) for n, (upheld, held) in enumerate(pairs)]

	assert before_and_after(quarters((4, 0), (2, 0), (3, 1), (1, 0), (0, 0))) == (3.0, 0.5)
	assert before_and_after(quarters((1, 0), (2, 0))) == (None, None)  # no training yet
	assert before_and_after(quarters((0, 1), (2, 0))) == (None, 2.0)  # trained in the first quarter


def test_the_meeting_pack_for_may_and_june(cast, known):
	"""May and June 2026. Needs: East/B, North/B (May's audit complaint), South/B (June's audit finding)
	and South/A. Workshops held: the two on A in May (two attended, then nobody). A new theme C, upheld
	in June in East and never trained or planned, is emerging; B rose too (2 against none in March and
	April) but has a workshop since; A fell (1 against April's 2). Findings: East's good practice in May
	and South's practice to improve in June."""
	from complaints_hc.complaints_hc.report.learning_meeting_pack import learning_meeting_pack as pack

	theme_c = make_theme(f"Chronologies {known.suffix}")
	with on("2026-06-15"):
		late = make_complaint(cast, received_on="2026-06-15", service_team=known.teams["East"],
			points=[{"description": "No chronology", "learning_theme": theme_c}])  # fmt: skip
	frappe.db.set_value("Complaint Point", late.points[0].name, "outcome", "Upheld")
	ours = {*known.teams.values(), known.theme_a, known.theme_b, theme_c}

	def sections(user):
		with on(TODAY), as_user(user):
			rows = pack.execute({"from_date": "2026-05-01", "to_date": "2026-06-30"})[1]
		found = {}
		for r in rows:
			if r.get("team") in ours or r.get("learning_theme") in ours or known.suffix in r["item"]:
				found.setdefault(r["section"], []).append(r)
		return found

	found = sections(cast.qa_manager)
	t = known.teams
	assert [(r["team"], r["learning_theme"], r["count"]) for r in found["Training needs"]] == [
		(t["East"], known.theme_b, 1), (t["East"], theme_c, 1), (t["North"], known.theme_b, 1),
		(t["South"], known.theme_b, 1), (t["South"], known.theme_a, 1)]  # fmt: skip
	assert (
		found["Training needs"][-1]["detail"]
		== f"0 of 1 staff trained; next workshop: Next on A {known.suffix}"
	)
	assert [(r["item"], str(r["on"]), r["count"]) for r in found["Workshops held"]] == [
		(f"On A {known.suffix}", "2026-05-15", 2), (f"On A, missed {known.suffix}", "2026-05-20", 0)]  # fmt: skip
	assert [(r["item"], r["count"]) for r in found["Themes emerging"]] == [(theme_c, 1)]
	assert [(r["team"], r["detail"]) for r in found["Audit findings"]] == [
		(t["East"], "Good practice"), (t["South"], "Practice to improve")]  # fmt: skip
	# the complaints naming a subject count for nothing in their pack; the audit findings remain
	subjects = sections(cast.subject)
	assert [(r["team"], r["learning_theme"]) for r in subjects["Training needs"]] == [
		(t["South"], known.theme_b)
	]
	assert "Themes emerging" not in subjects and len(subjects["Audit findings"]) == 2


def test_a_workshop_drafted_for_a_theme_with_none_scheduled(cast, known):
	from complaints_hc.api.training_needs import draft_workshop

	facilitator = make_user("needs.facilitator", roles.WORKSHOP_FACILITATOR)
	with on(TODAY):
		with as_user(cast.team_manager), pytest.raises(frappe.PermissionError):
			draft_workshop(known.theme_b)
		with as_user(cast.qa_manager):
			name = draft_workshop(known.theme_b)
		draft = frappe.get_doc("Workshop", name)
		assert (draft.status, str(draft.workshop_date), [t.learning_theme for t in draft.themes]) == (
			"Draft", "2026-09-12", [known.theme_b])  # fmt: skip
		# the facilitators are told; nobody can book a draft, and no need points to it yet
		queued = frappe.get_all("Email Queue", {"reference_name": name}, pluck="name")
		assert facilitator in frappe.get_all(
			"Email Queue Recipient", {"parent": ["in", queued]}, pluck="recipient"
		)
		with pytest.raises(frappe.ValidationError, match="cannot be booked"):
			booking.book(name, known.south_member)
		with as_user(cast.qa_officer), pytest.raises(frappe.ValidationError, match="No workshop on"):
			invite_team(known.teams["North"], known.theme_b)
