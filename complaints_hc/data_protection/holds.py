"""Legal holds: a complaint under one is never anonymised, whatever its retention period says."""

import frappe
from frappe import _

from complaints_hc.security import visibility


def visible_complaint(name: str | None, user: str | None = None):
	"""The complaint if this user may see it; otherwise the same answer as for one that does not exist,
	so that a staff subject learns nothing of the complaint about them."""
	user = user or frappe.session.user
	if name and frappe.db.exists("Complaint", name):
		complaint = frappe.get_doc("Complaint", name)
		if visibility.may_see_complaint(complaint, user):
			return complaint
	frappe.throw(
		_("There is no complaint {0} that you can see.").format(name or ""), frappe.DoesNotExistError
	)


def check_placeable(name: str):
	complaint = visible_complaint(name)
	if complaint.anonymised_on:
		frappe.throw(_("{0} was anonymised on {1}: there is nothing left to hold.").format(
			complaint.name, frappe.format(complaint.anonymised_on, "Date")))  # fmt: skip


def is_held(complaint: str) -> bool:
	return bool(
		frappe.db.exists("Complaint Legal Hold", {"complaint": complaint, "lifted_on": ("is", "not set")})
	)
