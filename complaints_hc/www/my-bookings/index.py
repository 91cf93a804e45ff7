"""My bookings: the signed-in user's workshops, coming up and past, with cancel and feedback."""

import frappe
from frappe import _

from complaints_hc.workshops.portal import my_bookings

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.throw(_("Sign in to see your bookings."), frappe.PermissionError)
	context.title = _("My bookings")
	context.future, context.past = my_bookings(frappe.session.user)
	return context
