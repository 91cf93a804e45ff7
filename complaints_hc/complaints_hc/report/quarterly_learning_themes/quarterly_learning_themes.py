# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Quarterly Learning Themes: complaint points by learning theme and category with their outcomes,
the change from the period before, and the workshops on each theme: complaint to learning to training.

Stage 1 points count by when their complaint was received; the points of stage 2 investigations
asked for in the period are counted beside them, in their own columns."""

import frappe
from frappe import _

from complaints_hc.complaints import names
from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.workshops.names import WORKSHOP_CANCELLED

OUTCOME_COLUMNS = (
	(names.UPHELD, "upheld"),
	(names.PARTIALLY_UPHELD, "partially_upheld"),
	(names.NOT_UPHELD, "not_upheld"),
)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	period = reporting.period_from(filters)
	rows = theme_rows(filters, period)
	return columns(), rows, None, chart(rows), summary(rows, period)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "learning_theme",
			"label": _("Learning Theme / Category"),
			"fieldtype": "Data",
			"width": 260,
		},
		{"fieldname": "points", "label": _("Points"), "fieldtype": "Int", "width": 80},
		*[
			{"fieldname": key, "label": _(label), "fieldtype": "Int", "width": 110}
			for label, key in OUTCOME_COLUMNS
		],
		{"fieldname": "other_outcome", "label": _("Other or Open"), "fieldtype": "Int", "width": 110},
		{
			"fieldname": "previous_points",
			"label": _("Points in Period Before"),
			"fieldtype": "Int",
			"width": 150,
		},
		{"fieldname": "change", "label": _("Change"), "fieldtype": "Int", "width": 80},
		{"fieldname": "stage_2_points", "label": _("Stage 2 Points"), "fieldtype": "Int", "width": 120},
		{
			"fieldname": "stage_2_upheld",
			"label": _("Stage 2 Upheld in Full or Part"),
			"fieldtype": "Int",
			"width": 170,
		},
		{"fieldname": "workshops", "label": _("Workshops"), "fieldtype": "Int", "width": 100},
		{"fieldname": "seats_booked", "label": _("Seats Booked"), "fieldtype": "Int", "width": 110},
		{"fieldname": "attended", "label": _("Attended"), "fieldtype": "Int", "width": 90},
	]


def theme_rows(filters, period: reporting.Period) -> list[dict]:
	"""A row per theme, then a row per category within it (indented)."""
	now = reporting.points_by(filters, period, "learning_theme", "category", "outcome")
	before = reporting.points_by(filters, period.previous(), "learning_theme", "category")
	previous = {}
	for row in before:
		for key in theme_keys(row):
			previous[key] = previous.get(key, 0) + row.count
	grouped = {}
	for row in now:
		for key in theme_keys(row):
			figures = grouped.setdefault(key, blank_figures())
			figures["points"] += row.count
			figures[outcome_key(row.outcome)] += row.count
	for row in reporting.stage_2_points_by(filters, period, "learning_theme", "category", "outcome"):
		for key in theme_keys(row):
			figures = grouped.setdefault(key, blank_figures())
			figures["stage_2_points"] += row.count
			if row.outcome in (names.UPHELD, names.PARTIALLY_UPHELD):
				figures["stage_2_upheld"] += row.count
	training = workshops_by_theme(period)
	rows = []
	for theme in sorted(
		{key for key in grouped if isinstance(key, str)} | {k for k in previous if isinstance(k, str)}
	):
		theme_figures = grouped.get(theme, blank_figures())
		rows.append(
			{
				"learning_theme": theme,
				"indent": 0,
				**theme_figures,
				**with_change(theme_figures["points"], previous.get(theme, 0)),
				**training.get(theme, {"workshops": 0, "seats_booked": 0, "attended": 0}),
			}
		)
		categories = {key[1] for key in [*grouped, *previous] if isinstance(key, tuple) and key[0] == theme}
		for category in sorted(categories):
			figures = grouped.get((theme, category), blank_figures())
			rows.append(
				{
					"learning_theme": category,
					"indent": 1,
					"theme": theme,
					**figures,
					**with_change(figures["points"], previous.get((theme, category), 0)),
				}
			)
	return rows


def theme_keys(row) -> tuple:
	"""Where a counted row adds up: its theme, and its category within the theme."""
	theme, category = row.learning_theme or _(reporting.NO_THEME), row.category or _(reporting.NO_CATEGORY)
	return theme, (theme, category)


def blank_figures() -> dict:
	return dict.fromkeys(
		(
			"points",
			"upheld",
			"partially_upheld",
			"not_upheld",
			"other_outcome",
			"stage_2_points",
			"stage_2_upheld",
		),
		0,
	)


def outcome_key(outcome: str | None) -> str:
	return dict(OUTCOME_COLUMNS).get(outcome, "other_outcome")


def with_change(points: int, previous_points: int) -> dict:
	return {"previous_points": previous_points, "change": points - previous_points}


def workshops_by_theme(period: reporting.Period) -> dict[str, dict]:
	"""Workshops on each theme from the start of the period on (not cancelled), their seats and attendance.

	Workshops and their counts are not personal data: every reader of the report may see them.
	"""
	rows = frappe.get_all(
		"Workshop",
		filters=[
			["Workshop", "status", "!=", WORKSHOP_CANCELLED],
			["Workshop", "workshop_date", ">=", period.start],
		],
		fields=["name", "seats_booked", "`tabWorkshop Theme`.learning_theme as learning_theme"],
	)
	attended = dict(
		frappe.get_all(
			"Workshop Booking",
			filters={"workshop": ["in", list({r.name for r in rows}) or [""]], "status": "Attended"},
			fields=["workshop", "count(name)"],
			group_by="workshop",
			as_list=True,
		)
	)
	by_theme = {}
	for row in rows:
		if not row.learning_theme:
			continue
		figures = by_theme.setdefault(row.learning_theme, {"workshops": 0, "seats_booked": 0, "attended": 0})
		figures["workshops"] += 1
		figures["seats_booked"] += row.seats_booked or 0
		figures["attended"] += attended.get(row.name, 0)
	return by_theme


def chart(rows: list[dict]) -> dict | None:
	themes = [r for r in rows if r["indent"] == 0 and r["points"]]
	if not themes:
		return None
	return {
		"data": {
			"labels": [r["learning_theme"] for r in themes],
			"datasets": [
				{"name": _(label), "values": [r[key] for r in themes]} for label, key in OUTCOME_COLUMNS
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def summary(rows: list[dict], period: reporting.Period) -> list[dict]:
	themes = [r for r in rows if r["indent"] == 0]
	points = sum(r["points"] for r in themes)
	upheld = sum(r["upheld"] + r["partially_upheld"] for r in themes)
	top = max(themes, key=lambda r: r["points"], default=None)
	return [
		{"label": _("Period"), "value": period.label, "datatype": "Data"},
		{"label": _("Complaint Points"), "value": points, "datatype": "Int"},
		{"label": _("Upheld or Partly Upheld"), "value": upheld, "datatype": "Int", "indicator": "Red"},
		{
			"label": _("Most Points"),
			"value": top["learning_theme"] if top and top["points"] else "-",
			"datatype": "Data",
		},
		{
			"label": _("Change from Period Before"),
			"value": points - sum(r["previous_points"] for r in themes),
			"datatype": "Int",
		},
	]
