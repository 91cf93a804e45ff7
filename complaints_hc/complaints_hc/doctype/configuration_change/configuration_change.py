# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class ConfigurationChange(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		before: DF.Code | None
		changed_by: DF.Link | None
		changed_fields: DF.SmallText | None
		changed_on: DF.Datetime | None
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
	# end: auto-generated types

	def validate(self):
		if not self.is_new():  # the history is written by the server (security/configuration_history.py)
			frappe.throw(_("A configuration change on record cannot be edited."), frappe.PermissionError)
