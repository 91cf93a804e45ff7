"""The complaint form's journey panel."""

import frappe

from complaints_hc.complaints import journey


@frappe.whitelist(methods=["GET"])
def complaint_journey(complaint: str) -> list[dict]:
	"""Every stage of a complaint the user may read (the check notes the look in the access log)."""
	frappe.has_permission("Complaint", "read", doc=complaint, throw=True)
	return journey.journey(complaint)
