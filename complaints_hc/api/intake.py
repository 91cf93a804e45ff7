"""The public complaint forms' methods: POST only, open to guests, limited per network and email address
(complaints/intake.py, limits in Complaints Settings)."""

import frappe
from frappe import _

from complaints_hc.complaints import intake


@frappe.whitelist(allow_guest=True, methods=["POST"])
def submit(**form) -> dict:
	"""Only the form's own fields are read; the answer carries the reference and nothing else."""
	reference = logged(form, young_person=False)
	message = _(
		"Thank you. We have received your complaint: its reference is {0}. We will contact you within 2 working days."
	)
	return {"reference": reference, "message": message.format(reference)}


@frappe.whitelist(allow_guest=True, methods=["POST"])
def submit_young_person(**form) -> dict:
	"""The form for children and young people: the child is the complainant."""
	reference = logged(form, young_person=True)
	message = _(
		"Thank you for telling us. Your complaint number is {0}. Someone from our team will get in touch with you within 2 working days (Monday to Friday, not bank holidays)."
	)
	return {"reference": reference, "message": message.format(reference)}


def logged(form: dict, young_person: bool) -> str:
	try:
		return intake.log_complaint(form, young_person)
	except intake.FormProblems as problems:
		frappe.response["problems"] = problems.by_field  # the form puts each message by its field
		raise
