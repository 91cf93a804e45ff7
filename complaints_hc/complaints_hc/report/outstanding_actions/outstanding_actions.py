# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Outstanding Actions: the open and overdue actions from complaints, by team and owner, with how
long they have been open in working days."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from complaints_hc.complaints.names import ACTION_STILL_OPEN
from complaints_hc.working_days.site import site_calendar

NOT_SET = "(Not set)"  # translated where shown


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = owner_rows(open_actions(filters), getdate(today()))
	return columns(), rows, None, chart(rows), summary(rows)


def columns() -> list[dict]:
	return [
		{"fieldname": "team", "label": _("Team"), "fieldtype": "Data", "width": 200},
		{
			"fieldname": "responsible",
			"label": _("Owner"),
			"fieldtype": "Link",
			"options": "User",
			"width": 220,
		},
		{"fieldname": "open_actions", "label": _("Open"), "fieldtype": "Int", "width": 80},
		{"fieldname": "overdue", "label": _("Overdue"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "average_age",
			"label": _("Average Age (Working Days)"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 190,
		},
		{"fieldname": "oldest_age", "label": _("Oldest (Working Days)"), "fieldtype": "Int", "width": 160},
	]


def open_actions(filters) -> list[dict]:
	"""Open actions counted by team, owner and day raised (the age is worked out once per day)."""
	conditions = {"status": ["in", ACTION_STILL_OPEN]}
	for fieldname in ("team", "responsible"):
		if filters.get(fieldname):
			conditions[fieldname] = filters.get(fieldname)
	if filters.get("overdue_only"):
		conditions["is_overdue"] = 1
	return frappe.get_list(  # permission-aware: actions of complaints naming the user are left out
		"Complaint Action",
		filters=conditions,
		fields=["team", "responsible", "raised_on", "count(name) as count", "sum(is_overdue) as overdue"],
		group_by="team, responsible, raised_on",
		order_by=None,
		limit_page_length=0,
		as_list=True,  # rows of (team, responsible, raised_on, count, overdue): a thousand dicts cost more
	)


def owner_rows(groups: list[tuple], on_day) -> list[dict]:
	calendar, ages, grouped = site_calendar(), {}, {}
	for team, responsible, raised_on, count, overdue in groups:
		if raised_on not in ages:
			ages[raised_on] = max(calendar.working_days_between(raised_on, on_day), 0) if raised_on else 0
		figures = grouped.setdefault((team or _(NOT_SET), responsible or ""), [0, 0, 0, 0])
		figures[0] += count
		figures[1] += int(overdue or 0)
		figures[2] += ages[raised_on] * count
		figures[3] = max(figures[3], ages[raised_on])
	rows = [
		{
			"team": team,
			"responsible": responsible,
			"open_actions": open_count,
			"overdue": overdue,
			"average_age": round(age_total / open_count, 1),
			"oldest_age": oldest,
		}
		for (team, responsible), (open_count, overdue, age_total, oldest) in grouped.items()
	]
	return sorted(rows, key=lambda r: (-r["overdue"], r["team"], r["responsible"]))


def chart(rows: list[dict]) -> dict | None:
	teams = {}
	for row in rows:
		figures = teams.setdefault(row["team"], [0, 0])
		figures[0] += row["open_actions"] - row["overdue"]
		figures[1] += row["overdue"]
	if not teams:
		return None
	return {
		"data": {
			"labels": list(teams),
			"datasets": [
				{"name": _("Open, not overdue"), "values": [v[0] for v in teams.values()]},
				{"name": _("Overdue"), "values": [v[1] for v in teams.values()]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def summary(rows: list[dict]) -> list[dict]:
	return [
		{"label": _("Open Actions"), "value": sum(r["open_actions"] for r in rows), "datatype": "Int"},
		{
			"label": _("Overdue"),
			"value": sum(r["overdue"] for r in rows),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"label": _("Oldest (Working Days)"),
			"value": max((r["oldest_age"] for r in rows), default=0),
			"datatype": "Int",
		},
	]
