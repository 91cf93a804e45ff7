"""Sharing a compliment with the staff it is about."""

import frappe


@frappe.whitelist(methods=["POST"])
def share_with_staff(compliment: str) -> dict:
	doc = frappe.get_doc("Compliment", compliment)
	doc.check_permission("write")
	shared_with = doc.share_with_staff()
	return {"shared_with": shared_with, "shared_on": doc.shared_on}
