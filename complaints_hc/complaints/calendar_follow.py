"""Stored clock dates of open work follow the working-day calendar when it changes.

Due dates are counted when a record is saved, and stored. When the calendar they were counted with
changes (Complaints Settings, or an edit of the ERPNext Holiday List it takes its days from), the next
daily refresh counts the dates again, before timeliness is set: open complaints, stage 2 investigations
and stage 3 panels not yet closed, and open actions whose completion date was agreed as a number of
working days. The calendar last followed is remembered as a fingerprint; the first refresh on a site
only records it.
"""

import hashlib

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc.complaints.names import ACTION_STILL_OPEN, OPEN, STAGE2_FINAL, STAGE3_FINAL
from complaints_hc.working_days.site import calendar_in_use

FOLLOWED = "complaints_hc_calendar_followed"
CLOCK_DATES = ("day_zero", "allocation_due", "contact_by", "draft_by", "due_date", "qa_by",
	"acknowledge_by", "longest_due_date")  # fmt: skip


def fingerprint() -> str:
	return hashlib.sha256(repr(tuple(calendar_in_use())).encode()).hexdigest()


def follow_calendar_changes() -> list[str]:
	"""Count open complaints' dates again if the calendar changed since last followed; the names moved."""
	now = fingerprint()
	# Read from the table, not Frappe's defaults cache: a cached value may outlive a rolled-back write.
	followed = frappe.db.get_value("DefaultValue", {"parent": "__default", "defkey": FOLLOWED}, "defvalue")
	if followed == now:
		return []
	moved, refused = [], {}
	if followed:
		moved, refused = recount_running_clocks()
	if refused:  # tried again on the next refresh, once the calendar can count them
		frappe.log_error(
			title=_("Due dates not counted again"),
			message="\n".join(f"{name}: {message}" for name, message in refused.items()),
		)
	else:
		frappe.db.set_default(FOLLOWED, now)
	return moved


def _as_date(value):
	return getdate(value) if value else None


def _complaint_clocks(doc):
	dates = doc.compute_clocks()
	for field in CLOCK_DATES:
		doc.set(field, getattr(dates, field))


# What follows the calendar: the DocType, which of its records are still running, how their dates are
# counted (each DocType's own method, as on save) and the dates it stores.
FOLLOWERS = (
	("Complaint", {"status": ["in", OPEN]}, _complaint_clocks, CLOCK_DATES),
	("Stage 2 Investigation", {"status": ["not in", STAGE2_FINAL]}, lambda doc: doc.set_clock(),
		("due_on", "longest_due_on", "response_due_on")),
	("Stage 3 Review Panel", {"status": ["not in", STAGE3_FINAL]}, lambda doc: doc.set_clocks(),
		("meeting_due_on", "report_due_on", "response_due_on", "next_due_on")),
	("Complaint Action", {"status": ["in", ACTION_STILL_OPEN], "due_in_working_days": [">", 0]},
		lambda doc: doc.set_due_date(), ("due_date",)),
)  # fmt: skip


def recount_running_clocks() -> tuple[list[str], dict[str, str]]:
	"""Every follower's running records counted again; the names whose dates moved, and those refused."""
	moved, refused = [], {}
	for doctype, running, count, fields in FOLLOWERS:
		for name in frappe.get_all(doctype, running, pluck="name", order_by="name"):
			if _recount(doctype, name, count, fields, refused):
				moved.append(name)
	return moved, refused


def _recount(doctype, name, count, fields, refused) -> bool:
	doc = frappe.get_doc(doctype, name)
	before = {field: _as_date(doc.get(field)) for field in fields}
	try:
		count(doc)
	except frappe.ValidationError as error:
		frappe.clear_last_message()
		refused[name] = str(error)
		return False
	changes = {
		field: _as_date(doc.get(field)) for field in fields if _as_date(doc.get(field)) != before[field]
	}
	if not changes:
		return False
	frappe.db.set_value(doctype, name, changes, update_modified=False)
	due = next((field for field in ("due_date", "response_due_on") if field in changes), None)
	if due:
		doc.add_comment(
			"Info",
			_("Due date moved from {0} to {1}: the working-day calendar changed.").format(
				frappe.format(before[due], "Date"), frappe.format(changes[due], "Date")
			),
		)
	return True
