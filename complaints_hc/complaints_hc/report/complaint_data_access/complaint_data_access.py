# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Complaint Data Access: who looked at which complaint, how and when, in a period (the access log)."""

import frappe
from frappe import _
from frappe.utils import add_days, getdate


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = frappe.get_list(  # the log's own permissions: the complaints managers
		"Complaint Access Log",
		filters=conditions(filters),
		fields=[
			"accessed_at",
			"user",
			"action",
			"refused",
			"complaint",
			"reference_doctype",
			"reference_name",
			"route",
			"ip_address",
		],
		order_by="accessed_at desc",
		limit_page_length=0,
	)
	return columns(), rows, None, None, summary(rows)


def conditions(filters) -> dict:
	start = getdate(filters.from_date) if filters.from_date else getdate("2000-01-01")
	end = add_days(getdate(filters.to_date), 1) if filters.to_date else add_days(getdate(), 1)
	found = {"accessed_at": ["between", [start, end]]}
	for field in ("user", "complaint"):
		if filters.get(field):
			found[field] = filters.get(field)
	if filters.refused_only:
		found["refused"] = 1
	return found


def columns() -> list[dict]:
	return [
		{"fieldname": "accessed_at", "label": _("When"), "fieldtype": "Datetime", "width": 170},
		{"fieldname": "user", "label": _("Who"), "fieldtype": "Link", "options": "User", "width": 200},
		{"fieldname": "action", "label": _("What They Did"), "fieldtype": "Data", "width": 170},
		{"fieldname": "refused", "label": _("Refused"), "fieldtype": "Check", "width": 80},
		{
			"fieldname": "complaint",
			"label": _("Complaint"),
			"fieldtype": "Link",
			"options": "Complaint",
			"width": 140,
		},
		{"fieldname": "reference_doctype", "label": _("Record Type"), "fieldtype": "Data", "width": 140},
		{"fieldname": "reference_name", "label": _("Record"), "fieldtype": "Data", "width": 140},
		{"fieldname": "route", "label": _("Route"), "fieldtype": "Data", "width": 260},
		{"fieldname": "ip_address", "label": _("Network Address"), "fieldtype": "Data", "width": 130},
	]


def summary(rows) -> list[dict]:
	return [
		{"label": _("Looks"), "value": len(rows), "datatype": "Int"},
		{"label": _("People"), "value": len({r.user for r in rows}), "datatype": "Int"},
		{
			"label": _("Refused"),
			"value": sum(r.refused for r in rows),
			"datatype": "Int",
			"indicator": "Red" if any(r.refused for r in rows) else "Green",
		},
	]
