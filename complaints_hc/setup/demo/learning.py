"""Demo actions from complaint outcomes, and compliments: create-if-missing, invented throughout."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, today

from complaints_hc.learning.periods import quarter, quarter_bounds
from complaints_hc.setup.demo.complaints import OFFICER, QA_OFFICERS
from complaints_hc.setup.starting_lists import COMPLIMENT_CATEGORIES, create_starting_lists
from complaints_hc.working_days.site import site_calendar

DEMO = "@demo.example.org"
TEAM_MANAGERS = (f"mark.bennett{DEMO}", f"laura.hayes{DEMO}")

# case reference of a demo complaint, kind, what, responsible, working days from the outcome, how far it gets
ACTIONS = (
	("LCS-299874", "Reflective supervision", "Reflective supervision on recording Ruby's wishes in reviews",
		TEAM_MANAGERS[0], 10, "Verified"),
	("LCS-299761", "Training", "Team to attend the Professional Curiosity workshop", TEAM_MANAGERS[1], 20, "Completed"),
	("LCS-299650", "Apology", "Write to Ms Walsh explaining the threshold decision", TEAM_MANAGERS[1], 5, "Verified"),
	("LCS-300210", "Return belongings", "Collect Chloe's belongings from the previous placement", TEAM_MANAGERS[0], 2, "Open"),
	("LCS-300210", "Change of procedure", "Add birthday planning to pathway plan reviews", TEAM_MANAGERS[0], 40, "In Progress"),
)  # fmt: skip

STAFF = tuple(f"{name}{DEMO}" for name in ("priya.shah", "owen.jones", "ellie.marsh", "ben.carter"))
# words, given by, category, agreed to being quoted
QUOTES = (
	("She listened to what my son wanted and it actually happened.", "Parent", 0, 1),
	("Always rang back when she said she would, even on a Friday afternoon.", "Carer", 1, 1),
	("He explained everything in a way my kids could understand.", "Parent", 2, 1),
	("The best social worker I have had because she doesn't judge me.", "Young person", 0, 1),
	("The review letter was written for the child, not for the file. Really well done.", "IRO", 5, 1),
	("You stuck with us when things were really hard.", "Parent", 4, 0),
	("Included dad from the start, which made all the difference to the plan.", "Professional", 6, 1),
	("The chronology on this file is clear, current and analytical.", "Other", 5, 1),
	("I felt supported at every meeting and never rushed.", "Parent", 0, 0),
	("Made sure my belongings came with me to the new placement the same day.", "Young person", 3, 1),
)


# What last month's case file audits found, by team and theme (working days ago, team, theme, kind, summary).
AUDIT_FINDINGS = (
	(15, "Child Protection Team East", "Engaging Fathers and Men", "Practice to improve",
		"On three files the father was not invited to the child protection conference or told its outcome."),
	(16, "Looked After Children Team", "Voice of the Child and Purposeful Visits", "Practice to improve",
		"Visit records describe the placement but not what the child said about it."),
	(16, "Looked After Children Team", "Facts and Allegations in Reports", "Good practice",
		"Court statements kept facts and allegations clearly apart, with sources given."),
)  # fmt: skip


def make_demo_learning():
	create_starting_lists()
	make_demo_actions()
	make_demo_compliments()
	make_demo_audit_findings()
	make_demo_bulletin()
	make_demo_public_notices()
	frappe.set_user("Administrator")
	from complaints_hc.complaints.daily_jobs import refresh_overdue_actions

	refresh_overdue_actions()


def make_demo_actions():
	for index, (case, kind, what, responsible, days, reach) in enumerate(ACTIONS):
		complaint = frappe.db.get_value(
			"Complaint", {"case_reference": case}, ["name", "qa_officer", "responded_on"], as_dict=True
		)
		if not complaint or frappe.db.exists(
			"Complaint Action", {"complaint": complaint.name, "description": what}
		):
			continue
		frappe.set_user(OFFICER)
		action = frappe.get_doc({"doctype": "Complaint Action", "complaint": complaint.name, "action_type": kind,
			"description": what, "responsible": responsible, "due_date": today(), "point_number": 1}).insert()  # fmt: skip
		walk_action(action, reach, responsible, complaint.qa_officer or QA_OFFICERS[index % 2])
		# Move the dates back to the story: agreed at the outcome, due so many working days after it.
		raised = getdate(complaint.responded_on or today())
		frappe.db.set_value("Complaint Action", action.name, {"raised_on": raised,
			"due_date": site_calendar().add_working_days(raised, days)}, update_modified=False)  # fmt: skip


def walk_action(action, reach, responsible, verifier):
	if reach == "Open":
		return
	frappe.set_user(responsible)
	apply_workflow(action.as_dict(), "Start")
	if reach == "In Progress":
		return
	action = frappe.get_doc("Complaint Action", action.name)
	action.evidence = "Done and recorded on the child's file; the family was told in writing."
	action.save()
	apply_workflow(action.as_dict(), "Complete")
	if reach == "Verified":
		frappe.set_user(verifier)
		apply_workflow(frappe.get_doc("Complaint Action", action.name).as_dict(), "Verify")


def make_demo_compliments():
	"""About 30 compliments spread over the current quarter, up to today."""
	first, _last = quarter_bounds(quarter(getdate(today())))
	days_so_far = (getdate(today()) - first).days
	frappe.set_user(OFFICER)
	for n in range(30):
		words, given_by, category, consent = QUOTES[n % len(QUOTES)]
		received = add_days(first, days_so_far * n // 30)
		if frappe.db.exists("Compliment", {"received_on": received, "words": words}):
			continue
		frappe.get_doc({
			"doctype": "Compliment", "received_on": received, "given_by": given_by,
			"source": "Monthly case file audit" if given_by in ("IRO", "Other") else "External",
			"category": COMPLIMENT_CATEGORIES[category], "words": words, "consent_to_quote": consent,
			"include_in_bulletin": int(consent and n % 3 == 0),
			"staff": [{"user": STAFF[n % len(STAFF)]}],
		}).insert()  # fmt: skip


def make_demo_audit_findings():
	for days_ago, team, theme, kind, summary in AUDIT_FINDINGS:
		if frappe.db.exists("Audit Finding", {"summary": summary}) or not frappe.db.exists(
			"Learning Theme", theme
		):
			continue
		frappe.set_user(QA_OFFICERS[0])
		frappe.get_doc({"doctype": "Audit Finding", "audited_on": site_calendar().add_working_days(getdate(today()),
			-days_ago), "service_team": team, "learning_theme": theme, "kind": kind, "summary": summary}).insert()  # fmt: skip


def make_demo_bulletin():
	"""Last quarter's bulletin, drafted from the demo's data and published, so staff can read it on the portal."""
	last_quarter = quarter(add_days(quarter_bounds(quarter(getdate(today())))[0], -1))
	if frappe.db.exists("Learning Bulletin", {"quarter": last_quarter}):
		return
	frappe.set_user(QA_OFFICERS[0])
	bulletin = frappe.get_doc({"doctype": "Learning Bulletin", "quarter": last_quarter}).insert()
	bulletin.status = "Published"
	bulletin.save()
	frappe.set_user("Administrator")


def make_demo_public_notices():
	"""An invented council's details on the accessibility statement (the privacy notices keep the app's words)."""
	notices = frappe.get_single("Public Notices")
	if notices.prepared_on:
		return
	notices.update({"council_name": "Northbrook Borough Council", "contact_email": "complaints@demo.example.org",
		"contact_phone": "01632 960 123", "postal_address": "Complaints Team\nTown Hall\nNorthbrook\nNB1 1AA",
		"prepared_on": add_days(today(), -30), "reviewed_on": add_days(today(), -30)})  # fmt: skip
	notices.save()
