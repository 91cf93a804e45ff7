# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

from frappe.model.document import Document

from complaints_hc.complaints import posting


class LettertoPost(Document):
	def validate(self):
		posting.check_posting(self)
