"""Upcoming workshops, their themes and seats, to book, join the waiting list or cancel."""

import frappe
from frappe import _

from complaints_hc.workshops.portal import upcoming_workshops

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.throw(_("Sign in to book workshops."), frappe.PermissionError)
	context.title = _("Workshops")
	context.themes = frappe.get_list("Learning Theme", filters={"disabled": 0}, pluck="name", order_by="name")
	chosen = frappe.form_dict.get("theme")
	context.chosen_theme = chosen if chosen in context.themes else None  # only a known theme filters
	context.workshops = upcoming_workshops(frappe.session.user, context.chosen_theme)
	return context
