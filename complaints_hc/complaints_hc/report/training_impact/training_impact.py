# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Training Impact: per learning theme, the last eight quarters of upheld points beside the workshops
on the theme, attendance and ratings, and the average upheld points a quarter before and after the
first training (`complaints_hc.learning.training_impact`)."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from complaints_hc.learning import periods, training_impact

CAVEATS = (
	"Read these figures with care: numbers of complaint points are small, so a change of one or two a "
	"quarter may be chance; and a fall after training does not show the training caused it (other things "
	"change too). Use them to ask questions, with the teams and the Academy, not to draw conclusions."
)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	last = filters.get("quarter") or periods.quarter(getdate(today()))
	try:
		periods.quarter_bounds(last)
	except ValueError:
		frappe.throw(_("Choose a quarter such as 2026-27 Q1."), title=_("Quarter"))
	themes = training_impact.by_theme_and_quarter(last, filters.get("learning_theme"), filters.get("team"))
	rows = []
	for theme, quarters in themes.items():
		before, after = training_impact.before_and_after(quarters)
		ratings = [r for q in quarters for r in q.ratings]
		rows.append({
			"label": theme, "indent": 0, "upheld_points": sum(q.upheld_points for q in quarters),
			"workshops": sum(q.workshops for q in quarters), "attended": sum(q.attended for q in quarters),
			"average_rating": round(sum(ratings) / len(ratings), 1) if ratings else None,
			"before_per_quarter": before, "after_per_quarter": after,
			"change_per_quarter": round(after - before, 1) if None not in (before, after) else None,
		})  # fmt: skip
		rows += [
			{"label": q.quarter, "indent": 1, "theme": theme, "upheld_points": q.upheld_points,
				"workshops": q.workshops, "attended": q.attended, "average_rating": q.average_rating}
			for q in quarters
		]  # fmt: skip
	return columns(), rows, f"<p class='text-muted'>{_(CAVEATS)}</p>", chart(themes, filters), None


def columns() -> list[dict]:
	return [
		{"fieldname": "label", "label": _("Theme / Quarter"), "fieldtype": "Data", "width": 240},
		{"fieldname": "upheld_points", "label": _("Points Upheld"), "fieldtype": "Int", "width": 120},
		{"fieldname": "workshops", "label": _("Workshops Held"), "fieldtype": "Int", "width": 120},
		{"fieldname": "attended", "label": _("Staff Attended"), "fieldtype": "Int", "width": 120},
		{
			"fieldname": "average_rating",
			"label": _("Average Rating (of 5)"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 160,
		},
		{
			"fieldname": "before_per_quarter",
			"label": _("Upheld a Quarter, Before Training"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 210,
		},
		{
			"fieldname": "after_per_quarter",
			"label": _("Upheld a Quarter, After Training"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 200,
		},
		{
			"fieldname": "change_per_quarter",
			"label": _("Change"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 90,
		},
	]


def chart(themes: dict, filters) -> dict | None:
	"""The chosen theme's quarters (or the theme with most points): upheld points against attendance."""
	if not themes:
		return None
	chosen = filters.get("learning_theme") or max(
		themes, key=lambda t: sum(q.upheld_points for q in themes[t])
	)
	quarters = themes[chosen]
	return {
		"title": chosen,
		"data": {
			"labels": [q.quarter for q in quarters],
			"datasets": [
				{"name": _("Points Upheld"), "values": [q.upheld_points for q in quarters]},
				{"name": _("Staff Attended"), "values": [q.attended for q in quarters]},
			],
		},
		"type": "line",
	}
