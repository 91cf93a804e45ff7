"""The arithmetic of a workshop's seats in plain Python: when a place can last be given up online, where
a new booking goes, and the counters after a cancellation.

No Frappe here: the rules and the booking service (`rules`, `booking`) pass the workshop's stored
facts, and keep the locking, the rows and the messages.
"""

import datetime
from dataclasses import dataclass

from complaints_hc.workshops.names import BOOKED, WAITLISTED


def cancellation_deadline(starts: datetime.datetime, cutoff_hours: int | None) -> datetime.datetime:
	"""The cut-off's hours before the start; the start itself when there is no cut-off."""
	return starts - datetime.timedelta(hours=cutoff_hours or 0)


@dataclass(frozen=True)
class Place:
	status: str  # BOOKED or WAITLISTED
	waitlist_position: int  # 0 for a seat
	seats_booked: int  # the workshop's counters with this booking
	waitlist_count: int


def new_place(seats_booked: int | None, waitlist_count: int | None, capacity: int) -> Place:
	"""A seat while fewer than the capacity are booked; otherwise the next place on the waiting list."""
	seats, waitlist = seats_booked or 0, waitlist_count or 0
	if seats < capacity:
		return Place(BOOKED, 0, seats + 1, waitlist)
	return Place(WAITLISTED, waitlist + 1, seats, waitlist + 1)


def counters_after_cancelling(
	seats_booked: int | None, waitlist_count: int | None, was_booked: bool, seat_taken_up: bool
) -> tuple[int, int]:
	"""The seats booked and the waiting list's length once a booking is cancelled. A freed seat taken up
	by the first on the waiting list stays booked and the list is one shorter; a place given up on the
	waiting list shortens it."""
	seats, waitlist = seats_booked or 0, waitlist_count or 0
	if was_booked:
		seats -= 1
		if seat_taken_up:
			seats, waitlist = seats + 1, waitlist - 1
	else:
		waitlist -= 1
	return seats, waitlist
