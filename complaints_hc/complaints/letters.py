"""The letter actually sent: rendered to PDF by the server when a response goes out, and kept.

The PDF is attached to the record (the complaint, the stage 2 investigation, the stage 3 panel) as a private
file, with the print format that produced it and the SHA-256 of its bytes, so the copy on the child's
file and the council's record are one document. Nobody replaces or deletes that file afterwards
(`refuse_changing_sent_letter`, `refuse_deleting_sent_letter`).
"""

import hashlib
from dataclasses import dataclass

import frappe
from frappe import _
from frappe.email.doctype.email_template.email_template import get_email_template
from frappe.utils.pdf import get_pdf

from complaints_hc import email_templates
from complaints_hc.complaints import complainant_links, posting
from complaints_hc.complaints.names import CORPORATE

SENT_LETTER_FIELD = "sent_letter"


@dataclass(frozen=True)
class Letter:
	"""One kind of response letter: its name on the kept file, and the Complaints Settings fields naming
	the council's print format for it, for adults and in a young person's words."""

	file_label: str
	setting: str
	default: str
	young_person_setting: str
	young_person_default: str


STAGE_1_LETTER = Letter("stage 1 complaint response", "outcome_letter_print_format", "Stage 1 Outcome Letter",
	"young_person_letter_print_format", "Stage 1 Outcome Letter (Young Person)")  # fmt: skip
CORPORATE_LETTER = Letter("corporate complaint response", "corporate_letter_print_format", "Corporate Response Letter",
	"corporate_young_person_letter_print_format", "Corporate Response Letter (Young Person)")  # fmt: skip
# The letter of each record that sends one; a corporate complaint's is `CORPORATE_LETTER`.
LETTERS = {
	"Complaint": STAGE_1_LETTER,
	"Stage 2 Investigation": Letter(
		"stage 2 complaint response",
		"stage_2_letter_print_format",
		"Stage 2 Response Letter",
		"stage_2_young_person_letter_print_format",
		"Stage 2 Response Letter (Young Person)",
	),
	"Stage 3 Review Panel": Letter(
		"stage 3 complaint response",
		"stage_3_letter_print_format",
		"Stage 3 Response Letter",
		"stage_3_young_person_letter_print_format",
		"Stage 3 Response Letter (Young Person)",
	),
}


class SentLetterError(frappe.PermissionError):
	pass


def letter_of(doc) -> Letter:
	if doc.doctype == "Complaint" and doc.procedure == CORPORATE:
		return CORPORATE_LETTER
	return LETTERS[doc.doctype]


def letter_print_format(doc) -> str:
	"""The council's chosen letter for the record, in a young person's words when the complaint's
	letters must be age-appropriate (a later stage follows its complaint)."""
	settings = frappe.get_cached_doc("Complaints Settings")
	letter = letter_of(doc)
	young_person = (
		doc.age_appropriate_letters
		if doc.doctype == "Complaint"
		else frappe.db.get_value("Complaint", doc.complaint, "age_appropriate_letters")
	)
	if young_person:
		return settings.get(letter.young_person_setting) or letter.young_person_default
	return settings.get(letter.setting) or letter.default


def keep_sent_letter(doc):
	"""Render the response letter as it now stands, attach it privately and record what it was."""
	print_format = letter_print_format(doc)
	pdf = frappe.get_print(doc.doctype, doc.name, print_format, as_pdf=True)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{doc.name} {letter_of(doc).file_label}.pdf",
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
			"attached_to_field": SENT_LETTER_FIELD,
			"is_private": 1,
			"content": pdf,
		}
	)
	file.flags.keeping_sent_letter = True
	file.insert(ignore_permissions=True)  # the server's own record of the letter, made at the send step
	doc.db_set(
		{
			SENT_LETTER_FIELD: file.file_url,
			"sent_letter_print_format": print_format,
			"sent_letter_sha256": hashlib.sha256(pdf).hexdigest(),
		},
		update_modified=False,
	)
	tell_the_complainant(doc, file, pdf)
	return file


def tell_the_complainant(doc, file=None, pdf: bytes | None = None):
	"""Email the complainant a fresh link to their page, where the letter now is (when we have an
	address); to one who takes their letters by email, the letter itself goes too, as a Communication
	on the record. One who takes letters by post is not emailed the letter: it waits to be posted."""
	complaint = doc if doc.doctype == "Complaint" else frappe.get_doc("Complaint", doc.complaint)
	label = _(letter_of(doc).file_label)
	if file and posting.takes_letters_by_post(complaint):
		posting.mark_for_posting(complaint, doc, file, label)
	if not complainant_links.may_send(complaint, complainant_links.COMPLAINANT):
		return
	by_email = file and pdf and complaint.preferred_contact_method in (None, "", "Email")
	try:
		complainant_links.send(complaint, complainant_links.COMPLAINANT, complainant_links.LETTER_SENT,
			template=email_templates.LETTER_ON_PAGE, letter_label=label,
			attachments=[{"fname": file.file_name, "fcontent": pdf}] if by_email else None, record=doc)  # fmt: skip
	except frappe.OutgoingEmailError:  # the response stands; the team sees why the email did not go
		frappe.log_error(
			title=_("Letter not emailed"), reference_doctype=doc.doctype, reference_name=doc.name
		)


def tell_of_new_extensions(complaint):
	"""Complaint.on_update: each extension just recorded is confirmed to the complainant in writing,
	by email as a Communication on the complaint, or marked for posting to one who takes letters by post."""
	before = complaint.get_doc_before_save()
	known = {row.name for row in (before.extensions if before else [])}
	for extension in complaint.extensions:
		if extension.name not in known:
			tell_of_extension(complaint, extension)


def tell_of_extension(complaint, extension):
	label = _("extension agreed letter")
	if posting.takes_letters_by_post(complaint):
		letter = get_email_template(
			email_templates.EXTENSION_AGREED, {"doc": complaint, "extension": extension, "page_link": ""}
		)
		file = keep_copy(complaint, f"{complaint.name} {label} {extension.idx}.pdf", letter["message"])
		posting.mark_for_posting(complaint, complaint, file, label)
		return
	if not complainant_links.may_send(complaint, complainant_links.COMPLAINANT):
		return
	try:
		complainant_links.send(complaint, complainant_links.COMPLAINANT, complainant_links.LETTER_SENT,
			template=email_templates.EXTENSION_AGREED, record=complaint, extension=extension)  # fmt: skip
	except frappe.OutgoingEmailError:  # the extension stands; the team sees why the email did not go
		frappe.log_error(
			title=_("Extension letter not emailed"),
			reference_doctype="Complaint",
			reference_name=complaint.name,
		)


def keep_copy(record, file_name: str, html: str):
	"""A letter the app wrote from one of the team's templates, kept privately on the record as a PDF."""
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"attached_to_doctype": record.doctype,
			"attached_to_name": record.name,
			"is_private": 1,
			"content": get_pdf(html),
		}
	)
	file.insert(ignore_permissions=True)  # the server's copy of the letter it issued
	return file


def is_sent_letter(file) -> bool:
	return file.attached_to_doctype in LETTERS and file.attached_to_field == SENT_LETTER_FIELD


def refuse_changing_sent_letter(file, method=None):
	"""File.before_validate (before Frappe's own checks): only the send step makes a sent letter, and
	nobody changes one afterwards."""
	if file.flags.keeping_sent_letter:
		return
	before = file.get_doc_before_save()
	if is_sent_letter(file) or (before and is_sent_letter(before)):
		refuse()


def refuse_deleting_sent_letter(file, method=None):
	"""File.on_trash: deleting the File, or the complaint it hangs on, is refused."""
	if is_sent_letter(file):
		refuse()


def refuse():
	frappe.throw(
		_("This is the outcome letter as it was sent: it cannot be replaced or deleted."),
		SentLetterError,
		title=_("Letter sent"),
	)
