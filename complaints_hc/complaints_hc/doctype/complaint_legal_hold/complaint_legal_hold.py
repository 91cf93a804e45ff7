# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from complaints_hc.data_protection import holds


class ComplaintLegalHold(Document):
	def _validate_links(self):
		# The complaint is checked as its reader may see it (`holds.visible_complaint`); Frappe's own
		# link check would tell a staff subject that a complaint they may not see exists.
		pass

	def validate(self):
		if self.is_new():
			holds.check_placeable(self.complaint)
			self.placed_by, self.placed_on = frappe.session.user, now_datetime()
		elif self.get_doc_before_save() and self.get_doc_before_save().lifted_on:
			frappe.throw(_("This hold was lifted: place a new one if the complaint must be held again."))

	@frappe.whitelist(methods=["POST"])
	def lift(self, reason: str):
		"""The hold ends; anonymisation may go ahead when the retention period is up."""
		self.check_permission("write")
		if self.lifted_on:
			frappe.throw(_("This hold has already been lifted."))
		if not (reason or "").strip():
			frappe.throw(_("Say why the hold is being lifted."), title=_("Lift the hold"))
		self.lifted_on, self.lifted_by, self.lift_reason = now_datetime(), frappe.session.user, reason.strip()
		self.save()
