# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_time, getdate

from complaints_hc.security import workflow_guard
from complaints_hc.workshops import booking, mail
from complaints_hc.workshops.names import SCHEDULED, WORKSHOP_CANCELLED


class Workshop(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from complaints_hc.complaints_hc.doctype.workshop_leader.workshop_leader import WorkshopLeader
		from complaints_hc.complaints_hc.doctype.workshop_theme.workshop_theme import WorkshopTheme

		booking_closes_on: DF.Date
		booking_opens_on: DF.Date
		cancellation_cutoff_hours: DF.Int
		capacity: DF.Int
		description: DF.SmallText | None
		end_time: DF.Time
		facilitators: DF.TableMultiSelect[WorkshopLeader]
		free_seats: DF.Int
		invite_sequence: DF.Int
		joining_link: DF.Data | None
		learning_outcomes: DF.Text | None
		naming_series: DF.Literal["WS-.YYYY.-"]
		seats_booked: DF.Int
		start_time: DF.Time
		status: DF.Literal["Draft", "Scheduled", "Cancelled", "Completed"]
		themes: DF.TableMultiSelect[WorkshopTheme]
		title: DF.Data
		venue: DF.Data | None
		waitlist_count: DF.Int
		workshop_date: DF.Date
	# end: auto-generated types

	def before_validate(self):
		workflow_guard.restore_server_owned_fields(self)  # the seat counters belong to the booking service
		if not self.is_new():
			# Take the row as the booking service does, so a booking made meanwhile is counted.
			current = booking.lock_workshop(self.name)
			self.seats_booked, self.waitlist_count = current.seats_booked, current.waitlist_count
		self.free_seats = max((self.capacity or 0) - (self.seats_booked or 0), 0)

	def validate(self):
		before = self.get_doc_before_save()
		if before and before.status == WORKSHOP_CANCELLED and self.status != WORKSHOP_CANCELLED:
			frappe.throw(
				_("A cancelled workshop stays cancelled: schedule a new one instead."), title=_("Cancelled")
			)
		if get_time(self.end_time) <= get_time(self.start_time):
			frappe.throw(_("The workshop must end after it starts."))
		if (
			not getdate(self.booking_opens_on)
			<= getdate(self.booking_closes_on)
			<= getdate(self.workshop_date)
		):
			frappe.throw(_("Booking must open before it closes, and close by the day of the workshop."))
		if self.capacity < (self.seats_booked or 0):
			frappe.throw(
				_("{0} seats are already booked: the capacity cannot go below that.").format(
					self.seats_booked
				),
				title=_("Capacity"),
			)

	def before_save(self):
		before = self.get_doc_before_save()
		self.flags.tell_attendees = bool(before) and self.changes_calendars(before)
		if self.flags.tell_attendees:
			self.invite_sequence = (before.invite_sequence or 0) + 1

	def changes_calendars(self, before) -> bool:
		if self.status == WORKSHOP_CANCELLED:
			return before.status != WORKSHOP_CANCELLED
		return self.status == SCHEDULED and calendar_entry(self) != calendar_entry(before)

	def on_update(self):
		if not self.flags.tell_attendees:
			return
		if self.status == SCHEDULED:  # moved: the reminder is due again before the new date
			frappe.db.set_value(
				"Workshop Booking",
				{"workshop": self.name, "reminder_sent_at": ["is", "set"]},
				"reminder_sent_at",
				None,
				update_modified=False,
			)
		mail.workshop_changed(self, self.get_doc_before_save())


def calendar_entry(workshop) -> tuple:
	"""What people's calendars hold of a workshop: changing any of it sends an updated invite."""
	return (
		workshop.title,
		getdate(workshop.workshop_date),
		get_time(workshop.start_time),
		get_time(workshop.end_time),
		workshop.venue or "",
		workshop.joining_link or "",
	)
