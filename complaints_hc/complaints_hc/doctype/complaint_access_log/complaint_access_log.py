# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class ComplaintAccessLog(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accessed_at: DF.Datetime | None
		action: DF.Literal[
			"Opened",
			"Read",
			"Printed",
			"Downloaded PDF",
			"Downloaded file",
			"Downloaded the sent letter",
			"Exported",
			"Changed",
			"Refused",
		]
		complaint: DF.Link | None
		ip_address: DF.Data | None
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		refused: DF.Check
		route: DF.Data | None
		user: DF.Link | None
	# end: auto-generated types

	def validate(self):
		# Written once by the server (security/access_log.py); nobody rewrites what was seen.
		if not self.is_new():
			frappe.throw(_("The access log cannot be changed."), frappe.PermissionError)

	def on_trash(self):
		if "System Manager" not in frappe.get_roles():
			frappe.throw(_("Only a System Manager can delete the access log."), frappe.PermissionError)
