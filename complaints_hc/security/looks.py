"""What the current request asked to see of complaint data, noted by the row-level permission check.

Kept apart (and free of app imports) so that the permission hooks can note a look and the access log
(`access_log.record_request`) can read them after the request, without the two importing each other.
"""

import frappe


def note(doctype: str, name: str | None, user: str, allowed: bool):
	"""This request asked whether `user` may see this document; a refusal sticks."""
	if not name or not getattr(frappe.local, "request", None):
		return  # a background job or a test in process: no request to put on record
	if user != frappe.session.user:
		return  # asked on someone else's behalf (may they be given a share?): not a look of theirs
	looks = frappe.local.flags.setdefault("complaint_looks", {})
	key = (doctype, name, user)
	looks[key] = looks.get(key, True) and allowed


def take_this_requests() -> dict:
	"""The looks noted so far, handed over once (checks made while logging them are not looks)."""
	noted = frappe.local.flags.get("complaint_looks") or {}
	frappe.local.flags.complaint_looks = {}
	return noted
