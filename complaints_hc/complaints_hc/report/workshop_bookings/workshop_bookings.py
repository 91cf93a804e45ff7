# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Workshop Bookings: per workshop, the seats and what became of each booking, with the average rating."""

import frappe
from frappe import _

from complaints_hc.workshops.names import BOOKING_STATUSES as STATUSES


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	workshops = workshops_in_scope(filters)
	counts = booking_counts([w.name for w in workshops])
	rows = [row_for(w, counts.get(w.name, {})) for w in workshops]
	with_total = [*rows, total_row(rows)] if rows else rows
	return columns(), with_total, None, chart(rows), summary(rows)


def workshop_columns() -> list[dict]:
	"""The columns that say which workshop a row is about (shared with Workshop Feedback)."""
	return [
		{
			"fieldname": "workshop",
			"label": _("Workshop"),
			"fieldtype": "Link",
			"options": "Workshop",
			"width": 130,
		},
		{"fieldname": "title", "label": _("Title"), "fieldtype": "Data", "width": 240},
		{"fieldname": "workshop_date", "label": _("Date"), "fieldtype": "Date", "width": 100},
	]


def columns() -> list[dict]:
	return [
		*workshop_columns(),
		{"fieldname": "capacity", "label": _("Capacity"), "fieldtype": "Int", "width": 90},
		*[
			{"fieldname": frappe.scrub(status), "label": _(status), "fieldtype": "Int", "width": 100}
			for status in STATUSES
		],
		{"fieldname": "ratings", "label": _("Ratings Given"), "fieldtype": "Int", "width": 110},
		{
			"fieldname": "average_rating",
			"label": _("Average Rating (of 5)"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 150,
		},
	]


def workshops_in_scope(filters) -> list[dict]:
	conditions = {}
	if filters.from_date and filters.to_date:
		conditions["workshop_date"] = ["between", [filters.from_date, filters.to_date]]
	elif filters.from_date:
		conditions["workshop_date"] = [">=", filters.from_date]
	elif filters.to_date:
		conditions["workshop_date"] = ["<=", filters.to_date]
	chosen = {filters.workshop} if filters.workshop else None  # workshops matching every filter given
	for child_doctype, fieldname, value in (
		("Workshop Theme", "learning_theme", filters.theme),
		("Workshop Leader", "user", filters.facilitator),
	):
		if value:
			matching = set(
				frappe.get_all(child_doctype, {"parenttype": "Workshop", fieldname: value}, pluck="parent")
			)
			chosen = matching if chosen is None else chosen & matching
	if chosen is not None:
		conditions["name"] = ["in", sorted(chosen) or [""]]
	return frappe.get_list(  # permission-aware: rows only from workshops the user may read
		"Workshop",
		filters=conditions,
		fields=["name", "title", "workshop_date", "capacity"],
		order_by="workshop_date asc",
	)


def booking_counts(workshops: list[str]) -> dict[str, dict]:
	counts = {}
	for row in frappe.get_list(
		"Workshop Booking",
		filters={"workshop": ["in", workshops or [""]]},
		fields=[
			"workshop",
			"status",
			"count(name) as bookings",
			"avg(nullif(rating, 0)) as rating",
			"count(nullif(rating, 0)) as ratings",
		],
		group_by="workshop, status",
	):
		counts.setdefault(row.workshop, {})[row.status] = row
	return counts


def row_for(workshop, counts: dict) -> dict:
	row = {"workshop": workshop.name, "title": workshop.title, "workshop_date": workshop.workshop_date,
		"capacity": workshop.capacity}  # fmt: skip
	for status in STATUSES:
		row[frappe.scrub(status)] = counts[status].bookings if status in counts else 0
	rated = counts.get("Attended")
	row["average_rating"] = round(rated.rating * 5, 1) if rated and rated.rating else None
	row["ratings"] = rated.ratings if rated else 0
	row["rating_total"] = rated.rating * 5 * rated.ratings if row["ratings"] else 0  # kept for the total row
	return row


def total_row(rows: list[dict]) -> dict:
	"""Sums of the counts; the average rating over every rating given (Frappe's own total row would add averages)."""
	total = {"title": _("Total")}
	for fieldname in ("capacity", "ratings", *(frappe.scrub(status) for status in STATUSES)):
		total[fieldname] = sum(r[fieldname] for r in rows)
	rated = sum(r["rating_total"] for r in rows)
	total["average_rating"] = round(rated / total["ratings"], 1) if total["ratings"] else None
	return total


def chart(rows: list[dict]) -> dict | None:
	if not rows:
		return None
	return {
		"data": {
			"labels": [r["title"] for r in rows],
			"datasets": [
				{"name": _("Booked"), "values": [r["booked"] + r["attended"] + r["no_show"] for r in rows]},
				{"name": _("Attended"), "values": [r["attended"] for r in rows]},
				{"name": _("Waitlisted"), "values": [r["waitlisted"] for r in rows]},
			],
		},
		"type": "bar",
	}


def summary(rows: list[dict]) -> list[dict]:
	seats = sum(r["booked"] + r["attended"] + r["no_show"] for r in rows)
	attended = sum(r["attended"] for r in rows)
	return [
		{"label": _("Workshops"), "value": len(rows), "datatype": "Int"},
		{"label": _("Seats Booked"), "value": seats, "datatype": "Int"},
		{"label": _("Attended"), "value": attended, "datatype": "Int", "indicator": "Green"},
		{"label": _("On Waiting Lists"), "value": sum(r["waitlisted"] for r in rows), "datatype": "Int"},
	]
