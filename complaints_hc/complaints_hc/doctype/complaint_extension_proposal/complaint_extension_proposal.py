# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ComplaintExtensionProposal(Document):
	pass
