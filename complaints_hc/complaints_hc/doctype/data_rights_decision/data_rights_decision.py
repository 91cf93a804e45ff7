# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from complaints_hc.data_protection import decisions, holds


class DataRightsDecision(Document):
	def _validate_links(self):
		# The complaint is checked as its reader may see it (`holds.visible_complaint`); Frappe's own
		# link check would tell a staff subject that a complaint they may not see exists.
		pass

	def validate(self):
		holds.visible_complaint(self.complaint)
		before = self.get_doc_before_save()
		if before and before.applied_on:
			frappe.throw(_("This decision has been applied: it stays as it was recorded."))

	@frappe.whitelist(methods=["POST"])
	def apply(self):
		"""Record who decided, and carry out an agreed erasure or correction."""
		self.check_permission("write")
		if self.applied_on:
			frappe.throw(_("This decision has already been applied."))
		if not self.decision or not (self.reason or "").strip():
			frappe.throw(_("Record the decision and the reason for it first."), title=_("Decision"))
		if self.decision == "Agreed":
			decisions.carry_out(self)
		self.decided_by, self.applied_on = frappe.session.user, now_datetime()
		self.save()
