"""Read-only working-day answers for client scripts (the same engine the server uses)."""

import frappe

from complaints_hc import working_days


@frappe.whitelist(methods=["GET"])
def add_working_days(start: str, days: int) -> str:
	return working_days.add_working_days(start, days).isoformat()


@frappe.whitelist(methods=["GET"])
def working_days_between(start: str, end: str) -> int:
	return working_days.working_days_between(start, end)


@frappe.whitelist(methods=["GET"])
def is_working_day(day: str) -> bool:
	return working_days.is_working_day(day)
