# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Compliments Received: by category, team and source in the period, with the quotes their givers
agreed may be used."""

import frappe
from frappe import _
from frappe.utils import escape_html

from complaints_hc.complaints_hc.report import utils as reporting

NOT_SET = "(Not set)"  # translated where shown
QUOTES_SHOWN = 20


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	period = reporting.period_from(filters)
	conditions = compliment_filters(filters, period)
	rows = grouped_rows(conditions)
	quotes = consented_quotes(conditions)
	return columns(), rows, quotes_html(quotes), chart(rows), summary(rows, period)


def compliment_filters(filters, period: reporting.Period) -> dict:
	conditions = {"received_on": period.between()}
	for fieldname in ("team", "category", "source"):
		if filters.get(fieldname):
			conditions[fieldname] = filters.get(fieldname)
	return conditions


def columns() -> list[dict]:
	return [
		{"fieldname": "category", "label": _("Category"), "fieldtype": "Data", "width": 200},
		{"fieldname": "team", "label": _("Team"), "fieldtype": "Data", "width": 200},
		{"fieldname": "source", "label": _("Source"), "fieldtype": "Data", "width": 180},
		{"fieldname": "compliments", "label": _("Compliments"), "fieldtype": "Int", "width": 110},
		{"fieldname": "may_quote", "label": _("May Be Quoted"), "fieldtype": "Int", "width": 120},
	]


def grouped_rows(conditions: dict) -> list[dict]:
	rows = reporting.count_by(
		"Compliment", ["category", "team", "source"], conditions, ["sum(consent_to_quote) as may_quote"]
	)
	shaped = [
		{
			"category": r.category or _(NOT_SET),
			"team": r.team or _(NOT_SET),
			"source": r.source or _(NOT_SET),
			"compliments": r.count,
			"may_quote": int(r.may_quote or 0),
		}
		for r in rows
	]
	return sorted(shaped, key=lambda r: (-r["compliments"], r["category"], r["team"], r["source"]))


def consented_quotes(conditions: dict, limit: int = QUOTES_SHOWN) -> list[dict]:
	"""Quotes given with consent, those chosen for the bulletin first, newest first."""
	return frappe.get_list(
		"Compliment",
		filters={**conditions, "consent_to_quote": 1},
		fields=["name", "words", "given_by", "team", "category", "received_on", "include_in_bulletin"],
		order_by="include_in_bulletin desc, received_on desc",
		limit_page_length=limit,
	)


def quotes_html(quotes: list[dict]) -> str | None:
	if not quotes:
		return None
	items = "".join(
		f"<li><q>{escape_html(q.words or '')}</q> <span class='text-muted'>({escape_html(q.given_by or '')}"
		f"{', ' + escape_html(q.team) if q.team else ''})</span></li>"
		for q in quotes
	)
	return f"<h5>{_('Quotes we may use')}</h5><ul>{items}</ul>"


def chart(rows: list[dict]) -> dict | None:
	by_category = {}
	for row in rows:
		by_category[row["category"]] = by_category.get(row["category"], 0) + row["compliments"]
	if not by_category:
		return None
	return {
		"data": {
			"labels": list(by_category),
			"datasets": [{"name": _("Compliments"), "values": list(by_category.values())}],
		},
		"type": "pie",
	}


def summary(rows: list[dict], period: reporting.Period) -> list[dict]:
	return [
		{"label": _("Period"), "value": period.label, "datatype": "Data"},
		{
			"label": _("Compliments"),
			"value": sum(r["compliments"] for r in rows),
			"datatype": "Int",
			"indicator": "Green",
		},
		{"label": _("May Be Quoted"), "value": sum(r["may_quote"] for r in rows), "datatype": "Int"},
	]
