"""What the complaint reports share: the period asked for, the filters, and permission-aware counts.

Every figure comes from `frappe.get_list`, so the permission query conditions apply: a user counts
only the complaints they may read, and a staff member never counts a complaint that names them.
"""

import dataclasses
import datetime

import frappe
from frappe import _
from frappe.utils import getdate, today

from complaints_hc.complaints import names
from complaints_hc.learning import periods

# Shown for a point without a theme or category (translated where shown).
NO_THEME = "(No learning theme)"
NO_CATEGORY = "(No category)"


@dataclasses.dataclass(frozen=True)
class Period:
	start: datetime.date
	end: datetime.date
	label: str

	def between(self) -> list:
		"""The filter for a date in this period."""
		return ["between", [self.start, self.end]]

	def previous(self) -> "Period":
		"""The quarter before a quarter; otherwise the same number of days just before."""
		if self.label == periods.quarter(self.start) and (self.start, self.end) == periods.quarter_bounds(
			self.label
		):
			label = periods.quarter(self.start - datetime.timedelta(days=1))
			return Period(*periods.quarter_bounds(label), label)
		length = self.end - self.start
		end = self.start - datetime.timedelta(days=1)
		start = end - length
		return Period(start, end, f"{start:%d %b %Y} to {end:%d %b %Y}")


def period_from(filters) -> Period:
	"""From and to dates when both are given, else the quarter (this quarter when none is given)."""
	if filters.get("from_date") or filters.get("to_date"):
		if not (filters.get("from_date") and filters.get("to_date")):
			frappe.throw(_("Give both a from date and a to date, or choose a quarter."), title=_("Period"))
		start, end = getdate(filters.from_date), getdate(filters.to_date)
		if end < start:
			frappe.throw(_("The period must end on or after the day it starts."), title=_("Period"))
		return Period(start, end, f"{start:%d %b %Y} to {end:%d %b %Y}")
	label = filters.get("quarter") or periods.quarter(getdate(today()))
	try:
		return Period(*periods.quarter_bounds(label), label)
	except ValueError:
		frappe.throw(_("Choose a quarter such as 2026-27 Q1."), title=_("Period"))


def financial_year_period(label: str | None) -> Period:
	"""'2025-26' is 1 April 2025 to 31 March 2026."""
	label = label or periods.financial_year(getdate(today()))
	try:
		start, _end = periods.quarter_bounds(f"{label} Q1")
	except ValueError:
		frappe.throw(_("Choose a financial year such as 2025-26."), title=_("Financial year"))
	return Period(start, periods.quarter_bounds(f"{label} Q4")[1], label)


def one_procedure(filters: dict | None) -> frappe._dict:
	"""The report's filters, with the statutory procedure unless another was chosen: reports of time
	limits never add the statutory and corporate clocks together."""
	filters = frappe._dict(filters or {})
	filters.procedure = filters.get("procedure") or names.STATUTORY
	return filters


def complaint_filters(filters, date_field: str | None = None, period: Period | None = None) -> dict:
	"""Filters on Complaint from the report's team, service area, procedure and stage (and a period)."""
	conditions = {}
	for report_filter, fieldname in (
		("team", "service_team"),
		("service_area", "service_area"),
		("procedure", "procedure"),
		("stage", "stage"),
	):
		if filters.get(report_filter):
			conditions[fieldname] = filters.get(report_filter)
	if date_field and period:
		conditions[date_field] = period.between()
	return conditions


def count_by(doctype: str, group_fields: list[str], filters: dict, aggregates: list[str] | None = None):
	"""Rows of the group fields with `count` (and any other aggregates), permission-aware."""
	aliases = [field.rsplit(" as ", 1)[-1] for field in group_fields]
	return frappe.get_list(
		doctype,
		filters=filters,
		fields=[*group_fields, f"count(`tab{doctype}`.name) as count", *(aggregates or [])],
		group_by=", ".join(aliases),
		order_by=None,
	)


def complaint_names(filters: dict) -> list[str]:
	"""The complaints matching the report's filters that the user may read (never an empty `in`)."""
	return frappe.get_list("Complaint", filters=filters, pluck="name", limit_page_length=0) or [""]


def later_stage_filters(base: dict) -> dict:
	"""Filters on a later-stage record from the report's complaint filters: the procedure on the record
	itself, and the complaints matching the others (listed only when there are others: a list of every
	complaint would be slow and filter nothing)."""
	others = {field: value for field, value in base.items() if field != "procedure"}
	found = {"procedure": base["procedure"]} if base.get("procedure") else {}
	if others:
		found["complaint"] = ["in", complaint_names(base)]
	return found


def count(doctype: str, filters: dict) -> int:
	"""How many records match, of those the user may read."""
	rows = frappe.get_list(
		doctype, filters=filters, fields=[f"count(`tab{doctype}`.name) as count"], order_by=None
	)
	return rows[0].count if rows else 0


def points_by(filters: dict, period: Period, *group_fields: str) -> list[dict]:
	"""Stage 1 points of complaints received in the period, counted by point fields."""
	fields = [f"`tabComplaint Point`.{field} as {field}" for field in group_fields]
	return frappe.get_list(
		"Complaint",
		filters=[
			*list_filters("Complaint", complaint_filters(filters, "received_on", period)),
			["Complaint Point", "name", "is", "set"],
		],
		fields=[*fields, "count(`tabComplaint Point`.name) as count"],
		group_by=", ".join(group_fields),
		order_by=None,
	)


def stage_2_points_by(filters: dict, period: Period, *group_fields: str) -> list[dict]:
	"""Stage 2 points of investigations asked for in the period, counted by point fields."""
	of = list_filters("Stage 2 Investigation", later_stage_filters(complaint_filters(filters)))
	return frappe.get_list(
		"Stage 2 Investigation",
		filters=[
			*of,
			["Stage 2 Investigation", "requested_on", *period.between()],
			["Stage 2 Point", "name", "is", "set"],
		],
		fields=[
			*(f"`tabStage 2 Point`.{field} as {field}" for field in group_fields),
			"count(`tabStage 2 Point`.name) as count",
		],
		group_by=", ".join(group_fields),
		order_by=None,
	)


def list_filters(doctype: str, filters: dict) -> list[list]:
	return [
		[doctype, field, *(value if isinstance(value, list) else ["=", value])]
		for field, value in filters.items()
	]


def percent(part: int, whole: int) -> float | None:
	return round(100 * part / whole, 1) if whole else None
