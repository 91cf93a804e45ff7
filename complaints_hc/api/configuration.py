"""Undoing a change to the complaints service's configuration (POST: it writes)."""

import frappe

from complaints_hc.security import configuration_history


@frappe.whitelist(methods=["POST"])
def undo_change(change: str) -> str:
	return configuration_history.undo(change)
