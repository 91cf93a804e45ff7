# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today


class AuditFinding(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		audited_on: DF.Date
		kind: DF.Literal["Practice to improve", "Good practice"]
		learning_theme: DF.Link
		naming_series: DF.Literal["AUD-.YYYY.-"]
		recorded_by: DF.Link | None
		service_team: DF.Link
		summary: DF.SmallText
	# end: auto-generated types

	def validate(self):
		if getdate(self.audited_on) > getdate(today()):
			frappe.throw(_("The audit date cannot be in the future."), title=_("Audited On"))
		if not (self.summary or "").strip():
			frappe.throw(_("Say what the audit found."), title=_("Summary"))
		before = self.get_doc_before_save()
		self.recorded_by = before.recorded_by if before else frappe.session.user  # the server's record
