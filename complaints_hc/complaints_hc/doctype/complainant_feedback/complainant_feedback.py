# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class ComplainantFeedback(Document):
	def validate(self):
		# The complainant's own words, kept as given.
		if not self.is_new():
			frappe.throw(_("This record cannot be changed."), frappe.PermissionError)
