"""Every change to the complaints service's configuration is kept, with the record as it was, and can
be undone from that history.

Frappe v15 keeps Versions of these records, but stores their values formatted for reading and offers
no way back. Here each save of a workflow, notification, assignment rule, print format or email
template serving the app's DocTypes, or of a letter head, writes a Configuration Change holding the
stored record; undoing puts those values back and saves through every guard (the workflow shape,
the template guard, the permission hooks), as the signed-in user.
"""

import json

import frappe
from frappe import _
from frappe.model import default_fields, no_value_fields, table_fields
from frappe.utils import now_datetime

from complaints_hc.security import configuration

KEPT = (*configuration.SERVES, "Email Template", "Letter Head")
NOT_RESTORED = {*default_fields, "amended_from"}


def is_the_services(doc) -> bool:
	field = configuration.SERVES.get(doc.doctype)
	return not field or doc.get(field) in configuration.app_doctypes()


def content(doc) -> dict:
	"""The record's own values and rows, without what Frappe keeps about the record itself."""
	values = {}
	for df in doc.meta.fields:
		if df.fieldtype in table_fields:
			values[df.fieldname] = [
				{k: v for k, v in row.as_dict().items() if k not in NOT_RESTORED and k != "parent"}
				for row in doc.get(df.fieldname)
			]
		elif df.fieldtype not in no_value_fields:
			values[df.fieldname] = doc.get(df.fieldname)
	return values


def keep_change(doc, method=None):
	"""on_update of the configuration DocTypes: record who changed what, and the record before."""
	before = doc.get_doc_before_save()
	if not before or not is_the_services(before):
		return
	was, now = content(before), content(doc)
	changed = sorted(
		field
		for field in was
		if json.dumps(was[field], default=str) != json.dumps(now.get(field), default=str)
	)
	if not changed:
		return
	frappe.get_doc(
		{
			"doctype": "Configuration Change",
			"reference_doctype": doc.doctype,
			"reference_name": doc.name,
			"changed_by": frappe.session.user,
			"changed_on": now_datetime(),
			"changed_fields": ", ".join(_(doc.meta.get_label(field)) for field in changed),
			"before": json.dumps(was, default=str, indent=1),
		}
	).insert(ignore_permissions=True)  # the server's own record of a change the user just made


def undo(change_name: str) -> str:
	change = frappe.get_doc("Configuration Change", change_name)
	change.check_permission("read")
	doc = frappe.get_doc(change.reference_doctype, change.reference_name)
	doc.check_permission("write")
	for field, value in json.loads(change.before).items():
		doc.set(field, value)
	doc.save()  # every guard applies, as for any other change by this user
	return doc.name
