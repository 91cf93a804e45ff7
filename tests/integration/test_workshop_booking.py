"""Workshop booking rules, as staff through the booking service, with time frozen."""

import frappe
import pytest
from helpers import as_user, make_user, make_workshop, on

from complaints_hc.security import roles
from complaints_hc.workshops import booking


@pytest.fixture
def staff():
	return [make_user(f"booker.{n}", roles.WORKSHOP_BOOKER) for n in range(4)]


def book(user, workshop):
	with as_user(user):
		return booking.book(workshop.name, user)


def cancel(user, name):
	with as_user(user):
		return booking.cancel(name, user)


def counters(workshop):
	return frappe.db.get_value("Workshop", workshop.name, ["seats_booked", "waitlist_count"])


def status(name):
	return frappe.db.get_value("Workshop Booking", name, ["status", "waitlist_position"])


def test_booking_fills_the_seats_then_the_waiting_list(staff):
	workshop = make_workshop(capacity=2)
	with on("2026-06-10"):
		names = [book(user, workshop) for user in staff]
	assert [status(n) for n in names] == [("Booked", 0), ("Booked", 0), ("Waitlisted", 1), ("Waitlisted", 2)]
	assert counters(workshop) == (2, 2)


def test_cancelling_a_seat_gives_it_to_the_first_on_the_waiting_list(staff):
	workshop = make_workshop(capacity=2)
	with on("2026-06-10"):
		names = [book(user, workshop) for user in staff]
		promoted = cancel(staff[0], names[0])
	assert promoted == staff[2]
	assert [status(n) for n in names] == [("Cancelled", 0), ("Booked", 0), ("Booked", 0), ("Waitlisted", 1)]
	assert counters(workshop) == (2, 1)
	seat_emails = frappe.get_all(
		"Email Queue", {"reference_doctype": "Workshop Booking", "reference_name": names[2]}
	)
	assert len(seat_emails) == 1


def test_leaving_the_waiting_list_closes_the_gap(staff):
	workshop = make_workshop(capacity=1)
	with on("2026-06-10"):
		names = [book(user, workshop) for user in staff]
		cancel(staff[1], names[1])
	assert [status(n) for n in names[1:]] == [("Cancelled", 0), ("Waitlisted", 1), ("Waitlisted", 2)]
	assert counters(workshop) == (1, 2)


def test_one_booking_per_person_and_a_cancelled_one_can_be_taken_up_again(staff):
	workshop = make_workshop()
	with on("2026-06-10"):
		name = book(staff[0], workshop)
		with pytest.raises(booking.BookingError, match="already booked"):
			book(staff[0], workshop)
		cancel(staff[0], name)
		assert book(staff[0], workshop) == name
	assert status(name) == ("Booked", 0)
	assert frappe.db.count("Workshop Booking", {"workshop": workshop.name}) == 1


@pytest.mark.parametrize(
	"day, values, message",
	[
		("2026-05-31", {}, "opens on"),
		("2026-07-15", {"workshop_date": "2026-07-20"}, "has closed"),
		("2026-07-16", {"booking_closes_on": "2026-07-15"}, "already taken place"),
		("2026-06-10", {"status": "Cancelled"}, "cancelled: it cannot be booked"),
	],
)
def test_booking_outside_the_window_or_for_a_past_or_cancelled_workshop_is_refused(
	staff, day, values, message
):
	workshop = make_workshop(**values)
	with on(day), pytest.raises(booking.BookingError, match=message):
		book(staff[0], workshop)
	assert counters(workshop) == (0, 0)
	assert not frappe.db.exists("Workshop Booking", {"workshop": workshop.name})


def test_cancelling_after_the_cut_off_is_refused_with_a_message(staff):
	workshop = make_workshop()
	with on("2026-06-10"):
		name = book(staff[0], workshop)
	with on("2026-07-14"):  # noon the day before: inside the 24 hours
		with pytest.raises(booking.BookingError, match="contact the facilitator"):
			cancel(staff[0], name)
	assert status(name) == ("Booked", 0)


def test_nobody_cancels_someone_elses_booking(staff):
	workshop = make_workshop()
	with on("2026-06-10"):
		name = book(staff[0], workshop)
		with pytest.raises(frappe.PermissionError):
			cancel(staff[1], name)
	assert status(name) == ("Booked", 0)


def test_capacity_cannot_go_below_the_seats_booked(staff):
	facilitator = make_user("capacity.facilitator", roles.WORKSHOP_FACILITATOR)
	workshop = make_workshop(capacity=3, facilitators=[{"user": facilitator}])
	with on("2026-06-10"):
		for user in staff[:2]:
			book(user, workshop)
	with as_user(facilitator):
		mine = frappe.get_doc("Workshop", workshop.name)
		mine.capacity = 1
		with pytest.raises(frappe.ValidationError, match="cannot go below"):
			mine.save()
		mine.reload()
		mine.capacity = 2  # down to the seats booked is fine
		mine.save()
	assert frappe.db.get_value("Workshop", workshop.name, "capacity") == 2


def test_feedback_only_from_those_who_attended_and_once(staff):
	facilitator = make_user("facilitator", roles.WORKSHOP_FACILITATOR)
	workshop = make_workshop()
	with on("2026-06-10"):
		attended, absent = book(staff[0], workshop), book(staff[1], workshop)
	with on("2026-07-15"), as_user(facilitator):
		for name, mark in ((attended, "Attended"), (absent, "No-show")):
			register = frappe.get_doc("Workshop Booking", name)
			register.status = mark
			register.save()
	with on("2026-07-16"):
		with as_user(staff[1]), pytest.raises(booking.BookingError, match="for those who attended"):
			booking.give_feedback(absent, staff[1], 5)
		with as_user(staff[0]):
			booking.give_feedback(attended, staff[0], 4, "Useful case examples.")
			with pytest.raises(booking.BookingError, match="already given feedback"):
				booking.give_feedback(attended, staff[0], 5)
	assert frappe.db.get_value("Workshop Booking", attended, ["rating", "feedback"]) == (
		0.8,
		"Useful case examples.",
	)


def test_the_register_cannot_be_taken_before_the_day_or_used_to_cancel(staff):
	facilitator = make_user("facilitator", roles.WORKSHOP_FACILITATOR)
	workshop = make_workshop()
	with on("2026-06-10"):
		name = book(staff[0], workshop)
		with (
			as_user(facilitator),
			pytest.raises(frappe.ValidationError, match="from the day of the workshop"),
		):
			register = frappe.get_doc("Workshop Booking", name)
			register.status = "Attended"
			register.save()
	with (
		on("2026-07-15"),
		as_user(facilitator),
		pytest.raises(frappe.ValidationError, match="cancel through"),
	):
		register = frappe.get_doc("Workshop Booking", name)
		register.status = "Cancelled"
		register.save()
	assert status(name) == ("Booked", 0)
