"""The letter actually sent: rendered to PDF by the server when a response goes out, and kept.

The PDF is attached to the record (the complaint at stage 1, the stage 2 investigation) as a private
file, with the print format that produced it and the SHA-256 of its bytes, so the copy on the child's
file and the council's record are one document. Nobody replaces or deletes that file afterwards
(`refuse_changing_sent_letter`, `refuse_deleting_sent_letter`).
"""

import hashlib

import frappe
from frappe import _

SENT_LETTER_FIELD = "sent_letter"
# DocType -> (the letter's name on the file, the Complaints Settings field naming its print format).
LETTERS = {
	"Complaint": ("stage 1 complaint response", "outcome_letter_print_format"),
	"Stage 2 Investigation": ("stage 2 complaint response", "stage_2_letter_print_format"),
	"Stage 3 Review Panel": ("stage 3 complaint response", "stage_3_letter_print_format"),
}
DEFAULT_PRINT_FORMATS = {
	"Complaint": "Stage 1 Outcome Letter",
	"Stage 2 Investigation": "Stage 2 Response Letter",
	"Stage 3 Review Panel": "Stage 3 Response Letter",
}


class SentLetterError(frappe.PermissionError):
	pass


def letter_print_format(doc) -> str:
	"""The young person's version when a complaint's letters must be age-appropriate; the council's
	chosen letter otherwise."""
	settings = frappe.get_cached_doc("Complaints Settings")
	if doc.doctype == "Complaint" and doc.age_appropriate_letters:
		return settings.young_person_letter_print_format or "Stage 1 Outcome Letter (Young Person)"
	return settings.get(LETTERS[doc.doctype][1]) or DEFAULT_PRINT_FORMATS[doc.doctype]


def keep_sent_letter(doc):
	"""Render the response letter as it now stands, attach it privately and record what it was."""
	print_format = letter_print_format(doc)
	pdf = frappe.get_print(doc.doctype, doc.name, print_format, as_pdf=True)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{doc.name} {LETTERS[doc.doctype][0]}.pdf",
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
