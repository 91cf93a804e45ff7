# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class Compliment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from complaints_hc.complaints_hc.doctype.compliment_staff.compliment_staff import ComplimentStaff

		category: DF.Link | None
		consent_to_quote: DF.Check
		given_by: DF.Literal["", "Parent", "Carer", "Young person", "Professional", "IRO", "Other"]
		giver_name: DF.Data | None
		include_in_bulletin: DF.Check
		naming_series: DF.Literal["CMPL-.YYYY.-"]
		quarter: DF.Data | None
		received_on: DF.Date
		shared_by: DF.Link | None
		shared_on: DF.Datetime | None
		source: DF.Literal["External", "Monthly case file audit", "Internal"]
		staff: DF.TableMultiSelect[ComplimentStaff]
		team: DF.Link | None
		words: DF.Text
	# end: auto-generated types
	pass
