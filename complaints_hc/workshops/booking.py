"""Booking workshops so that the count holds under load.

Every change takes the Workshop row with SELECT ... FOR UPDATE first, so bookings of one workshop
happen one at a time; the seats booked and the waiting list are counters on that row, changed in
the same transaction as the booking. (Counting bookings after taking the lock would still overbook
under MariaDB's REPEATABLE READ: the count would come from a snapshot older than the lock.) A unique
index on (workshop, attendee) is the last word on one booking per person. When a booked seat is
cancelled, the first on the waiting list gets it in the same transaction.
"""

import datetime

import frappe
from frappe import _
from frappe.utils import now_datetime

from complaints_hc.security.roles import ALL_ROLES
from complaints_hc.workshops import mail, rules, seat_rules
from complaints_hc.workshops.names import ACTIVE, ATTENDED, BOOKED, CANCELLABLE, CANCELLED, WAITLISTED


class BookingError(frappe.ValidationError):
	pass


def lock_workshop(name: str) -> dict:
	found = frappe.db.sql(
		"""select name, title, status, workshop_date, start_time, capacity, seats_booked, waitlist_count,
			booking_opens_on, booking_closes_on, cancellation_cutoff_hours
		from `tabWorkshop` where name = %s for update""",
		name,
		as_dict=True,
	)
	if not found:
		frappe.throw(_("There is no such workshop."), frappe.DoesNotExistError)
	return found[0]


def check_bookable(workshop: dict, now: datetime.datetime):
	reason = rules.why_not_bookable(workshop, now)
	if reason:
		frappe.throw(reason, BookingError)


def check_may_book(user: str):
	if user == "Guest" or not set(frappe.get_roles(user)) & set(ALL_ROLES):
		frappe.throw(_("Only council staff can book workshops."), frappe.PermissionError)


def existing_booking(workshop: str, user: str) -> dict | None:
	# A locking read sees the latest committed row, not this transaction's older snapshot.
	found = frappe.db.sql(
		"""select name, status, waitlist_position from `tabWorkshop Booking`
		where workshop = %s and attendee = %s for update""",
		(workshop, user),
		as_dict=True,
	)
	return found[0] if found else None


def set_counters(workshop: str, seats_booked: int, waitlist_count: int):
	"""The counters, and the free seats they leave, on the (locked) workshop row."""
	frappe.db.sql(
		"""update `tabWorkshop` set seats_booked = %(seats)s, waitlist_count = %(waiting)s,
			free_seats = greatest(capacity - %(seats)s, 0) where name = %(name)s""",
		{"seats": seats_booked, "waiting": waitlist_count, "name": workshop},
	)


def book(workshop_name: str, user: str) -> str:
	"""Book a seat for this user, or a place on the waiting list when the workshop is full."""
	check_may_book(user)
	workshop = lock_workshop(workshop_name)
	check_bookable(workshop, now_datetime())
	existing = existing_booking(workshop.name, user)
	if existing and existing.status in ACTIVE:
		already = _("on the waiting list for") if existing.status == WAITLISTED else _("booked on")
		frappe.throw(_("You are already {0} {1}.").format(already, workshop.title), BookingError)

	place = seat_rules.new_place(workshop.seats_booked, workshop.waitlist_count, workshop.capacity)
	seats, waitlist = place.seats_booked, place.waitlist_count
	values = {"status": place.status, "waitlist_position": place.waitlist_position}
	values.update(booked_at=now_datetime(), cancelled_at=None, reminder_sent_at=None)

	if existing:  # a cancelled booking is taken up again: still one row per person
		frappe.db.set_value("Workshop Booking", existing.name, values)
		name = existing.name
	else:
		name = insert_booking(workshop.name, user, values)
	set_counters(workshop.name, seats, waitlist)
	mail.booking_made(workshop.name, user, values["status"], values["waitlist_position"])
	return name


def insert_booking(workshop: str, user: str, values: dict) -> str:
	booking = frappe.get_doc(
		{"doctype": "Workshop Booking", "workshop": workshop, "attendee": user, **values}
	)
	booking.flags.ignore_permissions = True  # made by the booking service, for the session user only
	booking.flags.from_booking_service = True
	try:
		booking.insert()
	except frappe.UniqueValidationError:
		frappe.throw(_("You have already booked this workshop."), BookingError)
	return booking.name


def cancel(booking_name: str, user: str, by_facilitator: bool = False) -> str | None:
	"""Cancel a booking; a freed seat goes to the first on the waiting list. Returns who got it, if anyone."""
	booking = frappe.db.get_value("Workshop Booking", booking_name, ["workshop", "attendee"], as_dict=True)
	if not booking or (booking.attendee != user and not by_facilitator):
		frappe.throw(_("That is not your booking."), frappe.PermissionError)
	workshop = lock_workshop(booking.workshop)
	current = existing_booking(workshop.name, booking.attendee)
	if current.status not in CANCELLABLE:
		frappe.throw(_("This booking is not active, so there is nothing to cancel."), BookingError)
	reason = None if by_facilitator else rules.why_not_cancellable_online(workshop, now_datetime())
	if reason:
		frappe.throw(reason, BookingError, title=_("Cannot cancel online"))
	frappe.db.set_value(
		"Workshop Booking",
		current.name,
		{"status": CANCELLED, "waitlist_position": 0, "cancelled_at": now_datetime()},
	)
	promoted = None
	if current.status == BOOKED:
		promoted = offer_seat_to_first_waiting(workshop.name)
	else:
		close_gap_in_waiting_list(workshop.name, current.waitlist_position)
	seats, waitlist = seat_rules.counters_after_cancelling(
		workshop.seats_booked, workshop.waitlist_count, current.status == BOOKED, bool(promoted)
	)
	set_counters(workshop.name, seats, waitlist)
	mail.booking_cancelled(workshop.name, booking.attendee, was_booked=current.status == BOOKED)
	return promoted


def offer_seat_to_first_waiting(workshop: str) -> str | None:
	"""The first on the waiting list is booked: the seat is theirs (they are told by email)."""
	first = frappe.db.sql(
		"""select name, attendee, waitlist_position from `tabWorkshop Booking`
		where workshop = %s and status = %s order by waitlist_position limit 1 for update""",
		(workshop, WAITLISTED),
		as_dict=True,
	)
	if not first:
		return None
	frappe.db.set_value("Workshop Booking", first[0].name, {"status": BOOKED, "waitlist_position": 0})
	close_gap_in_waiting_list(workshop, first[0].waitlist_position)
	frappe.get_doc("Workshop Booking", first[0].name).run_method("notify_seat_offered")
	return first[0].attendee


def close_gap_in_waiting_list(workshop: str, left_position: int | None):
	if left_position:
		frappe.db.sql(
			"""update `tabWorkshop Booking` set waitlist_position = waitlist_position - 1
			where workshop = %s and status = %s and waitlist_position > %s""",
			(workshop, WAITLISTED, left_position),
		)


def give_feedback(booking_name: str, user: str, rating: int, comment: str | None = None):
	booking = frappe.db.get_value(
		"Workshop Booking", booking_name, ["attendee", "status", "feedback_at"], as_dict=True
	)
	if not booking or booking.attendee != user:
		frappe.throw(_("That is not your booking."), frappe.PermissionError)
	if booking.status != ATTENDED:
		frappe.throw(_("Feedback is for those who attended the workshop."), BookingError)
	if booking.feedback_at:
		frappe.throw(_("You have already given feedback on this workshop. Thank you!"), BookingError)
	if not 1 <= rating <= 5:
		frappe.throw(_("Choose a rating from 1 to 5."), BookingError)
	frappe.db.set_value(
		"Workshop Booking",
		booking_name,
		{"rating": rating / 5, "feedback": (comment or "").strip()[:1000], "feedback_at": now_datetime()},
	)
