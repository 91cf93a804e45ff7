"""Upcoming workshops, their themes and seats, to book, join the waiting list or cancel."""

import frappe
from frappe import _

from complaints_hc.learning.training_needs import recommendations_for
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
	# Sessions recommended for the user's team, and why (the team and the theme, never a complaint).
	titles = {w.name: w.title for w in upcoming_workshops(frappe.session.user)}
	context.recommended = [
		{**r, "title": titles[r["workshop"]]}
		for r in recommendations_for(frappe.session.user)
		if r["workshop"] in titles
	]
	context.recommended_workshops = {r["workshop"] for r in context.recommended}
	return context
