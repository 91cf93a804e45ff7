"""A workshop's seats: the online cancellation deadline, where a new booking goes, and the counters after a
cancellation (the pure arithmetic the booking service and the rules use)."""

import dataclasses
import datetime

import pytest

from complaints_hc.workshops import seat_rules
from complaints_hc.workshops.names import BOOKED, WAITLISTED

STARTS = datetime.datetime(2026, 3, 10, 9, 30)


@pytest.mark.parametrize(
	"cutoff_hours, deadline",
	[
		(24, datetime.datetime(2026, 3, 9, 9, 30)),  # the day before, at the same time
		(48, datetime.datetime(2026, 3, 8, 9, 30)),
		(3, datetime.datetime(2026, 3, 10, 6, 30)),
		(10, datetime.datetime(2026, 3, 9, 23, 30)),  # back across midnight
		(0, STARTS),
		(None, STARTS),  # no cut-off: a place can be given up until the start
	],
)
def test_the_cancellation_deadline_is_the_cutoff_before_the_start(cutoff_hours, deadline):
	assert seat_rules.cancellation_deadline(STARTS, cutoff_hours) == deadline


def test_a_seat_while_fewer_than_the_capacity_are_booked():
	"""The last free seat is booked; the waiting list is left as it is."""
	assert seat_rules.new_place(11, 0, 12) == seat_rules.Place(BOOKED, 0, 12, 0)
	assert seat_rules.new_place(0, 0, 1) == seat_rules.Place(BOOKED, 0, 1, 0)
	assert seat_rules.new_place(4, 2, 12) == seat_rules.Place(BOOKED, 0, 5, 2)


def test_a_full_workshop_puts_the_booking_at_the_end_of_the_waiting_list():
	assert seat_rules.new_place(12, 0, 12) == seat_rules.Place(WAITLISTED, 1, 12, 1)
	assert seat_rules.new_place(12, 3, 12) == seat_rules.Place(WAITLISTED, 4, 12, 4)
	# A capacity lowered below the seats already booked: still the waiting list.
	assert seat_rules.new_place(13, 2, 12) == seat_rules.Place(WAITLISTED, 3, 13, 3)


def test_counters_never_set_count_as_nought():
	assert seat_rules.new_place(None, None, 2) == seat_rules.Place(BOOKED, 0, 1, 0)
	assert seat_rules.new_place(None, None, 0) == seat_rules.Place(WAITLISTED, 1, 0, 1)
	assert seat_rules.new_place(2, None, 2) == seat_rules.Place(WAITLISTED, 1, 2, 1)
	assert seat_rules.counters_after_cancelling(3, None, was_booked=True, seat_taken_up=False) == (2, 0)
	assert seat_rules.counters_after_cancelling(None, 4, was_booked=False, seat_taken_up=False) == (0, 3)


def test_a_freed_seat_nobody_is_waiting_for_is_free_again():
	assert seat_rules.counters_after_cancelling(12, 0, was_booked=True, seat_taken_up=False) == (11, 0)


def test_a_freed_seat_taken_up_from_the_waiting_list_shortens_the_list():
	"""The first on the waiting list is booked instead: the seats booked stay, the list is one shorter."""
	assert seat_rules.counters_after_cancelling(12, 3, was_booked=True, seat_taken_up=True) == (12, 2)


def test_a_place_given_up_on_the_waiting_list_shortens_it_and_frees_no_seat():
	assert seat_rules.counters_after_cancelling(12, 3, was_booked=False, seat_taken_up=False) == (12, 2)


def test_a_place_once_decided_cannot_be_changed():
	place = seat_rules.new_place(11, 0, 12)
	with pytest.raises(dataclasses.FrozenInstanceError):
		place.status = WAITLISTED
