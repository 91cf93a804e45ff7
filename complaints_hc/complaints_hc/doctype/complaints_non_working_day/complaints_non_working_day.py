# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

from frappe.model.document import Document


class ComplaintsNonWorkingDay(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		date: DF.Date
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.Data
	# end: auto-generated types

	pass
