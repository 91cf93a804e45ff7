"""Booking workshops through the portal: POST only, always for the signed-in user."""

import frappe
from frappe import _

from complaints_hc.workshops import booking, mail
from complaints_hc.workshops.names import ATTENDED, BOOKED, CANCELLED


@frappe.whitelist(methods=["POST"])
def book(workshop: str) -> dict:
	name = booking.book(workshop, frappe.session.user)
	return frappe.db.get_value(
		"Workshop Booking", name, ["name", "status", "waitlist_position"], as_dict=True
	)


@frappe.whitelist(methods=["POST"])
def cancel(booking_name: str) -> dict:
	booking.cancel(booking_name, frappe.session.user)
	return {"name": booking_name, "status": CANCELLED}


@frappe.whitelist(methods=["POST"])
def give_feedback(booking_name: str, rating: int, comment: str | None = None) -> dict:
	booking.give_feedback(booking_name, frappe.session.user, rating, comment)
	return {"name": booking_name}


@frappe.whitelist(methods=["GET"])
def calendar_invite(workshop: str):
	"""The calendar invite (.ics) for a workshop the signed-in user is booked on."""
	status = frappe.db.get_value(
		"Workshop Booking", {"workshop": workshop, "attendee": frappe.session.user}, "status"
	)
	if status not in (BOOKED, ATTENDED):
		frappe.throw(_("You are not booked on this workshop."), frappe.PermissionError)
	w = frappe.get_doc("Workshop", workshop)
	w.check_permission("read")
	frappe.response.filename = f"{w.name}.ics"
	frappe.response.filecontent = mail.invite(w)
	frappe.response.type = "download"
