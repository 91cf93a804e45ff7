"""Stored due dates of open work follow a change of the working-day calendar on the next refresh."""

import frappe
from helpers import answered_at_stage_1, as_user, ask_for, make_action, make_complaint, make_user, on

from complaints_hc.complaints.daily_jobs import refresh_complaint_timeliness
from complaints_hc.security import roles
from complaints_hc.working_days.site import site_calendar

RECEIVED = "2026-12-14"  # ten working days end on 2026-12-30; with 29 December closed, on the 31st


def due_date(name: str) -> str:
	return str(frappe.db.get_value("Complaint", name, "due_date"))


def test_an_extra_non_working_day_moves_open_complaints_on_the_next_refresh(cast):
	with on(RECEIVED):
		complaint = make_complaint(cast, received_on=RECEIVED)
		refresh_complaint_timeliness(RECEIVED)
	assert due_date(complaint.name) == "2026-12-30"
	try:
		with as_user(make_user("calendar.manager", roles.COMPLAINTS_MANAGER)):
			settings = frappe.get_doc("Complaints Settings")
			settings.append("extra_non_working_days", {"date": "2026-12-29", "reason": "Council closure"})
			settings.save()
		assert due_date(complaint.name) == "2026-12-30"  # stored dates wait for the refresh
		with on(RECEIVED):
			refresh_complaint_timeliness(RECEIVED)
		assert due_date(complaint.name) == "2026-12-31"
		assert frappe.get_all("Comment", {"reference_doctype": "Complaint", "reference_name": complaint.name,
			"content": ["like", "%calendar changed%"]})  # fmt: skip
	finally:
		frappe.clear_document_cache("Complaints Settings", "Complaints Settings")


def test_a_closed_complaint_keeps_its_dates(cast):
	with on(RECEIVED):
		complaint = make_complaint(cast, received_on=RECEIVED)
		refresh_complaint_timeliness(RECEIVED)
	frappe.db.set_value("Complaint", complaint.name, "status", "Closed")
	try:
		with as_user(make_user("calendar.manager", roles.COMPLAINTS_MANAGER)):
			settings = frappe.get_doc("Complaints Settings")
			settings.append("extra_non_working_days", {"date": "2026-12-29", "reason": "Council closure"})
			settings.save()
		with on(RECEIVED):
			refresh_complaint_timeliness(RECEIVED)
		assert due_date(complaint.name) == "2026-12-30"
	finally:
		frappe.clear_document_cache("Complaints Settings", "Complaints Settings")


def test_a_running_stage_2_clock_and_an_actions_agreed_working_days_follow_too(cast):
	"""Stage 1 answered on Monday 30 March 2026; stage 2 asked for on 1 April, and an action due ten
	working days from the response. A closure on Wednesday 15 April falls inside both clocks."""
	complaint = answered_at_stage_1(cast)
	with on("2026-04-01"):
		stage_2 = ask_for("Stage 2 Investigation", complaint, cast.officer, requested_on="2026-04-01")
		action = make_action(complaint, cast.officer, responsible=cast.team_manager)
		refresh_complaint_timeliness("2026-04-01")
	stage_2_due = frappe.db.get_value("Stage 2 Investigation", stage_2.name, "response_due_on")
	action_due = frappe.db.get_value("Complaint Action", action.name, "due_date")
	assert str(action_due) == "2026-04-15"  # ten working days from 30 March, Easter's two bank holidays out
	try:
		with as_user(make_user("calendar.manager", roles.COMPLAINTS_MANAGER)):
			settings = frappe.get_doc("Complaints Settings")
			settings.append("extra_non_working_days", {"date": "2026-04-15", "reason": "Council closure"})
			settings.save()
		with on("2026-04-02"):
			refresh_complaint_timeliness("2026-04-02")
		assert str(frappe.db.get_value("Complaint Action", action.name, "due_date")) == "2026-04-16"
		moved = frappe.db.get_value("Stage 2 Investigation", stage_2.name, "response_due_on")
		assert moved == site_calendar().add_working_days(stage_2_due, 1)
	finally:
		frappe.clear_document_cache("Complaints Settings", "Complaints Settings")
