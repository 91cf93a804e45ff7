# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

from complaints_hc.security.complaint_data import ProtectedChildRow


class ComplaintApproval(ProtectedChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		decided_by: DF.Link | None
		decided_on: DF.Datetime | None
		decision: DF.Literal["Approved", "Returned for changes"]
		from_state: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		to_state: DF.Data | None
	# end: auto-generated types

	pass
