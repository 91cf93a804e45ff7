"""Subject access requests: find every record about the person, and build one export (PDF and JSON) in
which other people's details the team marked are redacted.

Records are found with `frappe.get_list`, as the person preparing may read them, so that a staff
member named in a complaint can never reach it through a request; the export is refused if it would
carry a record the person preparing it may not read.
"""

import io
import json
import re

import frappe
from frappe import _
from frappe.model import default_fields, no_value_fields, table_fields
from frappe.utils import cstr, now_datetime

from complaints_hc.security import roles

MAY_EXPORT = {roles.COMPLAINTS_MANAGER, roles.INFORMATION_GOVERNANCE_OFFICER, "System Manager"}
REDACTED = "[redacted]"
LATER_STAGES = ("Mediation", "Stage 2 Investigation", "Stage 3 Review Panel", "Ombudsman Enquiry")
# How a complaint can be about someone: (field, what they are in it, searched by).
COMPLAINT_MATCHES = (
	("complainant_email", "the complainant", "emails"),
	("complainant_name", "the complainant", "names"),
	("child_name", "the child", "names"),
	("advocate_email", "the advocate", "emails"),
	("advocate_name", "the advocate", "names"),
	("social_worker", "the social worker", "user"),
)
NOT_EXPORTED = {*default_fields, "amended_from", "naming_series", "workflow_state", "sent_letter_sha256"}


def lines(text: str | None) -> list[str]:
	return [line.strip() for line in cstr(text).splitlines() if line.strip()]


def find(request) -> list[dict]:
	"""Every record about the request's subject that the person asking may read, and how it was found."""
	terms = {"names": lines(request.subject_names), "emails": [e.lower() for e in lines(request.subject_emails)],
		"user": [request.subject_user] if request.subject_user else []}  # fmt: skip
	if not any(terms.values()):
		frappe.throw(_("Give at least a name, an email address or a staff member to look for."))
	found: dict[str, str] = {}
	for field, role, kind in COMPLAINT_MATCHES:
		if terms[kind]:
			for name in frappe.get_list("Complaint", filters={field: ("in", terms[kind])}, pluck="name"):
				found.setdefault(name, _("as {0}").format(_(role)))
	if request.subject_user:
		subject_of = frappe.get_list("Complaint", filters=[["Complaint Subject", "user", "=", request.subject_user]],
			pluck="name")  # fmt: skip
		for name in subject_of:
			found.setdefault(name, _("as a staff member complained about"))
	records = [{"reference_doctype": "Complaint", "reference_name": n, "complaint": n, "found_as": why}
		for n, why in sorted(found.items())]  # fmt: skip
	for doctype in LATER_STAGES:
		for row in frappe.get_list(doctype, filters={"complaint": ("in", list(found) or [""])},
			fields=["name", "complaint"], order_by="creation asc"):  # fmt: skip
			records.append({"reference_doctype": doctype, "reference_name": row.name, "complaint": row.complaint,
				"found_as": _("a later stage of {0}").format(row.complaint)})  # fmt: skip
	return records


def redactor(redactions) -> callable:
	"""Replaces every marked piece of text, whatever its case, in any string."""
	texts = sorted({r.text.strip() for r in redactions if (r.text or "").strip()}, key=len, reverse=True)
	if not texts:
		return lambda value: value
	pattern = re.compile("|".join(re.escape(t) for t in texts), re.IGNORECASE)
	return lambda value: pattern.sub(REDACTED, value) if isinstance(value, str) else value


def check_may_export(request, user: str):
	if not set(frappe.get_roles(user)) & MAY_EXPORT:
		frappe.throw(_("Only the Complaints Manager or Information Governance may prepare or release an export."),
			frappe.PermissionError)  # fmt: skip


def export(request) -> dict:
	"""The machine-readable export: each included record's values, rows, emails and letters, redacted."""
	redact = redactor(request.redactions)
	records = []
	for row in request.records:
		if not row.include:
			continue
		doc = frappe.get_doc(row.reference_doctype, row.reference_name)
		if not frappe.has_permission(doc.doctype, "read", doc=doc):
			frappe.throw(_("{0} {1} is not one you may read: take it out of the export or ask a colleague.").format(
				_(doc.doctype), doc.name), frappe.PermissionError)  # fmt: skip
		records.append(redacted(record_values(doc, row.found_as), redact))
	return {
		"request": request.name,
		"prepared_on": str(now_datetime().replace(microsecond=0)),
		"about": redact(
			", ".join(
				lines(request.subject_names)
				+ lines(request.subject_emails)
				+ ([request.subject_user] if request.subject_user else [])
			)
		),
		"records": records,
	}


def redacted(value, redact):
	if isinstance(value, dict):
		return {k: redacted(v, redact) for k, v in value.items()}
	if isinstance(value, list):
		return [redacted(v, redact) for v in value]
	return redact(value)


def values_of(doc) -> dict:
	"""The record's filled-in fields by their labels, dates as text."""
	values = {}
	for df in doc.meta.fields:
		if df.fieldtype in no_value_fields or df.fieldtype in table_fields or df.fieldname in NOT_EXPORTED:
			continue
		value = doc.get(df.fieldname)
		if value in (None, "") or (df.fieldtype == "Check" and not value):
			continue
		values[_(df.label or df.fieldname)] = (
			strip_html(cstr(value)) if df.fieldtype == "Text Editor" else cstr(value)
		)
	return values


def record_values(doc, found_as: str) -> dict:
	tables = {}
	for df in doc.meta.get_table_fields():
		rows = [values_of(row) for row in doc.get(df.fieldname)]
		if rows:
			tables[_(df.label)] = rows
	return {
		"record": f"{_(doc.doctype)} {doc.name}",
		"found_as": found_as,
		"fields": values_of(doc),
		"tables": tables,
		"emails": emails_of(doc),
		"letters": letters_of(doc),
	}


def strip_html(text: str) -> str:
	return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def emails_of(doc) -> list[dict]:
	return [
		{
			"date": cstr(c.communication_date),
			"direction": c.sent_or_received,
			"from": c.sender,
			"to": c.recipients,
			"subject": c.subject,
			"text": strip_html(cstr(c.content)),
		}
		for c in frappe.get_all(
			"Communication",
			filters={
				"reference_doctype": doc.doctype,
				"reference_name": doc.name,
				"communication_type": "Communication",
			},
			fields=["communication_date", "sent_or_received", "sender", "recipients", "subject", "content"],
			order_by="communication_date asc",
		)
	]


def letters_of(doc) -> list[dict]:
	"""The letters kept as sent (PDF), with their text, so that redaction reaches them too."""
	from pypdf import PdfReader

	letters = []
	for file in frappe.get_all("File", filters={"attached_to_doctype": doc.doctype, "attached_to_name": doc.name,
		"file_name": ("like", "%.pdf")}, fields=["name", "file_name"], order_by="creation asc"):  # fmt: skip
		try:
			content = frappe.get_doc("File", file.name).get_content()
			text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages)
		except Exception:  # a damaged or scanned file: the export says so rather than failing
			text = _("The text of this file could not be read; a copy is sent separately.")
		letters.append({"file": file.file_name, "text": " ".join(text.split())})
	return letters


def as_json(data: dict) -> bytes:
	return json.dumps(data, indent=2, ensure_ascii=False).encode()


def as_pdf(data: dict) -> bytes:
	from frappe.utils.pdf import get_pdf

	html = frappe.render_template("complaints_hc/templates/subject_access_export.html", {"export": data})
	return get_pdf(html)
