"""Published learning bulletins, for staff who sign in to the portal."""

import frappe
from frappe import _

from complaints_hc.learning import bulletin

no_cache = 1


def get_context(context):
	if not bulletin.staff_may_read(frappe.session.user):
		frappe.throw(
			_("Sign in with your staff account to read the learning bulletins."), frappe.PermissionError
		)
	context.title = _("Learning bulletins")
	context.bulletins = bulletin.published()
	return context
