"""Number cards of the Complaints workspace that need more than a filter: each returns its figure and
the filtered list it opens. Counts go through frappe.get_list, so they are the user's own, and read from
the read replica when there is one."""

import frappe
from frappe.utils import getdate, today

from complaints_hc.complaints.names import OPEN
from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.replica import read_from_replica
from complaints_hc.working_days.site import add_working_days
from complaints_hc.workshops.names import SCHEDULED

DUE_SOON_WORKING_DAYS = 5


@frappe.whitelist()
@read_from_replica
def complaints_due_soon(filters=None) -> dict:
	"""Open complaints due from today to the 5th working day from now."""
	start = getdate(today())
	route_options = {
		"status": ["in", list(OPEN)],
		"due_date": [
			"between",
			[str(start), str(add_working_days(start, DUE_SOON_WORKING_DAYS))],
		],
	}
	return card(reporting.count("Complaint", route_options), "Complaint", route_options)


@frappe.whitelist()
@read_from_replica
def upcoming_workshops_with_free_seats(filters=None) -> dict:
	route_options = {"status": SCHEDULED, "workshop_date": [">=", today()], "free_seats": [">", 0]}
	return card(reporting.count("Workshop", route_options), "Workshop", route_options)


def card(value: int, doctype: str, route_options: dict) -> dict:
	return {"value": value, "fieldtype": "Int", "route": ["List", doctype], "route_options": route_options}
