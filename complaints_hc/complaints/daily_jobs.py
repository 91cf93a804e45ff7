"""The daily timeliness jobs: every open complaint's (and stage 2 investigation's) "on track / due soon /
overdue", set-wise.

It reads only stored due dates and today, so a day the scheduler missed is simply caught up on the
next run. Each change of status is one UPDATE for all the complaints it concerns. The complaints
that have just become due soon or overdue then raise the "notify_due_soon" / "notify_overdue"
methods, which the editable Notification records listen to.
"""

import frappe
from frappe.query_builder import Criterion
from frappe.utils import getdate, nowdate

from complaints_hc.complaints import clocks
from complaints_hc.complaints.names import (
	ACTION_STILL_OPEN,
	CORPORATE,
	DUE_SOON,
	ON_TRACK,
	OPEN,
	OVERDUE,
	STAGE2_AWAITING_RESPONSE,
	STAGE3_AWAITING_RESPONSE,
)
from complaints_hc.working_days.site import due_soon_within, site_calendar

NOTIFY_METHOD = {DUE_SOON: "notify_due_soon", OVERDUE: "notify_overdue"}


def refresh_complaint_timeliness(today=None) -> dict[str, list[str]]:
	"""Set the timeliness of every open complaint as of today; returns the names that changed, by status.

	Due dates are first counted again if the working-day calendar changed (calendar_follow.py)."""
	from complaints_hc.complaints.calendar_follow import follow_calendar_changes

	follow_calendar_changes()
	return refresh_timeliness("Complaint", "due_date", "rag_status", OPEN, today)


def refresh_stage_2_timeliness(today=None) -> dict[str, list[str]]:
	"""The same for every stage 2 investigation still waiting for its response."""
	return refresh_timeliness(
		"Stage 2 Investigation", "response_due_on", "timeliness", STAGE2_AWAITING_RESPONSE, today
	)


def refresh_stage_3_timeliness(today=None) -> dict[str, list[str]]:
	"""The same for every stage 3 panel still short of the council's response, against its next deadline."""
	return refresh_timeliness(
		"Stage 3 Review Panel", "next_due_on", "timeliness", STAGE3_AWAITING_RESPONSE, today
	)


def refresh_timeliness(doctype: str, due_field: str, timeliness_field: str, open_statuses, today=None):
	today = getdate(today or nowdate())
	bound = clocks.due_soon_bound(site_calendar(), today, due_soon_within())
	table = frappe.qb.DocType(doctype)
	due, timeliness = table[due_field], table[timeliness_field]
	wanted = {
		OVERDUE: due < today,
		DUE_SOON: (due >= today) & (due < bound),
		ON_TRACK: due >= bound,
	}
	changed = {}
	for status, condition in wanted.items():
		needs_change = Criterion.all([table.status.isin(open_statuses), condition, timeliness.ne(status)])
		found = frappe.qb.from_(table).select(table.name).where(needs_change).run(pluck=True)
		if found:
			frappe.qb.update(table).set(timeliness, status).where(table.name.isin(found)).run()
		changed[status] = found
	for status, method in NOTIFY_METHOD.items():
		for name in changed[status]:
			frappe.get_doc(doctype, name).run_method(method)
	return changed


def refresh_overdue_actions(today=None) -> list[str]:
	"""Mark actions overdue (or no longer overdue) as of today, set-wise; alert on those newly overdue."""
	today = getdate(today or nowdate())
	action = frappe.qb.DocType("Complaint Action")
	overdue_now = action.status.isin(ACTION_STILL_OPEN) & (action.due_date < today)
	newly = (
		frappe.qb.from_(action)
		.select(action.name)
		.where(overdue_now & (action.is_overdue == 0))
		.run(pluck=True)
	)
	if newly:
		frappe.qb.update(action).set(action.is_overdue, 1).where(action.name.isin(newly)).run()
	frappe.qb.update(action).set(action.is_overdue, 0).where((action.is_overdue == 1) & ~overdue_now).run()
	for name in newly:
		frappe.get_doc("Complaint Action", name).run_method("notify_action_overdue")
	return newly


def raise_early_clock_alerts(today=None) -> dict[str, list[str]]:
	"""Alert on allocation, contact (or a corporate acknowledgement) and QA on their days (and catch up missed days), each once.

	Which alerts are due is `clocks.early_alerts_due`, the rule a save uses too. Complaints are read in
	one query; each kind of alert is marked sent in one UPDATE, then its Notification method is raised.
	"""
	today = getdate(today or nowdate())
	calendar = site_calendar()
	sent_fields = list(clocks.ALERT_SENT_FIELDS.values())
	complaints = frappe.get_all(
		"Complaint",
		filters={"status": ["in", OPEN]},
		or_filters={field: 0 for field in sent_fields},
		fields=[
			"name",
			"status",
			"received_on",
			"contact_by",
			"qa_by",
			"complainant_contacted_on",
			"acknowledged_on",
			"procedure",
			*sent_fields,
		],
	)
	raised = {alert: [] for alert in clocks.ALERT_METHODS}
	for row in complaints:
		corporate = row.procedure == CORPORATE
		due = clocks.early_alerts_due(
			today,
			row.status,
			clocks.allocation_due(calendar, getdate(row.received_on)),
			getdate(row.contact_by),
			bool(row.acknowledged_on if corporate else row.complainant_contacted_on),
			getdate(row.qa_by),
			corporate=corporate,
		)
		for alert in due:
			if not row[clocks.ALERT_SENT_FIELDS[alert]]:
				raised[alert].append(row.name)
	complaint = frappe.qb.DocType("Complaint")
	for alert, names in raised.items():
		if names:
			frappe.qb.update(complaint).set(complaint[clocks.ALERT_SENT_FIELDS[alert]], 1).where(
				complaint.name.isin(names)
			).run()
	for alert, names in raised.items():
		for name in names:
			frappe.get_doc("Complaint", name).run_method(clocks.ALERT_METHODS[alert])
	return raised
