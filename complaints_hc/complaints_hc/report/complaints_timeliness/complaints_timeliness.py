# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Complaints Timeliness: per stage, what came in and went out in the period, how much of it within
the time limit, how long it took in working days, and what is open and overdue now.

One procedure at a time (statutory unless the corporate one is chosen): their clocks differ, so their
figures are never added together."""

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
	filters = reporting.one_procedure(filters)
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


def stage_rows(filters, period: reporting.Period) -> list[dict]:
	"""One row per stage: stage 1 (or the corporate response) from the procedure's complaints, later
	stages from their own records; each stage's figures from its own clock, so an escalated complaint
	still counts at stage 1 as it was answered."""
	base = reporting.complaint_filters(filters)
	rows = {
		names.STAGE_1: stage_1_row(base, period),
		names.STAGE_2: later_stage_row(
			names.STAGE_2, "Stage 2 Investigation", names.STAGE2_AWAITING_RESPONSE, base, period
		),
		names.OMBUDSMAN: ombudsman_row(base, period),
		names.STAGE_3: later_stage_row(
			names.STAGE_3, "Stage 3 Review Panel", names.STAGE3_AWAITING_RESPONSE, base, period
		),
	}
	return [rows.get(stage) or finish(stage, {}, **dict.fromkeys(ROW_KEYS, 0)) for stage in names.STAGES]


ROW_KEYS = ("received", "extensions", "restarts", "early_resolutions", "open_now", "overdue_now")


def totals(doctype: str, filters, aggregates: list[str]) -> frappe._dict:
	rows = frappe.get_list(doctype, filters=filters, fields=aggregates, order_by=None)
	return rows[0] if rows else frappe._dict()


def stage_1_row(base: dict, period: reporting.Period) -> dict:
	out = totals("Complaint", {**base, "responded_on": period.between()}, [
		"count(`tabComplaint`.name) as count", "sum(timescale_met = 'Met') as within",
		"avg(working_days_taken) as average", "max(working_days_taken) as worst"])  # fmt: skip
	extensions = totals("Complaint", [*reporting.list_filters("Complaint", base),
		["Complaint Extension", "requested_on", *period.between()]], ["count(`tabComplaint Extension`.name) as count"])  # fmt: skip
	return finish(
		names.STAGE_1,
		out,
		received=reporting.count("Complaint", {**base, "received_on": period.between()}),
		extensions=extensions.get("count") or 0,
		restarts=reporting.count("Complaint", {**base, "clock_restarted_on": period.between()}),
		early_resolutions=reporting.count(
			"Complaint", {**base, "received_on": period.between(), "early_resolution": 1}
		),
		open_now=reporting.count("Complaint", {**base, "status": ["in", OPEN]}),
		overdue_now=reporting.count("Complaint", {**base, "status": ["in", OPEN], "rag_status": "Overdue"}),
	)


def later_stage_row(stage: str, doctype: str, awaiting: tuple, base: dict, period: reporting.Period) -> dict:
	"""A later stage's figures from its own records (asked for, answered, within its time limits)."""
	of = reporting.later_stage_filters(base)
	out = totals(doctype, {**of, "response_sent_on": period.between()}, [
		f"count(`tab{doctype}`.name) as count", "sum(timeliness = 'Met') as within",
		"avg(working_days_taken) as average", "max(working_days_taken) as worst"])  # fmt: skip
	waiting = {**of, "status": ["in", awaiting]}
	extended = {**of, "requested_on": period.between(), "extended_to": ["is", "set"]}
	return finish(
		stage,
		out,
		received=reporting.count(doctype, {**of, "requested_on": period.between()}),
		extensions=reporting.count(doctype, extended)
		if frappe.get_meta(doctype).has_field("extended_to")
		else 0,
		restarts=0,
		early_resolutions=0,
		open_now=reporting.count(doctype, waiting),
		overdue_now=reporting.count(doctype, {**waiting, "timeliness": "Overdue"}),
	)


def ombudsman_row(base: dict, period: reporting.Period) -> dict:
	"""The Ombudsman's enquiries received in the period and its final decisions in it: the Ombudsman
	keeps no clock of the council's, so nothing here is within or outside a time limit."""
	doctype = "Ombudsman Enquiry"
	of = reporting.later_stage_filters(base)
	decided = reporting.count(doctype, {**of, "final_decision_on": period.between()})
	return finish(
		names.OMBUDSMAN,
		{"count": decided},
		received=reporting.count(doctype, {**of, "requested_on": period.between()}),
		extensions=0,
		restarts=0,
		early_resolutions=0,
		open_now=reporting.count(doctype, {**of, "status": ["!=", names.OMBUDSMAN_CLOSED]}),
		overdue_now=0,
		timed=False,
	)


def finish(stage: str, out, timed: bool = True, **counts) -> dict:
	"""A stage's row; `timed` is False for a stage the council keeps no time limit for."""
	responded = out.get("count") or 0
	within = int(out.get("within") or 0) if timed else None
	average = out.get("average")
	return {
		"stage": stage,
		"received": counts.pop("received"),
		"responded": responded,
		"within_time_limit": within,
		"within_percent": reporting.percent(within, responded) if timed else None,
		"average_days": round(average, 1) if average is not None else None,
		"worst_days": out.get("worst"),
		**counts,
	}


def within_percent(rows: list[dict]) -> float | None:
	"""Of the responses to stages with a council time limit, the share within it."""
	timed = [r for r in rows if r["within_time_limit"] is not None]
	return reporting.percent(sum(r["within_time_limit"] for r in timed), sum(r["responded"] for r in timed))


def chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [r["stage"] for r in rows],
			"datasets": [{"name": _(label), "values": [r[key] or 0 for r in rows]} for key, label in COUNTS],
		},
		"type": "bar",
	}


def summary(rows: list[dict], period: reporting.Period) -> list[dict]:
	responded = sum(r["responded"] for r in rows)
	return [
		{"label": _("Period"), "value": period.label, "datatype": "Data"},
		{"label": _("Received"), "value": sum(r["received"] for r in rows), "datatype": "Int"},
		{"label": _("Responded"), "value": responded, "datatype": "Int"},
		{
			"label": _("Within Time Limit"),
			"value": within_percent(rows),
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
