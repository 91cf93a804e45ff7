# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class ServiceArea(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		head_of_service: DF.Link | None
		service_area_name: DF.Data
	# end: auto-generated types
	pass
