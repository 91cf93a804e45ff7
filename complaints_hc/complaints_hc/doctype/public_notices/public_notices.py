# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

from frappe.model.document import Document


class PublicNotices(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		compliance_status: DF.Literal["Fully compliant", "Partially compliant", "Not compliant"]
		contact_email: DF.Data | None
		contact_phone: DF.Data | None
		council_name: DF.Data
		disproportionate_burden: DF.TextEditor | None
		how_tested: DF.SmallText | None
		non_accessible_content: DF.TextEditor | None
		outside_scope: DF.TextEditor | None
		postal_address: DF.SmallText | None
		prepared_on: DF.Date | None
		privacy_notice: DF.TextEditor
		privacy_notice_young_people: DF.TextEditor
		reply_days: DF.Int
		reviewed_on: DF.Date | None
	# end: auto-generated types
