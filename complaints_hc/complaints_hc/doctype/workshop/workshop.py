# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_time, getdate

from complaints_hc import workflow_guard


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
		joining_link: DF.Data | None
		learning_outcomes: DF.Text | None
		naming_series: DF.Literal["WS-.YYYY.-"]
		seats_booked: DF.Int
		start_time: DF.Time
		status: DF.Literal["Scheduled", "Cancelled", "Completed"]
		themes: DF.TableMultiSelect[WorkshopTheme]
		title: DF.Data
		venue: DF.Data | None
		waitlist_count: DF.Int
		workshop_date: DF.Date
	# end: auto-generated types

	def before_validate(self):
		workflow_guard.restore_server_owned_fields(self)  # the seat counters belong to the booking service

	def validate(self):
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
