"""The public complaint form's one method: POST only, open to guests, limited per address."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from complaints_hc import intake


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(key="complainant_email", limit=5, seconds=60 * 60)
def submit(**form) -> dict:
	intake.log_complaint(form)
	return {
		"message": _("Thank you. We have received your complaint and will contact you within 2 working days.")
	}
