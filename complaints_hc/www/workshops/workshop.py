"""One workshop's page (/workshops/<name>): what it covers, seats left, and book, wait or cancel."""

import frappe
from frappe import _

from complaints_hc.workshops.portal import workshop_for

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.throw(_("Sign in to book workshops."), frappe.PermissionError)
	context.workshop = workshop_for(frappe.session.user, frappe.form_dict.get("workshop") or "")
	context.title = context.workshop.title
	return context
