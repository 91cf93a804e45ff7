"""Allocating a complaint to a QA Officer by assigning it (for example through an Assignment Rule).

The council may let an Assignment Rule share new complaints out among its QA officers. Such an
assignment is the allocation: it is allowed only to an independent QA Officer while the complaint
has none, and it fills the complaint's QA Officer. The QA Service Manager then confirms it with the
workflow's "Allocate" action, as for an allocation made by hand.
"""

import frappe
from frappe.utils import today

from complaints_hc.security import roles

ALLOCATION_RULE = "Allocate complaints to QA officers"


def can_be_allocated_by_assignment(complaint, user: str) -> bool:
	return (
		not complaint.qa_officer
		and complaint.status == "Received"
		and roles.QA_OFFICER in frappe.get_roles(user)
		and user not in complaint.people_involved_in_the_case()
	)


def allocate_from_assignment(todo, method=None):
	"""ToDo.after_insert: an assignment to an independent QA Officer allocates the complaint."""
	if todo.reference_type != "Complaint" or todo.status != "Open" or not todo.reference_name:
		return
	complaint = frappe.get_doc("Complaint", todo.reference_name)
	if can_be_allocated_by_assignment(complaint, todo.allocated_to):
		# The checks a save would make were just made; a nested save inside the outer one is avoided.
		complaint.db_set(
			{"qa_officer": todo.allocated_to, "allocated_on": today(), "allocated_by": frappe.session.user}
		)


def ensure_allocation_rule():
	"""A disabled Assignment Rule the council fills with its QA officers and enables when it wants."""
	if frappe.db.exists("Assignment Rule", ALLOCATION_RULE):
		return
	frappe.get_doc(
		{
			"doctype": "Assignment Rule",
			"name": ALLOCATION_RULE,
			"document_type": "Complaint",
			"description": "Shares new complaints out among the QA officers listed below, in turn. "
			"Each one is then confirmed by the QA Service Manager with the Allocate action.",
			"assign_condition": 'status == "Received" and not qa_officer',
			"rule": "Round Robin",
			"disabled": 1,
			"priority": 1,
			"assignment_days": [
				{"day": day} for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
			],
		}
	).insert(ignore_permissions=True)  # install-time set-up
