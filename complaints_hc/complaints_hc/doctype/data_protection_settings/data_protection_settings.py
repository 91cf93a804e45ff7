# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

from frappe.model.document import Document

from complaints_hc.data_protection import retention


class DataProtectionSettings(Document):
	def validate(self):
		retention.validate_periods(self)
