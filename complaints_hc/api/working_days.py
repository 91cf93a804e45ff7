"""Read-only working-day answers for client scripts (the same engine the server uses)."""

import frappe

from complaints_hc.working_days import site


@frappe.whitelist(methods=["GET"])
def add_working_days(start: str, days: int) -> str:
	return site.add_working_days(start, days).isoformat()


@frappe.whitelist(methods=["GET"])
def working_days_between(start: str, end: str) -> int:
	return site.working_days_between(start, end)


@frappe.whitelist(methods=["GET"])
def is_working_day(day: str) -> bool:
	return site.is_working_day(day)
