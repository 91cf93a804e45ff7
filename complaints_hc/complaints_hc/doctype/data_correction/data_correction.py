# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

from frappe.model.document import Document


class DataCorrection(Document):
	pass
