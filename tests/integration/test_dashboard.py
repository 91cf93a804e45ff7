"""The Complaints workspace's number cards and charts, as real users, each against a baseline.

Other tests commit data of their own, so each check counts what it adds to the figure before it.
"""

import frappe
from frappe.desk.doctype.number_card.number_card import get_result
from helpers import as_user, make_complaint, make_compliment, make_user, make_workshop, on

from complaints_hc.security import roles
from complaints_hc.workshops import booking

CARDS = (
	"Open Complaints",
	"Overdue Complaints",
	"Open Stage 2 Investigations",
	"Open Stage 3 Panels",
	"Open Ombudsman Enquiries",
	"Complaints Due in 5 Working Days",
	"Overdue Actions",
	"Compliments This Quarter",
	"Upcoming Workshops with Free Seats",
)


def card(user: str, name: str) -> tuple[int, list]:
	"""The card's figure for this user, and how many rows the list it opens shows them."""
	doc = frappe.get_doc("Number Card", name)
	with as_user(user):
		if doc.type == "Custom":
			result = frappe.get_attr(doc.method)()
			listed = frappe.get_list(result["route"][1], filters=result["route_options"], pluck="name")
			return result["value"], listed
		value = get_result(doc.as_dict(), doc.filters_json)
		listed = frappe.get_list(doc.document_type, filters=frappe.parse_json(doc.filters_json), pluck="name")
		return int(value), listed


def figures(user: str, *names: str) -> list[int]:
	return [card(user, name)[0] for name in names]


def complaint(cast, subjects=(), **facts):
	doc = make_complaint(cast, received_on="2026-06-15",
		subjects=[{"user": user, "role_in_case": "Social worker"} for user in subjects])  # fmt: skip
	if facts:
		frappe.db.set_value("Complaint", doc.name, facts)
	return doc.name


COMPLAINT_CARDS = ("Open Complaints", "Overdue Complaints", "Complaints Due in 5 Working Days")


def test_complaint_cards_count_only_what_the_user_may_see(cast):
	with on("2026-06-15"):  # a Monday: the 5th working day from now is Monday 22 June
		manager_before = figures(cast.qa_manager, *COMPLAINT_CARDS)
		subject_before = figures(cast.subject, *COMPLAINT_CARDS)
		due_soon = complaint(cast, due_date="2026-06-19")
		complaint(cast, due_date="2026-06-10", rag_status="Overdue")
		about_subject = complaint(cast, subjects=[cast.subject], due_date="2026-06-17")
		complaint(cast, due_date="2026-06-18", status="Closed")
		complaint(cast, due_date="2026-06-23")  # the 6th working day: not yet due soon
		manager_after = figures(cast.qa_manager, *COMPLAINT_CARDS)
		subject_after = figures(cast.subject, *COMPLAINT_CARDS)
		value, listed = card(cast.qa_manager, "Complaints Due in 5 Working Days")
	assert [a - b for a, b in zip(manager_after, manager_before, strict=True)] == [4, 1, 2]
	assert [a - b for a, b in zip(subject_after, subject_before, strict=True)] == [3, 1, 1]
	assert value == len(listed) and {due_soon, about_subject} <= set(listed)


def test_the_lists_the_cards_open_show_what_they_count(cast):
	"""Each complaint card opens a list holding the complaints it counts and none it does not, for
	whoever clicks it (a subject's list leaves out the complaint about them, as their figure does)."""
	with on("2026-06-15"):
		overdue = complaint(cast, due_date="2026-06-10", rag_status="Overdue")
		due_soon = complaint(cast, due_date="2026-06-19")
		closed = complaint(cast, due_date="2026-06-18", status="Closed")
		about_subject = complaint(cast, subjects=[cast.subject], due_date="2026-06-17")
		counted = {
			"Open Complaints": {overdue, due_soon, about_subject},
			"Overdue Complaints": {overdue},
			"Complaints Due in 5 Working Days": {due_soon, about_subject},
		}
		for name, shown in counted.items():
			hidden = {overdue, due_soon, closed, about_subject} - shown
			value, listed = card(cast.qa_manager, name)
			assert value == len(listed) and shown <= set(listed) and not hidden & set(listed), name
			value, listed = card(cast.subject, name)
			assert value == len(listed) and shown - {about_subject} <= set(listed), name
			assert about_subject not in listed, name


def test_overdue_actions_and_compliments_this_quarter(cast):
	from helpers import make_action

	from complaints_hc.complaints import daily_jobs as timeliness

	with on("2026-06-16"):
		timeliness.refresh_overdue_actions()  # what other tests left is already marked: the baseline holds
		overdue_before, compliments_before = figures(
			cast.qa_manager, "Overdue Actions", "Compliments This Quarter"
		)
	with on("2026-06-15"):
		doc = frappe.get_doc("Complaint", complaint(cast))
		make_action(
			doc, cast.qa_manager, responsible=cast.team_manager, due_in_working_days=0, due_date="2026-06-15"
		)
		make_action(
			doc, cast.qa_manager, responsible=cast.team_manager, due_in_working_days=0, due_date="2026-06-16"
		)
	with on("2026-06-16"):
		timeliness.refresh_overdue_actions()
		make_compliment(cast.officer, team=cast.team, received_on="2026-06-01")
		make_compliment(cast.officer, team=cast.team, received_on="2026-03-31")  # the quarter before
		overdue_after, compliments_after = figures(
			cast.qa_manager, "Overdue Actions", "Compliments This Quarter"
		)
	assert (overdue_after - overdue_before, compliments_after - compliments_before) == (1, 1)


def test_upcoming_workshops_with_free_seats(cast):
	name = "Upcoming Workshops with Free Seats"
	with on("2026-06-10"):
		before = figures(cast.qa_manager, name)[0]
		open_one = make_workshop(capacity=2)
		full = make_workshop(capacity=1)
		make_workshop(capacity=3, status="Cancelled")
		make_workshop(
			workshop_date="2026-06-09", booking_opens_on="2026-06-01", booking_closes_on="2026-06-08"
		)
		booker = make_user("card.booker", roles.WORKSHOP_BOOKER)
		with as_user(booker):
			booking.book(full.name, booker)
		after, listed = card(cast.qa_manager, name)
	assert after - before == 1 and open_one.name in listed and full.name not in listed
	assert frappe.db.get_value("Workshop", full.name, "free_seats") == 0


def test_received_by_month_chart_counts_by_stage(cast):
	from complaints_hc.complaints_hc.dashboard_chart_source.complaints_received_by_stage import (
		complaints_received_by_stage as source,
	)

	with on("2026-06-15"):
		with as_user(cast.qa_manager):
			before = source.get()
		complaint(cast)
		complaint(cast, stage="Stage 2")
		complaint(cast, subjects=[cast.subject])
		with as_user(cast.qa_manager):
			after = source.get()
		with as_user(cast.subject):
			subjects_view = source.get()
	assert after["labels"][-1] == "Jun 2026" and len(after["labels"]) == 12
	stage_1, stage_2 = (
		after["datasets"][n]["values"][-1] - before["datasets"][n]["values"][-1] for n in (0, 1)
	)
	assert (stage_1, stage_2) == (2, 1)
	assert after["datasets"][0]["values"][-1] - subjects_view["datasets"][0]["values"][-1] == 1


def test_open_escalations_count_only_what_the_user_may_see(cast):
	from helpers import answered_at_stage_2

	escalations = ("Open Stage 3 Panels", "Open Ombudsman Enquiries")
	manager_before, subject_before = (
		figures(cast.qa_manager, *escalations),
		figures(cast.subject, *escalations),
	)
	complaint = answered_at_stage_2(cast)  # names cast.subject
	with on("2026-12-14"), as_user(cast.officer):
		frappe.get_doc({"doctype": "Stage 3 Review Panel", "complaint": complaint.name, "requested_on": "2026-12-14",
			"requested_via": "Email", "remaining_concerns": "Still unhappy."}).insert()  # fmt: skip
		frappe.get_doc({"doctype": "Ombudsman Enquiry", "complaint": complaint.name, "ombudsman_reference": "26 555 001",
			"requested_on": "2026-12-14", "early_referral_agreed": 1,
			"early_referral_reason": "The council agreed to an early referral."}).insert()  # fmt: skip
	manager_after, subject_after = figures(cast.qa_manager, *escalations), figures(cast.subject, *escalations)
	assert [a - b for a, b in zip(manager_after, manager_before, strict=True)] == [1, 1]
	assert subject_after == subject_before


def test_open_stage_2_investigations_count_only_what_the_user_may_see(cast):
	"""An open stage 2 (on a complaint naming cast.subject) counts for the QA Service Manager, never for
	the subject; a withdrawn one counts for nobody."""
	from helpers import answered_at_stage_1, apply_action, ask_for, edit

	name = "Open Stage 2 Investigations"
	manager_before, subject_before = figures(cast.qa_manager, name)[0], figures(cast.subject, name)[0]
	first, second = answered_at_stage_1(cast), answered_at_stage_1(cast)  # both name cast.subject
	with on("2026-04-01"):
		open_one = ask_for("Stage 2 Investigation", first, cast.officer)
		withdrawn = ask_for("Stage 2 Investigation", second, cast.officer)
		edit(withdrawn, cast.officer, withdrawal_reason="The family asked us to stop.")
		apply_action(withdrawn, "Withdraw", cast.officer)
	manager_after, manager_listed = card(cast.qa_manager, name)
	subject_after, subject_listed = card(cast.subject, name)
	assert (manager_after - manager_before, subject_after - subject_before) == (1, 0)
	assert open_one.name in manager_listed and withdrawn.name not in manager_listed
	assert open_one.name not in subject_listed


def test_the_workspace_shows_the_cards_and_charts():
	workspace = frappe.get_doc("Workspace", "Complaints")
	assert [row.number_card_name for row in workspace.number_cards] == list(CARDS)
	assert [row.chart_name for row in workspace.charts] == [
		"Complaints Received by Month",
		"Complaint Outcomes by Theme",
	]
	blocks = {block["type"] for block in frappe.parse_json(workspace.content)}
	assert {"number_card", "chart"} <= blocks
	assert (
		frappe.db.get_value("Dashboard Chart", "Complaint Outcomes by Theme", "report_name")
		== "Quarterly Learning Themes"
	)
