"""Compliments as their staff see them."""

import html

import frappe
from frappe.utils import strip_html


def plain_words(words: str | None) -> str:
	"""The giver's words as plain text: Frappe stores text fields sanitised as HTML; show them as text."""
	return html.unescape(strip_html(words or "")).strip()


def compliments_about(user: str) -> list[dict]:
	"""Compliments naming this user: the filter on the user is the permission (staff hold no role for them)."""
	compliment = frappe.qb.DocType("Compliment")
	staff = frappe.qb.DocType("Compliment Staff")
	rows = (
		frappe.qb.from_(compliment)
		.join(staff)
		.on((staff.parent == compliment.name) & (staff.parenttype == "Compliment"))
		.select(
			compliment.name,
			compliment.received_on,
			compliment.given_by,
			compliment.category,
			compliment.words,
		)
		.where(staff.user == user)
		.orderby(compliment.received_on, order=frappe.qb.desc)
		.run(as_dict=True)
	)
	for row in rows:
		row.words = plain_words(row.words)  # escaped once, by the page
	return rows
