# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Training Needs: per team and learning theme, the points upheld in the period beside how many of the
team's staff have been to a workshop on the theme, ranked, with the next workshop to send them to.
Team and theme level only (`complaints_hc.learning.training_needs`)."""

import frappe
from frappe import _

from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.learning import training_needs


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	period = reporting.period_from(filters)
	found = training_needs.team_themes(period.start, period.end, filters.get("team"))
	if filters.get("needs_only", 1):
		found = [row for row in found if row.is_need]
	rows = [row_of(number, found_row) for number, found_row in enumerate(found, 1)]
	return columns(), rows, None, None, summary(found, period)


def columns() -> list[dict]:
	return [
		{"fieldname": "rank", "label": _("Rank"), "fieldtype": "Int", "width": 60},
		{
			"fieldname": "team",
			"label": _("Team"),
			"fieldtype": "Link",
			"options": "Service Team",
			"width": 200,
		},
		{
			"fieldname": "learning_theme",
			"label": _("Learning Theme"),
			"fieldtype": "Link",
			"options": "Learning Theme",
			"width": 220,
		},
		{"fieldname": "upheld_points", "label": _("Points Upheld"), "fieldtype": "Int", "width": 110},
		{"fieldname": "from_audits", "label": _("From Case File Audits"), "fieldtype": "Int", "width": 150},
		{"fieldname": "audit_findings", "label": _("Audit Findings"), "fieldtype": "Int", "width": 120},
		{"fieldname": "staff", "label": _("Staff"), "fieldtype": "Int", "width": 70},
		{"fieldname": "trained", "label": _("Staff Trained on Theme"), "fieldtype": "Int", "width": 160},
		{"fieldname": "trained_percent", "label": _("Trained (%)"), "fieldtype": "Percent", "width": 100},
		{"fieldname": "training_need", "label": _("Training Need"), "fieldtype": "Check", "width": 110},
		{
			"fieldname": "next_workshop",
			"label": _("Next Workshop"),
			"fieldtype": "Link",
			"options": "Workshop",
			"width": 140,
		},
		{
			"fieldname": "next_workshop_title",
			"label": _("Next Workshop Title"),
			"fieldtype": "Data",
			"width": 220,
		},
		{"fieldname": "next_workshop_on", "label": _("Next Workshop On"), "fieldtype": "Date", "width": 130},
	]


def row_of(number: int, found: training_needs.TeamTheme) -> dict:
	return {
		"rank": number,
		"team": found.team,
		"learning_theme": found.theme,
		"upheld_points": found.upheld_points,
		"from_audits": found.from_audits,
		"audit_findings": found.audit_findings,
		"staff": found.staff,
		"trained": found.trained,
		"trained_percent": round(100 * found.trained_share, 1),
		"training_need": int(found.is_need),
		"next_workshop": found.next_workshop,
		"next_workshop_title": found.next_workshop_title or _("None scheduled"),
		"next_workshop_on": found.next_workshop_on,
	}


def summary(found: list, period: reporting.Period) -> list[dict]:
	needs = [row for row in found if row.is_need]
	return [
		{"label": _("Period"), "value": period.label, "datatype": "Data"},
		{"label": _("Training Needs"), "value": len(needs), "datatype": "Int", "indicator": "Red"},
		{
			"label": _("Needs With No Workshop Scheduled"),
			"value": sum(1 for row in needs if not row.next_workshop),
			"datatype": "Int",
			"indicator": "Orange",
		},
	]
