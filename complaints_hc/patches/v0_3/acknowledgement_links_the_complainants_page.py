"""The shipped acknowledgement now gives the complainant the link to their complaint's page.

A council that reworded the email keeps its words (it can add `{{ page_link }}` itself); one still on
the words as shipped gets the new ones."""

import hashlib

import frappe

from complaints_hc import email_templates
from complaints_hc.setup.install import default_records

AS_FIRST_SHIPPED = "242f1f2192080a8dfe0a118f7b2aca512cac874da53ce3cfd67ca92d00c55b5b"


def execute():
	name = email_templates.COMPLAINT_RECEIVED
	stored = frappe.db.get_value("Email Template", name, "response_html")
	if stored is None or hashlib.sha256(stored.encode()).hexdigest() != AS_FIRST_SHIPPED:
		return
	shipped = next(t for t in default_records("email_templates.json") if t["name"] == name)
	frappe.db.set_value("Email Template", name, "response_html", shipped["response_html"])
