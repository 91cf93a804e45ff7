# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Learning Meeting Pack: what the bi-monthly QA and Academy meeting discusses, for a period (the last
two months unless chosen): the training needs, the workshops held and their feedback, themes emerging
(more points upheld than in the period before, and no workshop held or coming), and the audit
findings. Printed from the report's print view, or exported to Excel, as Frappe does for every report."""

import datetime

import frappe
from frappe import _
from frappe.utils import add_months, getdate, today

from complaints_hc.complaints.names import PARTIALLY_UPHELD, UPHELD
from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.learning import training_needs
from complaints_hc.workshops.names import ATTENDED, HELD_OR_SCHEDULED, WORKSHOP_CANCELLED

NEEDS, WORKSHOPS, EMERGING, FINDINGS = "Training needs", "Workshops held", "Themes emerging", "Audit findings"


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	if not (filters.get("from_date") or filters.get("to_date")):
		end = getdate(today())
		filters.update(from_date=str(add_months(end, -2) + datetime.timedelta(days=1)), to_date=str(end))
	period = reporting.period_from(filters)
	rows = [*need_rows(period), *workshop_rows(period), *emerging_rows(period), *finding_rows(period)]
	return columns(), rows, None, None, summary(rows, period)


def columns() -> list[dict]:
	return [
		{"fieldname": "section", "label": _("Section"), "fieldtype": "Data", "width": 140},
		{"fieldname": "item", "label": _("Item"), "fieldtype": "Data", "width": 300},
		{
			"fieldname": "team",
			"label": _("Team"),
			"fieldtype": "Link",
			"options": "Service Team",
			"width": 180,
		},
		{"fieldname": "learning_theme", "label": _("Learning Theme"), "fieldtype": "Data", "width": 200},
		{"fieldname": "on", "label": _("Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "count", "label": _("Count"), "fieldtype": "Int", "width": 80},
		{"fieldname": "detail", "label": _("Detail"), "fieldtype": "Data", "width": 280},
		{
			"fieldname": "rating",
			"label": _("Average Rating (of 5)"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 150,
		},
	]


def row(section: str, item: str, **values) -> dict:
	return {"section": _(section), "item": item, **values}


def need_rows(period) -> list[dict]:
	return [
		row(
			NEEDS,
			f"{need.team}: {need.theme}",
			team=need.team,
			learning_theme=need.theme,
			count=need.concerns,
			detail=_("{0} of {1} staff trained; next workshop: {2}").format(
				need.trained, need.staff, need.next_workshop_title or _("none scheduled")
			),
			on=need.next_workshop_on,
		)
		for need in training_needs.team_themes(period.start, period.end)
		if need.is_need
	]


def workshop_rows(period) -> list[dict]:
	held = frappe.get_all("Workshop", filters={"workshop_date": period.between(),
		"status": ["in", HELD_OR_SCHEDULED]}, fields=["name", "title", "workshop_date"], order_by="workshop_date")  # fmt: skip
	names = [w.name for w in held] or [""]
	themes = {}
	for theme in frappe.get_all("Workshop Theme", filters={"parenttype": "Workshop", "parent": ["in", names]},
		fields=["parent", "learning_theme"], order_by="idx"):  # fmt: skip
		themes.setdefault(theme.parent, []).append(theme.learning_theme)
	attended = {}
	for booking in frappe.get_all("Workshop Booking", filters={"workshop": ["in", names], "status": ATTENDED},
		fields=["workshop", "rating", "feedback"]):  # fmt: skip
		attended.setdefault(booking.workshop, []).append(booking)
	rows = []
	for workshop in held:
		came = attended.get(workshop.name, [])
		ratings = [round(b.rating * 5) for b in came if b.rating]  # kept as a fraction of the stars
		rows.append(row(WORKSHOPS, workshop.title, learning_theme=", ".join(themes.get(workshop.name, [])),
			on=workshop.workshop_date, count=len(came), detail=_("{0} gave feedback").format(
				sum(1 for b in came if b.rating or b.feedback)),
			rating=round(sum(ratings) / len(ratings), 1) if ratings else None))  # fmt: skip
	return rows


def upheld_by_theme(period) -> dict[str, int]:
	"""Stage 1 points upheld in full or in part on complaints received in the period, by theme (as the
	reader may count them)."""
	upheld = {}
	for row in reporting.points_by(frappe._dict(), period, "learning_theme", "outcome"):
		if row.learning_theme and row.outcome in (UPHELD, PARTIALLY_UPHELD):
			upheld[row.learning_theme] = upheld.get(row.learning_theme, 0) + row.count
	return upheld


def emerging_rows(period) -> list[dict]:
	"""Themes with more points upheld than in the period before, and no workshop held in the period or
	coming (scheduled or drafted)."""
	now, before = upheld_by_theme(period), upheld_by_theme(period.previous())
	rising = [theme for theme, count in now.items() if count > before.get(theme, 0)]
	covered = {w.theme for w in frappe.get_all("Workshop", filters=[["Workshop", "status", "!=", WORKSHOP_CANCELLED],
		["Workshop", "workshop_date", ">=", period.start], ["Workshop Theme", "learning_theme", "in", rising or [""]]],
		fields=["`tabWorkshop Theme`.learning_theme as theme"])}  # fmt: skip
	return [
		row(
			EMERGING,
			theme,
			learning_theme=theme,
			count=now[theme],
			detail=_("{0} in the period before; no workshop held or scheduled").format(before.get(theme, 0)),
		)
		for theme in sorted(rising, key=lambda t: (-now[t], t))
		if theme not in covered
	]


def finding_rows(period) -> list[dict]:
	return [
		row(
			FINDINGS,
			f.summary,
			team=f.service_team,
			learning_theme=f.learning_theme,
			on=f.audited_on,
			detail=_(f.kind),
		)
		for f in frappe.get_list(
			"Audit Finding",
			filters={"audited_on": period.between()},
			fields=["summary", "service_team", "learning_theme", "audited_on", "kind"],
			order_by="audited_on asc",
		)
	]


def summary(rows: list[dict], period) -> list[dict]:
	def count(section):
		return sum(1 for r in rows if r["section"] == _(section))

	return [
		{"label": _("Period"), "value": period.label, "datatype": "Data"},
		{"label": _(NEEDS), "value": count(NEEDS), "datatype": "Int", "indicator": "Red"},
		{"label": _(WORKSHOPS), "value": count(WORKSHOPS), "datatype": "Int"},
		{"label": _(EMERGING), "value": count(EMERGING), "datatype": "Int", "indicator": "Orange"},
		{"label": _(FINDINGS), "value": count(FINDINGS), "datatype": "Int"},
	]
