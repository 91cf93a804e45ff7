# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Complainant Feedback: how complainants found the process, asked on their page once a complaint
closed, for the quarter's figures. Counts come from records the user may read."""

import frappe
from frappe import _

from complaints_hc.complaints import complainant_page, names
from complaints_hc.complaints_hc.report.utils import count, count_by, percent, period_from

GOOD = ("Very good", "Good")


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	period = period_from(filters)
	scope = {"given_on": period.between()}
	if filters.get("procedure"):
		scope["procedure"] = filters.procedure
	counted = {row.rating: row.count for row in count_by("Complainant Feedback", ["rating"], scope)}
	given = sum(counted.values())
	rows = [{"rating": _(rating), "responses": counted.get(rating, 0), "percent": percent(counted.get(rating, 0), given)}
		for rating in complainant_page.RATINGS]  # fmt: skip
	closed = count("Complaint", {"closed_on": period.between(), "status": names.CLOSED,
		**({"procedure": filters.procedure} if filters.get("procedure") else {})})  # fmt: skip
	return (
		columns(),
		rows,
		None,
		chart(rows),
		summary(given, closed, sum(counted.get(r, 0) for r in GOOD), period.label),
	)


def columns() -> list[dict]:
	return [
		{"fieldname": "rating", "label": _("How They Found the Process"), "fieldtype": "Data", "width": 240},
		{"fieldname": "responses", "label": _("Responses"), "fieldtype": "Int", "width": 120},
		{"fieldname": "percent", "label": _("% of Responses"), "fieldtype": "Percent", "width": 140},
	]


def chart(rows: list[dict]) -> dict | None:
	if not any(r["responses"] for r in rows):
		return None
	return {"data": {"labels": [r["rating"] for r in rows],
		"datasets": [{"name": _("Responses"), "values": [r["responses"] for r in rows]}]}, "type": "bar"}  # fmt: skip


def summary(given: int, closed: int, good: int, label: str) -> list[dict]:
	return [
		{"label": _("Period"), "value": label, "datatype": "Data"},
		{"label": _("Complaints Closed"), "value": closed, "datatype": "Int"},
		{"label": _("Feedback Given"), "value": given, "datatype": "Int"},
		{
			"label": _("Good or Very Good (%)"),
			"value": percent(good, given),
			"datatype": "Percent",
			"indicator": "Green",
		},
	]
