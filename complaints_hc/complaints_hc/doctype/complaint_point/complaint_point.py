# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

# import frappe
from complaints_hc.security.complaint_data import ProtectedChildRow


class ComplaintPoint(ProtectedChildRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		category: DF.Link | None
		description: DF.SmallText
		finding: DF.Text | None
		good_practice: DF.SmallText | None
		learning_for_staff: DF.SmallText | None
		learning_theme: DF.Link | None
		outcome: DF.Literal["", "Upheld", "Partially upheld", "Not upheld", "Not investigated", "Withdrawn"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rationale: DF.Text | None
		second_learning_theme: DF.Link | None
	# end: auto-generated types
	pass
