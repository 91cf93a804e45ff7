"""Notifications the complaints team sets up may address a whole role, a field or the assignees.
Whoever among them may not see the document (a complaint, an action, a later stage: a staff subject
holding that role, or staff with no complaints role at all) is taken off the list, for email and
in-app alike. Addresses that belong to no user (a complainant's own email) are left alone."""

import frappe
from frappe.email.doctype.notification.notification import Notification

from complaints_hc.security.complaint_data import MAY_SEE

# Every document that holds complaint data and has its own rule for who may see it.
PROTECTED = frozenset(MAY_SEE)


class GuardedNotification(Notification):
	def get_list_of_recipients(self, doc, context):
		recipients, cc, bcc = super().get_list_of_recipients(doc, context)
		if doc.doctype not in PROTECTED:
			return recipients, cc, bcc
		return tuple(
			[address for address in group if may_receive(doc, address)] for group in (recipients, cc, bcc)
		)

	def get_receiver_list(self, doc, context):
		"""Text messages: a phone number cannot be checked against who may see the document, so a
		complaint's texts go only to numbers on the document itself, never to a whole role."""
		if doc.doctype not in PROTECTED:
			return super().get_receiver_list(doc, context)
		every_row = self.recipients
		self.recipients = [row for row in every_row if not row.receiver_by_role]
		try:
			return super().get_receiver_list(doc, context)
		finally:
			self.recipients = every_row


def may_receive(doc, address: str) -> bool:
	user = frappe.db.get_value("User", {"email": address}, "name") or (
		address if frappe.db.exists("User", address) else None
	)
	if not user:
		return True  # someone outside the council who is named on the document
	return frappe.has_permission(doc.doctype, "read", doc, user=user)
