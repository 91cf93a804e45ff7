# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Annual Complaints Report: a financial year's complaints per stage, outcomes at point level, time
limits met, learning themes and the actions taken, and compliments. Counts only: nothing in it
identifies a complainant or a child. One procedure at a time, statutory unless the corporate one is
chosen."""

import frappe
from frappe import _

from complaints_hc.complaints import names
from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.complaints_hc.report.complaints_timeliness.complaints_timeliness import (
	stage_rows,
	within_percent,
)
from complaints_hc.complaints_hc.report.quarterly_learning_themes.quarterly_learning_themes import theme_rows

STAGE_MEASURES = (
	("received", "Complaints received"),
	("responded", "Responses sent"),
	("within_time_limit", "Responses within the time limit"),
	("within_percent", "Responses within the time limit (%)"),
	("early_resolutions", "Resolved early"),
	("extensions", "Extensions agreed"),
	("restarts", "Clocks restarted"),
)


def execute(filters: dict | None = None):
	filters = reporting.one_procedure(filters)
	year = reporting.financial_year_period(filters.get("financial_year"))
	rows = [
		*complaint_rows(filters, year),
		*outcome_rows(filters, year),
		*learning_rows(filters, year),
		*action_rows(filters, year),
		*compliment_rows(filters, year),
	]
	return columns(), rows, None, chart(rows), summary(rows, year)


def columns() -> list[dict]:
	return [
		{"fieldname": "section", "label": _("Section"), "fieldtype": "Data", "width": 150},
		{"fieldname": "measure", "label": _("Measure"), "fieldtype": "Data", "width": 300},
		*[
			{
				"fieldname": frappe.scrub(stage),
				"label": _(stage),
				"fieldtype": "Float",
				"precision": 1,
				"width": 100,
			}
			for stage in names.STAGES
		],
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Int", "width": 100},
	]


def row(section: str, measure: str, per_stage: dict | None = None, total=None) -> dict:
	values = {frappe.scrub(stage): (per_stage or {}).get(stage) for stage in names.STAGES}
	if total is None and per_stage is not None:
		total = sum(v or 0 for v in per_stage.values())
	return {"section": _(section), "measure": _(measure), **values, "total": total}


def complaint_rows(filters, year) -> list[dict]:
	every_stage = stage_rows(filters, year)
	stages = {r["stage"]: r for r in every_stage}
	rows = []
	for key, measure in STAGE_MEASURES:
		per_stage = {stage: stages[stage][key] for stage in names.STAGES}
		total = None
		if key == "within_percent":  # whole per cent, as the annual report gives them
			per_stage = {stage: whole(value) for stage, value in per_stage.items()}
			total = whole(within_percent(every_stage))
		rows.append(row("Complaints", measure, per_stage, total))
	return rows


def whole(value: float | None) -> int | None:
	return None if value is None else round(value)


def outcome_rows(filters, year) -> list[dict]:
	counts = {}
	for r in reporting.points_by(filters, year, "outcome"):
		counts.setdefault(r.outcome or "Open", {})[names.STAGE_1] = r.count
	for r in reporting.stage_2_points_by(filters, year, "outcome"):
		counts.setdefault(r.outcome or "Open", {})[names.STAGE_2] = r.count
	return [
		row("Outcomes of points", outcome, counts.get(outcome, {}))
		for outcome in (*names.OUTCOMES, "Open")
		if outcome in counts or outcome in names.DECIDED_OUTCOMES
	]


def learning_rows(filters, year) -> list[dict]:
	themes = [r for r in theme_rows(filters, year) if r["indent"] == 0 and r["points"]]
	themes.sort(key=lambda r: -r["points"])
	return [row("Learning themes", r["learning_theme"], total=r["points"]) for r in themes]


def team_of(filters) -> dict:
	return {"team": filters.team} if filters.get("team") else {}


def action_rows(filters, year) -> list[dict]:
	in_year = year.between()
	still_open = {"raised_on": in_year, "status": ["in", names.ACTION_STILL_OPEN]}
	return [
		row("Actions", measure, total=reporting.count("Complaint Action", {**conditions, **team_of(filters)}))
		for measure, conditions in (
			("Actions agreed", {"raised_on": in_year}),
			("Completed", {"completed_on": in_year, "status": ["in", names.ACTION_DONE]}),
			("Verified by the QA team", {"verified_on": in_year, "status": names.ACTION_VERIFIED}),
			("Still open", still_open),
			("Overdue now", {**still_open, "is_overdue": 1}),
		)
	]


def compliment_rows(filters, year) -> list[dict]:
	in_year = {"received_on": year.between(), **team_of(filters)}
	received = reporting.count_by("Compliment", ["category"], in_year)
	rows = [row("Compliments", "Compliments received", total=sum(r.count for r in received))]
	for r in sorted(received, key=lambda r: -r.count):
		rows.append(row("Compliments", r.category or "(No category)", total=r.count))
	return rows


def chart(rows: list[dict]) -> dict:
	received = next(r for r in rows if r["measure"] == _("Complaints received"))
	within = next(r for r in rows if r["measure"] == _("Responses within the time limit (%)"))
	return {
		"data": {
			"labels": [_(stage) for stage in names.STAGES],
			"datasets": [
				{
					"name": _("Complaints received"),
					"values": [received[frappe.scrub(s)] or 0 for s in names.STAGES],
				},
				{
					"name": _("Within the time limit (%)"),
					"values": [within[frappe.scrub(s)] or 0 for s in names.STAGES],
				},
			],
		},
		"type": "bar",
	}


def summary(rows: list[dict], year) -> list[dict]:
	def total(measure: str):
		return next(r["total"] for r in rows if r["measure"] == _(measure))

	return [
		{"label": _("Financial Year"), "value": year.label, "datatype": "Data"},
		{"label": _("Complaints Received"), "value": total("Complaints received"), "datatype": "Int"},
		{
			"label": _("Within the Time Limit"),
			"value": total("Responses within the time limit (%)"),
			"datatype": "Percent",
		},
		{"label": _("Actions Agreed"), "value": total("Actions agreed"), "datatype": "Int"},
		{
			"label": _("Compliments"),
			"value": total("Compliments received"),
			"datatype": "Int",
			"indicator": "Green",
		},
	]
