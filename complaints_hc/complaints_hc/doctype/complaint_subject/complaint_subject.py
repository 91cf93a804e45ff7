# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

# import frappe
from complaints_hc.security.complaint_data import ProtectedChildRow


class ComplaintSubject(ProtectedChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		guidance_sent_by: DF.Link | None
		guidance_sent_on: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		role_in_case: DF.Data | None
		user: DF.Link
	# end: auto-generated types
	pass
