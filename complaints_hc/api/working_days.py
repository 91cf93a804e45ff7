"""Read-only working-day answers for client scripts (the same engine the server uses)."""

import os

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


@frappe.whitelist(methods=["GET"])
def calendar_in_use() -> dict:
	"""Which web worker answered, and the settings its working-day calendar follows: for operations, to
	see that a change to the calendar has reached every worker."""
	frappe.only_for(("Complaints Manager", "System Manager"))
	used = site.calendar_in_use()
	return {"worker": os.getpid(), "country": used.country, "subdivision": used.subdivision,
		"extra_non_working_days": [day.isoformat() for day in used.extra_days],
		"holiday_list": used.holiday_list, "holiday_list_version": used.holiday_list_version}  # fmt: skip
