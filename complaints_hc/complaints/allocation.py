"""Allocating a complaint to a QA Officer by assigning it (for example through an Assignment Rule).

The council may let an Assignment Rule share new complaints out among its QA officers. Such an
assignment is the allocation: it is allowed only to an independent QA Officer while the complaint
has none, and it fills the complaint's QA Officer. The QA Service Manager then confirms it with the
workflow's "Allocate" action, as for an allocation made by hand.
"""

import frappe
from frappe import _
from frappe.automation.doctype.assignment_rule import assignment_rule
from frappe.utils import getdate, today

from complaints_hc.complaints.names import RECEIVED
from complaints_hc.security import roles
from complaints_hc.working_days.site import is_working_day

ALLOCATION_RULE = "Allocate complaints to QA officers"


def can_be_allocated_by_assignment(complaint, user: str) -> bool:
	return (
		not complaint.qa_officer
		and complaint.status == RECEIVED
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


def allocate_waiting_complaints(day=None) -> list[str]:
	"""Daily, on working days: offer each complaint still waiting for a QA Officer to the council's rules.

	Assignment Rules act when a document is saved, and only on their days: a complaint made through
	the portal at the weekend would wait until someone touched it. Returns the complaints allocated.
	"""
	if not is_working_day(getdate(day or today())):
		return []
	allocated = []
	for name in frappe.get_all(
		"Complaint", {"status": RECEIVED, "qa_officer": ["is", "not set"]}, pluck="name"
	):
		frappe.db.savepoint("allocate_waiting")
		try:
			assignment_rule.apply(frappe.get_doc("Complaint", name))
		except (
			frappe.ValidationError,
			frappe.PermissionError,
		):  # e.g. the rule's next officer is involved in the case
			frappe.db.rollback(save_point="allocate_waiting")
			frappe.log_error(title=_("Complaint not allocated by the rule"), reference_doctype="Complaint",
				reference_name=name)  # fmt: skip
			continue
		if frappe.db.get_value("Complaint", name, "qa_officer"):
			allocated.append(name)
	return allocated


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
