# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from complaints_hc.security import workflow_guard
from complaints_hc.workshops.names import REGISTER


class WorkshopBooking(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attendee: DF.Link
		booked_at: DF.Datetime | None
		cancelled_at: DF.Datetime | None
		feedback: DF.SmallText | None
		feedback_at: DF.Datetime | None
		rating: DF.Rating
		reminder_sent_at: DF.Datetime | None
		status: DF.Literal["Booked", "Waitlisted", "Cancelled", "Attended", "No-show"]
		waitlist_position: DF.Int
		workshop: DF.Link
	# end: auto-generated types

	def before_validate(self):
		if not self.flags.from_booking_service:
			workflow_guard.restore_server_owned_fields(self)

	def validate(self):
		if self.flags.from_booking_service:
			return
		if self.is_new():
			frappe.throw(_("Bookings are made through the workshop booking page."), frappe.PermissionError)
		before = self.get_doc_before_save()
		if self.status != before.status:
			self.validate_register(before.status)

	def validate_register(self, previous: str):
		if {previous, self.status} - set(REGISTER):
			frappe.throw(
				_(
					"In the desk a booking can only be marked attended or no-show; cancel through the booking service."
				),
				title=_("Register"),
			)
		workshop_date = frappe.db.get_value("Workshop", self.workshop, "workshop_date")
		if getdate(today()) < getdate(workshop_date):
			frappe.throw(_("The register can be taken from the day of the workshop."))

	def notify_seat_offered(self):
		"""A method the Notification "Workshop seat offered from the waiting list" listens to."""


def on_doctype_update():
	frappe.db.add_unique(
		"Workshop Booking", ["workshop", "attendee"], constraint_name="unique_workshop_attendee"
	)
