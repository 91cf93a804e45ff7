"""The council's own words on its public pages (the Public Notices record): the privacy notices on the
complaint forms and the details of the accessibility statement. Edited in the desk, never in code."""

import frappe
from frappe.utils.html_utils import sanitize_html

RICH_TEXT = ("privacy_notice", "privacy_notice_young_people", "non_accessible_content",
	"disproportionate_burden", "outside_scope")  # fmt: skip


def notices() -> frappe._dict:
	"""Every field, the rich text cleaned once more: these pages are read by anyone."""
	doc = frappe.get_cached_doc("Public Notices")
	values = frappe._dict(doc.as_dict(no_default_fields=True))
	for fieldname in RICH_TEXT:
		values[fieldname] = sanitize_html(values.get(fieldname) or "")
	return values


def privacy_notice(young_person: bool = False) -> str:
	return notices()["privacy_notice_young_people" if young_person else "privacy_notice"]
