"""What the workshop portal pages show: upcoming workshops and the signed-in user's own bookings."""

import frappe
from frappe import _
from frappe.utils import get_fullname, getdate, now_datetime, today

from complaints_hc.workshops import rules
from complaints_hc.workshops.names import ATTENDED, CANCELLABLE, SCHEDULED, WORKSHOP_DRAFT

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


def with_booking_state(workshops: list[dict], user: str) -> list[dict]:
	"""Add the themes, seats left, the user's own booking and what they may do now."""
	names = [w.name for w in workshops]
	themes, mine = themes_of(names), my_bookings_for(user, names)
	now = now_datetime()
	for w in workshops:
		w.themes = themes.get(w.name, [])
		w.seats_left = max(w.capacity - (w.seats_booked or 0), 0)
		w.my_booking = mine.get(w.name)
		w.has_started = now >= rules.starts_at(w)
		w.opens_later = now.date() < getdate(w.booking_opens_on)
		w.can_book = rules.why_not_bookable(w, now) is None
		w.can_cancel = rules.why_not_cancellable_online(w, now) is None
	return workshops


def upcoming_workshops(user: str, theme: str | None = None) -> list[dict]:
	workshops = frappe.get_list(
		"Workshop",
		filters={"status": SCHEDULED, "workshop_date": [">=", today()]},
		fields=WORKSHOP_FIELDS,
		order_by="workshop_date asc, start_time asc",
	)
	with_booking_state(workshops, user)
	return [w for w in workshops if not theme or theme in w.themes]


def workshop_for(user: str, name: str) -> dict:
	"""One workshop the user may read, for its own page (a draft is not published yet)."""
	found = frappe.get_list("Workshop", filters={"name": name, "status": ["!=", WORKSHOP_DRAFT]},
		fields=WORKSHOP_FIELDS, limit=1)  # fmt: skip
	if not found:
		raise frappe.DoesNotExistError(_("There is no such workshop."))
	workshop = with_booking_state(found, user)[0]
	workshop.facilitators = [
		get_fullname(row.user)
		for row in frappe.get_all(
			"Workshop Leader",
			filters={"parenttype": "Workshop", "parent": name},
			fields=["user"],
			order_by="idx",
		)
	]
	return workshop


def my_bookings(user: str) -> tuple[list[dict], list[dict]]:
	"""(future, past) bookings of this user, each with its workshop."""
	mine = my_bookings_for(user)
	workshops = {
		w.name: w
		for w in frappe.get_list(
			"Workshop", filters={"name": ["in", list(mine) or [""]]}, fields=WORKSHOP_FIELDS
		)
	}
	future, past, now = [], [], now_datetime()
	for name, row in mine.items():
		w = workshops[name]
		row.workshop_doc = w
		row.can_cancel = row.status in CANCELLABLE and rules.why_not_cancellable_online(w, now) is None
		row.can_give_feedback = row.status == ATTENDED and not row.feedback_at
		(future if rules.starts_at(w) >= now else past).append(row)
	future.sort(key=lambda r: (r.workshop_doc.workshop_date, r.workshop_doc.start_time))
	past.sort(key=lambda r: r.workshop_doc.workshop_date, reverse=True)
	return future, past
