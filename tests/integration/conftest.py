import frappe
import pytest
from helpers import (
	Cast,
	make_action,
	make_complaint,
	make_compliment,
	make_team,
	make_user,
	make_workshop,
	on,
)

from complaints_hc.security import roles
from complaints_hc.workshops import booking


@pytest.fixture(autouse=True)
def rolled_back(site):
	"""Each integration test starts as Administrator on the committed site and leaves nothing behind.

	Frappe commits in the middle of some work (the email queue marks mail as sent, for one), which
	would keep a test's data: during a test `frappe.db.commit` does nothing. A test that needs
	another process to see its data calls helpers.commit().
	"""
	frappe.set_user("Administrator")
	frappe.local.message_log = []
	frappe.local.db.commit = lambda *args, **kwargs: None
	try:
		yield
	finally:
		del frappe.local.db.commit  # back to the connection's own method
		frappe.db.rollback()
		frappe.set_user("Administrator")


@pytest.fixture(scope="session")
def cast(site):
	"""Everyone a complaint needs, with their real roles (committed once for the whole session)."""
	frappe.set_user("Administrator")
	return Cast()


@pytest.fixture
def quarter(cast):
	"""A known quarter, 2026-27 Q1 (April to June 2026), for the reports and the bulletin.

	Six complaints (four in the quarter, one before, one after), one of them taken to stage 2, three
	actions, four compliments and workshops. Complaints are logged by the Complaints Officer; what the workflow would record later
	(outcomes, response dates, clocks) is written straight onto them: these tests are about counting.
	"""
	suffix = frappe.generate_hash(length=5)
	team = make_team()
	curiosity, voice = f"Professional Curiosity {suffix}", f"Voice of the Child {suffix}"
	for theme in (curiosity, voice):
		frappe.get_doc({"doctype": "Learning Theme", "theme_name": theme}).insert()
	for category in ("Communication", "Assessment"):
		if not frappe.db.exists("Complaint Category", category):
			frappe.get_doc({"doctype": "Complaint Category", "category_name": category}).insert()

	def complaint(received_on, points=(), subjects=(), **facts):
		with on(received_on):
			doc = make_complaint(cast, received_on=received_on, service_team=team,
				subjects=[{"user": user, "role_in_case": "Social worker"} for user in subjects],
				points=[{"description": f"Point {n}", "learning_theme": theme, "category": category}
					for n, (theme, category, _outcome) in enumerate(points, 1)])  # fmt: skip
		for row, (_theme, _category, outcome) in zip(doc.points, points, strict=True):
			frappe.db.set_value("Complaint Point", row.name, "outcome", outcome)
		if facts:
			frappe.db.set_value("Complaint", doc.name, facts)
		return doc

	c1 = complaint("2026-04-10", [(curiosity, "Communication", "Upheld"), (curiosity, "Assessment", "Not upheld")],
		status="Closed", responded_on="2026-05-01", timescale_met="Met", working_days_taken=15)  # fmt: skip
	c2 = complaint("2026-05-05", [(voice, "Communication", "Partially upheld")], subjects=[cast.subject],
		status="Responded", responded_on="2026-06-02", timescale_met="Missed", working_days_taken=21,
		clock_restarted_on="2026-05-08")  # fmt: skip
	# what the bulletin draws on: learning written for all staff, and good practice found
	upheld, not_upheld = c1.points
	frappe.db.set_value(
		"Complaint Point", upheld.name, "learning_for_staff", "Keep asking when things do not fit."
	)
	frappe.db.set_value(
		"Complaint Point", not_upheld.name, "good_practice", "Calls and emails were easy to find."
	)
	frappe.db.set_value(
		"Complaint Point", c2.points[0].name, "learning_for_staff", "Record the child's own words."
	)
	frappe.get_doc({"doctype": "Complaint Extension", "parenttype": "Complaint", "parentfield": "extensions",
		"parent": c2.name, "requested_on": "2026-05-20", "new_due_date": "2026-06-10",
		"rationale": "More time to speak to the school"}).db_insert()  # fmt: skip
	complaint("2026-06-20", [(curiosity, "Communication", None)], status="In Progress", rag_status="Overdue")
	# c2 went on to stage 2, asked for on 10 June and now overdue, its one point not yet decided
	stage_2 = frappe.get_doc({"doctype": "Stage 2 Investigation", "complaint": c2.name, "requested_on": "2026-06-10",
		"procedure": "Statutory (Children Act 1989)",
		"requested_via": "Letter", "remaining_concerns": "Still unhappy", "status": "Investigating",
		"workflow_state": "Investigating", "timeliness": "Overdue", "response_due_on": "2026-07-15"})  # fmt: skip
	stage_2.set_new_name()
	stage_2.db_insert()
	frappe.get_doc({"doctype": "Stage 2 Point", "parenttype": "Stage 2 Investigation", "parentfield": "points",
		"parent": stage_2.name, "description": "Point 1", "carried_from_stage_1": 1, "learning_theme": voice,
		"category": "Communication", "learning_for_staff": "Tell families the day plans change."}).db_insert()  # fmt: skip
	frappe.db.set_value("Complaint", c2.name, "stage", "Stage 2")
	complaint("2026-04-02", early_resolution=1, status="Closed", responded_on="2026-04-06",
		timescale_met="Met", working_days_taken=2)  # fmt: skip
	complaint("2026-02-10", [(curiosity, "Communication", "Upheld"), (voice, "Assessment", "Not upheld")],
		status="Closed")  # fmt: skip
	complaint("2026-07-03", [(curiosity, "Communication", "Upheld")])

	# Actions: one overdue, one open (on the complaint naming the subject), one completed.
	with on("2026-06-01"):
		make_action(
			c1, cast.qa_manager, responsible=cast.team_manager, due_in_working_days=0, due_date="2026-06-08"
		)
		done = make_action(c1, cast.qa_manager, responsible=cast.team_manager, due_in_working_days=0,
			due_date="2026-06-30")  # fmt: skip
	frappe.db.set_value("Complaint Action", done.name, {"status": "Completed", "completed_on": "2026-06-05"})
	with on("2026-06-10"):
		make_action(
			c2, cast.qa_manager, responsible=cast.team_manager, due_in_working_days=0, due_date="2026-06-19"
		)

	# Compliments for the team.
	for category in ("Listening", "Written work"):
		if not frappe.db.exists("Compliment Category", category):
			frappe.get_doc({"doctype": "Compliment Category", "category_name": category}).insert()
	for day, category, source, consent, bulletin, words in (
		("2026-04-15", "Listening", "External", 1, 1, "She listened to my son."),
		("2026-05-20", "Listening", "External", 0, 0, "Not for quoting."),
		("2026-06-30", "Written work", "Monthly case file audit", 1, 0, "A clear, current chronology."),
		("2026-07-01", "Listening", "External", 1, 0, "Next quarter."),
	):
		with on(day):
			make_compliment(cast.officer, team=team, received_on=day, category=category, source=source,
				consent_to_quote=consent, include_in_bulletin=bulletin, words=words)  # fmt: skip

	# Workshops on the curiosity theme: one in the quarter (two seats booked, one attended), one
	# cancelled and one before the quarter (neither counted).
	held = make_workshop(title=curiosity, workshop_date="2026-05-15", booking_opens_on="2026-04-01",
		booking_closes_on="2026-05-14", capacity=5, themes=[{"learning_theme": curiosity}])  # fmt: skip
	make_workshop(title="Cancelled", workshop_date="2026-05-20", booking_opens_on="2026-04-01",
		booking_closes_on="2026-05-19", status="Cancelled", themes=[{"learning_theme": curiosity}])  # fmt: skip
	make_workshop(title="Before", workshop_date="2026-03-20", booking_opens_on="2026-03-01",
		booking_closes_on="2026-03-19", themes=[{"learning_theme": curiosity}])  # fmt: skip
	staff = [make_user(f"q1.booker.{n}", roles.WORKSHOP_BOOKER) for n in range(2)]
	with on("2026-04-20"):
		names = [booking.book(held.name, user) for user in staff]
	with on("2026-05-15"):
		register = frappe.get_doc("Workshop Booking", names[0])
		register.status = "Attended"
		register.save()
	return frappe._dict(team=team, curiosity=curiosity, voice=voice)
