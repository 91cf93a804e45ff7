# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Complaints Timeliness: per stage, what came in and went out in the period, how much of it within
the time limit, how long it took in working days, and what is open and overdue now."""

import frappe
from frappe import _

from complaints_hc.complaints import names
from complaints_hc.complaints.names import OPEN
from complaints_hc.complaints_hc.report import utils as reporting

COUNTS = (
	("received", "Received"),
	("responded", "Responded"),
	("within_time_limit", "Within Time Limit"),
)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	period = reporting.period_from(filters)
	rows = stage_rows(filters, period)
	return columns(), rows, None, chart(rows), summary(rows, period)


def columns() -> list[dict]:
	return [
		{"fieldname": "stage", "label": _("Stage"), "fieldtype": "Data", "width": 110},
		*[{"fieldname": key, "label": _(label), "fieldtype": "Int", "width": 100} for key, label in COUNTS],
		{
			"fieldname": "within_percent",
			"label": _("Within Time Limit (%)"),
			"fieldtype": "Percent",
			"width": 150,
		},
		{
			"fieldname": "average_days",
			"label": _("Average Working Days"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 150,
		},
		{"fieldname": "worst_days", "label": _("Most Working Days"), "fieldtype": "Int", "width": 140},
		{"fieldname": "extensions", "label": _("Extensions"), "fieldtype": "Int", "width": 100},
		{"fieldname": "restarts", "label": _("Restarts"), "fieldtype": "Int", "width": 90},
		{"fieldname": "early_resolutions", "label": _("Early Resolutions"), "fieldtype": "Int", "width": 130},
		{"fieldname": "open_now", "label": _("Open Now"), "fieldtype": "Int", "width": 100},
		{"fieldname": "overdue_now", "label": _("Overdue Now"), "fieldtype": "Int", "width": 110},
	]


def by_stage(rows, value: str = "count") -> dict:
	return {row.stage: row.get(value) for row in rows}


def stage_rows(filters, period: reporting.Period) -> list[dict]:
	base = reporting.complaint_filters(filters)
	received = by_stage(reporting.count_by("Complaint", ["stage"], {**base, "received_on": period.between()}))
	responded_rows = reporting.count_by(
		"Complaint",
		["stage"],
		{**base, "responded_on": period.between()},
		[
			"sum(timescale_met = 'Met') as within",
			"avg(working_days_taken) as average",
			"max(working_days_taken) as worst",
		],
	)
	responded = {row.stage: row for row in responded_rows}
	restarts = by_stage(
		reporting.count_by("Complaint", ["stage"], {**base, "clock_restarted_on": period.between()})
	)
	early = by_stage(
		reporting.count_by(
			"Complaint", ["stage"], {**base, "received_on": period.between(), "early_resolution": 1}
		)
	)
	open_now = by_stage(reporting.count_by("Complaint", ["stage"], {**base, "status": ["in", OPEN]}))
	overdue = by_stage(
		reporting.count_by("Complaint", ["stage"], {**base, "status": ["in", OPEN], "rag_status": "Overdue"})
	)
	extensions = by_stage(
		frappe.get_list(
			"Complaint",
			filters=[
				*reporting.list_filters("Complaint", base),
				["Complaint Extension", "requested_on", *period.between()],
			],
			fields=["stage", "count(`tabComplaint Extension`.name) as count"],
			group_by="stage",
			order_by=None,
		)
	)
	rows = []
	for stage in names.STAGES:
		out = responded.get(stage)
		within = int(out.within or 0) if out else 0
		rows.append(
			{
				"stage": stage,
				"received": received.get(stage, 0),
				"responded": out.count if out else 0,
				"within_time_limit": within,
				"within_percent": reporting.percent(within, out.count if out else 0),
				"average_days": round(out.average, 1) if out and out.average is not None else None,
				"worst_days": out.worst if out else None,
				"extensions": extensions.get(stage, 0),
				"restarts": restarts.get(stage, 0),
				"early_resolutions": early.get(stage, 0),
				"open_now": open_now.get(stage, 0),
				"overdue_now": overdue.get(stage, 0),
			}
		)
	return rows


def chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [r["stage"] for r in rows],
			"datasets": [{"name": _(label), "values": [r[key] for r in rows]} for key, label in COUNTS],
		},
		"type": "bar",
	}


def summary(rows: list[dict], period: reporting.Period) -> list[dict]:
	responded = sum(r["responded"] for r in rows)
	within = sum(r["within_time_limit"] for r in rows)
	return [
		{"label": _("Period"), "value": period.label, "datatype": "Data"},
		{"label": _("Received"), "value": sum(r["received"] for r in rows), "datatype": "Int"},
		{"label": _("Responded"), "value": responded, "datatype": "Int"},
		{
			"label": _("Within Time Limit"),
			"value": reporting.percent(within, responded),
			"datatype": "Percent",
			"indicator": "Green",
		},
		{
			"label": _("Overdue Now"),
			"value": sum(r["overdue_now"] for r in rows),
			"datatype": "Int",
			"indicator": "Red",
		},
	]
