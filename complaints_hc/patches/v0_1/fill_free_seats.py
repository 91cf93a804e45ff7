import frappe


def execute():
	"""Workshops made before Free Seats was kept: work it out from the counters."""
	frappe.db.sql("update `tabWorkshop` set free_seats = greatest(capacity - seats_booked, 0)")
