# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

# import frappe
from complaints_hc.security.complaint_data import ProtectedChildRow


class ComplaintExtension(ProtectedChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		agreement_attachment: DF.Attach | None
		complainant_agreed_on: DF.Date | None
		new_due_date: DF.Date
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rationale: DF.SmallText
		recorded_by: DF.Link | None
		requested_on: DF.Date
	# end: auto-generated types
	pass
