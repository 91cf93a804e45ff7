"""Open complaints' stored clock dates follow the working-day calendar when it changes.

Due dates are counted when a complaint is saved, and stored. When the calendar they were counted with
changes (Complaints Settings, or an edit of the ERPNext Holiday List it takes its days from), the next
daily refresh counts every open complaint's dates again, before their timeliness is set. The calendar
last followed is remembered as a fingerprint; the first refresh on a site only records it.
"""

import hashlib

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc.complaints.names import OPEN
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
		moved, refused = recount_open_complaints()
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


def recount_open_complaints() -> tuple[list[str], dict[str, str]]:
	moved, refused = [], {}
	for name in frappe.get_all("Complaint", {"status": ["in", OPEN]}, pluck="name", order_by="name"):
		doc = frappe.get_doc("Complaint", name)
		try:
			dates = doc.compute_clocks()
		except frappe.ValidationError as error:
			frappe.clear_last_message()
			refused[name] = str(error)
			continue
		changes = {
			field: getattr(dates, field)
			for field in CLOCK_DATES
			if _as_date(doc.get(field)) != getattr(dates, field)
		}
		if not changes:
			continue
		frappe.db.set_value("Complaint", name, changes, update_modified=False)
		if "due_date" in changes:
			doc.add_comment(
				"Info",
				_("Due date moved from {0} to {1}: the working-day calendar changed.").format(
					frappe.format(doc.due_date, "Date"), frappe.format(changes["due_date"], "Date")
				),
			)
		moved.append(name)
	return moved, refused
