"""What the workshop portal pages show: upcoming workshops and the signed-in user's own bookings."""

import frappe
from frappe.utils import get_datetime, getdate, now_datetime, today

from complaints_hc import booking

WORKSHOP_FIELDS = [
	"name", "title", "workshop_date", "start_time", "end_time", "venue", "joining_link", "description",
	"learning_outcomes", "capacity", "seats_booked", "waitlist_count", "booking_opens_on", "booking_closes_on",
	"cancellation_cutoff_hours", "status",
]  # fmt: skip


def themes_of(workshops: list[str]) -> dict[str, list[str]]:
	themes = {}
	for row in frappe.get_all(  # child rows of workshops the user may already read
		"Workshop Theme",
		filters={"parenttype": "Workshop", "parent": ["in", workshops or [""]]},
		fields=["parent", "learning_theme"],
		order_by="idx",
	):
		themes.setdefault(row.parent, []).append(row.learning_theme)
	return themes


def my_bookings_for(user: str, workshops: list[str] | None = None) -> dict[str, dict]:
	filters = {"attendee": user}
	if workshops is not None:
		filters["workshop"] = ["in", workshops or [""]]
	rows = frappe.get_list(
		"Workshop Booking",
		filters=filters,
		fields=["name", "workshop", "status", "waitlist_position", "feedback_at"],
	)
	return {row.workshop: row for row in rows}


def upcoming_workshops(user: str, theme: str | None = None) -> list[dict]:
	workshops = frappe.get_list(
		"Workshop",
		filters={"status": "Scheduled", "workshop_date": [">=", today()]},
		fields=WORKSHOP_FIELDS,
		order_by="workshop_date asc, start_time asc",
	)
	names = [w.name for w in workshops]
	themes, mine = themes_of(names), my_bookings_for(user, names)
	shown = []
	for w in workshops:
		w.themes = themes.get(w.name, [])
		if theme and theme not in w.themes:
			continue
		w.seats_left = max(w.capacity - (w.seats_booked or 0), 0)
		w.my_booking = mine.get(w.name)
		w.can_book = getdate(w.booking_opens_on) <= getdate(today()) <= getdate(w.booking_closes_on)
		w.can_cancel = now_datetime() <= booking.cancellation_deadline(w)
		shown.append(w)
	return shown


def my_bookings(user: str) -> tuple[list[dict], list[dict]]:
	"""(future, past) bookings of this user, each with its workshop."""
	mine = my_bookings_for(user)
	workshops = {
		w.name: w
		for w in frappe.get_list(
			"Workshop", filters={"name": ["in", list(mine) or [""]]}, fields=WORKSHOP_FIELDS
		)
	}
	future, past = [], []
	for name, row in mine.items():
		w = workshops[name]
		row.workshop_doc = w
		starts = get_datetime(f"{w.workshop_date} {w.start_time}")
		row.can_cancel = row.status in (
			booking.BOOKED,
			booking.WAITLISTED,
		) and now_datetime() <= booking.cancellation_deadline(w)
		row.can_give_feedback = row.status == booking.ATTENDED and not row.feedback_at
		(future if starts >= now_datetime() else past).append(row)
	future.sort(key=lambda r: (r.workshop_doc.workshop_date, r.workshop_doc.start_time))
	past.sort(key=lambda r: r.workshop_doc.workshop_date, reverse=True)
	return future, past
