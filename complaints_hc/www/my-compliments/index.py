"""My compliments: the compliments about the signed-in staff member, and nobody else's."""

import frappe
from frappe import _

from complaints_hc.learning.compliments import compliments_about

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.throw(_("Sign in to see your compliments."), frappe.PermissionError)
	context.title = _("My compliments")
	context.compliments = compliments_about(frappe.session.user)
	return context
