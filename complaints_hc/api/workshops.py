"""Booking workshops through the portal: POST only, always for the signed-in user."""

import frappe

from complaints_hc import booking


@frappe.whitelist(methods=["POST"])
def book(workshop: str) -> dict:
	name = booking.book(workshop, frappe.session.user)
	return frappe.db.get_value(
		"Workshop Booking", name, ["name", "status", "waitlist_position"], as_dict=True
	)


@frappe.whitelist(methods=["POST"])
def cancel(booking_name: str) -> dict:
	booking.cancel(booking_name, frappe.session.user)
	return {"name": booking_name, "status": booking.CANCELLED}


@frappe.whitelist(methods=["POST"])
def give_feedback(booking_name: str, rating: int, comment: str | None = None) -> dict:
	booking.give_feedback(booking_name, frappe.session.user, rating, comment)
	return {"name": booking_name}
