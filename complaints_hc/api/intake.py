"""The public complaint form's one method: POST only, open to guests, limited per network and email address
(complaints/intake.py, limits in Complaints Settings)."""

import frappe
from frappe import _

from complaints_hc.complaints import intake


@frappe.whitelist(allow_guest=True, methods=["POST"])
def submit(**form) -> dict:
	"""Only the form's own fields are read; the answer carries the reference and nothing else."""
	reference = intake.log_complaint(form)
	message = _(
		"Thank you. We have received your complaint: its reference is {0}. We will contact you within 2 working days."
	)
	return {"reference": reference, "message": message.format(reference)}
