"""Whether a workshop can be booked or cancelled online now: decided here once.

The booking service refuses with these reasons; the portal pages show or hide their buttons by them.
"""

import datetime

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from complaints_hc.workshops import seat_rules
from complaints_hc.workshops.names import SCHEDULED


def starts_at(workshop) -> datetime.datetime:
	return get_datetime(f"{workshop.workshop_date} {workshop.start_time}")


def cancellation_deadline(workshop) -> datetime.datetime:
	"""The last moment a place can be given up online; after it, the facilitator is contacted."""
	return seat_rules.cancellation_deadline(starts_at(workshop), workshop.cancellation_cutoff_hours)


def why_not_bookable(workshop, now: datetime.datetime) -> str | None:
	"""Why nobody can book this workshop now, or None when it is open for booking."""
	if workshop.status != SCHEDULED:
		return _("{0} is {1}: it cannot be booked.").format(workshop.title, _(workshop.status).lower())
	if now >= starts_at(workshop):
		return _("{0} has already taken place.").format(workshop.title)
	if now.date() < getdate(workshop.booking_opens_on):
		return _("Booking for {0} opens on {1}.").format(
			workshop.title, frappe.format(getdate(workshop.booking_opens_on), "Date")
		)
	if now.date() > getdate(workshop.booking_closes_on):
		return _("Booking for {0} has closed.").format(workshop.title)
	return None


def why_not_cancellable_online(workshop, now: datetime.datetime) -> str | None:
	"""Why a place on this workshop cannot be given up online now, or None when it can."""
	if workshop.status != SCHEDULED:
		return _("{0} is {1}: there is no place to give up.").format(
			workshop.title, _(workshop.status).lower()
		)
	if now > cancellation_deadline(workshop):
		return _("It is too late to cancel {0} online. Please contact the facilitator.").format(
			workshop.title
		)
	return None
