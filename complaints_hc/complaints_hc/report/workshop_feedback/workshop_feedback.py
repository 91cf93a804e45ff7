# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Workshop Feedback: what those who attended said, without their names, for the facilitators."""

import frappe
from frappe import _

from complaints_hc.complaints_hc.report.workshop_bookings.workshop_bookings import (
	workshop_columns,
	workshops_in_scope,
)

RATINGS = range(1, 6)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	workshops = {w.name: w for w in workshops_in_scope(filters)}
	attended = frappe.get_list(  # permission-aware, like the workshops above
		"Workshop Booking",
		filters={"workshop": ["in", list(workshops) or [""]], "status": "Attended"},
		fields=["workshop", "rating", "feedback", "feedback_at"],
		order_by="feedback_at desc",
	)
	rows = [row_for(workshops[b.workshop], b) for b in attended if b.feedback_at]
	rows.sort(key=lambda r: (r["workshop_date"], r["workshop"]))
	return columns(), rows, None, chart(rows), summary(rows, len(attended))


def columns() -> list[dict]:
	return [
		*workshop_columns(),
		{"fieldname": "rating", "label": _("Rating (of 5)"), "fieldtype": "Int", "width": 110},
		{"fieldname": "feedback", "label": _("Comment"), "fieldtype": "Small Text", "width": 400},
	]


def row_for(workshop, booking) -> dict:
	return {
		"workshop": workshop.name,
		"title": workshop.title,
		"workshop_date": workshop.workshop_date,
		"rating": round((booking.rating or 0) * 5),  # Frappe stores a rating as a fraction of 1
		"feedback": booking.feedback,
	}


def chart(rows: list[dict]) -> dict | None:
	if not rows:
		return None
	return {
		"data": {
			"labels": [str(n) for n in RATINGS],
			"datasets": [
				{"name": _("Responses"), "values": [sum(r["rating"] == n for r in rows) for n in RATINGS]}
			],
		},
		"type": "bar",
	}


def summary(rows: list[dict], attended: int) -> list[dict]:
	average = round(sum(r["rating"] for r in rows) / len(rows), 1) if rows else None
	return [
		{"label": _("Attended"), "value": attended, "datatype": "Int"},
		{"label": _("Gave Feedback"), "value": len(rows), "datatype": "Int"},
		{"label": _("Average Rating (of 5)"), "value": average, "datatype": "Float", "indicator": "Green"},
	]
