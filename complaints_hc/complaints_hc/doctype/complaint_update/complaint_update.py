# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

# import frappe
from complaints_hc.security.complaint_data import ProtectedChildRow


class ComplaintUpdate(ProtectedChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		given_by: DF.Link | None
		method: DF.Literal["", "Meeting", "Phone", "Letter", "Email", "Text message"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		summary: DF.SmallText
		update_on: DF.Date
	# end: auto-generated types
	pass
