"""Erasure and rectification, where the law allows them: carried out the way the retention job works,
straight on the record, past its integrity lock, because a recorded decision says so."""

import frappe
from frappe import _
from frappe.utils import validate_email_address

from complaints_hc.data_protection import anonymise, holds

EMAIL_FIELDS = ("complainant_email", "advocate_email")


def carry_out(decision):
	if decision.kind == "Erasure":
		if holds.is_held(decision.complaint):
			frappe.throw(_("{0} is under a legal hold: lift it before erasing.").format(decision.complaint))
		anonymise.anonymise_complaints([decision.complaint])
	else:
		correct(decision)


def correct(decision):
	if not decision.corrections:
		frappe.throw(_("List the corrections to make."), title=_("Rectification"))
	values = {}
	for row in decision.corrections:
		value = (row.corrected_value or "").strip() or None
		if row.fieldname in EMAIL_FIELDS and value and not validate_email_address(value):
			frappe.throw(_("Row {0}: {1} is not an email address.").format(row.idx, value))
		if row.fieldname == "child_date_of_birth" and value:
			value = frappe.utils.getdate(value)
		values[row.fieldname] = value
	anonymise.update("Complaint", values, "name = %(name)s", {"name": decision.complaint})
	frappe.clear_document_cache("Complaint", decision.complaint)
	frappe.get_doc("Complaint", decision.complaint).add_comment(
		"Info", _("Corrected under data rights decision {0}: {1}.").format(decision.name, ", ".join(values))
	)
