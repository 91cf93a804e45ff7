"""Number cards of the Complaints workspace that need more than a filter: each returns its figure and
the filtered list it opens. Counts go through frappe.get_list, so they are the user's own."""

import frappe
from frappe.utils import getdate, today

from complaints_hc import working_days
from complaints_hc.complaints_hc.doctype.complaint.complaint import OPEN

DUE_SOON_WORKING_DAYS = 5


@frappe.whitelist()
def complaints_due_soon(filters=None) -> dict:
	"""Open complaints due from today to the 5th working day from now."""
	start = getdate(today())
	route_options = {
		"status": ["in", list(OPEN)],
		"due_date": [
			"between",
			[str(start), str(working_days.add_working_days(start, DUE_SOON_WORKING_DAYS))],
		],
	}
	return card(frappe.get_list("Complaint", filters=route_options, fields=["count(name) as n"])[0].n,
		"Complaint", route_options)  # fmt: skip


@frappe.whitelist()
def upcoming_workshops_with_free_seats(filters=None) -> dict:
	route_options = {"status": "Scheduled", "workshop_date": [">=", today()], "free_seats": [">", 0]}
	return card(frappe.get_list("Workshop", filters=route_options, fields=["count(name) as n"])[0].n,
		"Workshop", route_options)  # fmt: skip


def card(value: int, doctype: str, route_options: dict) -> dict:
	return {"value": value, "fieldtype": "Int", "route": ["List", doctype], "route_options": route_options}
