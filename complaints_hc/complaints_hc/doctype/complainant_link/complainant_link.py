# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class ComplainantLink(Document):
	def validate(self):
		# A link's record is the server's: it ends a link by revoking it, and nothing else changes.
		if not self.is_new():
			frappe.throw(_("This record cannot be changed."), frappe.PermissionError)
