"""Open complaints' stored due dates follow a change of the working-day calendar on the next refresh."""

import frappe
from helpers import as_user, make_complaint, make_user, on

from complaints_hc.complaints.daily_jobs import refresh_complaint_timeliness
from complaints_hc.security import roles

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
