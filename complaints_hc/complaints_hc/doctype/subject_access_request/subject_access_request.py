# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, now_datetime, today

from complaints_hc.data_protection import months, subject_access

RECEIVED, FOUND, PREPARED, RELEASED, REFUSED = (
	"Received",
	"Records Found",
	"Export Prepared",
	"Released",
	"Refused",
)


class SubjectAccessRequest(Document):
	def validate(self):
		if getdate(self.received_on) > getdate(today()):
			frappe.throw(_("The request cannot be received after today."))
		if self.extended and not (self.extension_reason or "").strip():
			frappe.throw(_("Say why the request needs the two further months."), title=_("Extension"))
		self.due_on = months.sar_due(getdate(self.received_on), bool(self.extended))
		if self.identity_checked and not self.identity_checked_by:
			self.identity_checked_by, self.identity_checked_on = frappe.session.user, today()
		if not self.identity_checked:
			self.identity_checked_by = self.identity_checked_on = None
		before = self.get_doc_before_save()
		if before and before.status in (RELEASED, REFUSED):
			frappe.throw(
				_("This request is closed ({0}): its record stays as it was.").format(_(before.status))
			)

	@frappe.whitelist(methods=["POST"])
	def find_records(self):
		"""Every record about the subject that you may read (the list replaces any earlier one)."""
		self.check_permission("write")
		self.set("records", subject_access.find(self))
		self.status = FOUND
		self.save()

	@frappe.whitelist(methods=["POST"])
	def prepare_export(self):
		"""One PDF and one JSON file of the included records, redacted, kept privately on the request."""
		self.check_permission("write")
		subject_access.check_may_export(self, frappe.session.user)
		if not self.identity_checked:
			frappe.throw(_("Check the requester's identity before preparing what they will receive."))
		if not any(row.include for row in self.records):
			frappe.throw(_("Find the records first, and include at least one."))
		data = subject_access.export(self)
		for field, extension, content in (("export_pdf", "pdf", subject_access.as_pdf(data)),
			("export_json", "json", subject_access.as_json(data))):  # fmt: skip
			file = frappe.get_doc({"doctype": "File", "file_name": f"{self.name} export.{extension}", "is_private": 1,
				"attached_to_doctype": self.doctype, "attached_to_name": self.name, "content": content})  # fmt: skip
			file.insert(ignore_permissions=True)  # the request's own export, read through the request
			self.set(field, file.file_url)
		self.prepared_by, self.prepared_on, self.status = frappe.session.user, now_datetime(), PREPARED
		self.save()

	@frappe.whitelist(methods=["POST"])
	def release(self):
		"""A second person reviews the export and releases it to the requester."""
		self.check_permission("write")
		subject_access.check_may_export(self, frappe.session.user)
		if self.status != PREPARED:
			frappe.throw(_("Prepare the export before it is released."))
		if self.prepared_by == frappe.session.user:
			frappe.throw(
				_("Someone other than the person who prepared the export must review and release it.")
			)
		self.reviewed_by, self.released_on, self.status = frappe.session.user, today(), RELEASED
		self.save()

	@frappe.whitelist(methods=["POST"])
	def refuse(self, reason: str):
		self.check_permission("write")
		if not (reason or "").strip():
			frappe.throw(
				_("Say why the request is refused (for example, manifestly unfounded or excessive).")
			)
		self.refusal_reason, self.status = reason.strip(), REFUSED
		self.save()
