"""One published learning bulletin: /bulletins/<name>, for staff who sign in to the portal."""

import frappe
from frappe import _

from complaints_hc.learning import bulletin

no_cache = 1


def get_context(context):
	if not bulletin.staff_may_read(frappe.session.user):
		frappe.throw(
			_("Sign in with your staff account to read the learning bulletins."), frappe.PermissionError
		)
	copy = bulletin.published_copy(frappe.form_dict.get("bulletin") or "")
	if not copy:
		raise frappe.DoesNotExistError(_("There is no published bulletin here."))
	context.title = copy.title
	context.bulletin = copy
	context.parents = [{"route": "bulletins", "title": _("Learning bulletins")}]
	return context
