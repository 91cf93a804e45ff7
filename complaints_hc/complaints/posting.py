"""Letters that go by post: marked for posting when issued, and the posting recorded by the team.

A complainant who asked for letters by post ("Letter" as their preferred contact method) is not sent a
letter by email. When the app issues one (a response letter at the send step, the confirmation of an
extension) it keeps the PDF privately on the record and makes a **Letter to Post** with who it goes
to; the team prints it, posts it and records the day. The list of letters still "To Post" is the
team's post tray.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

BY_POST = "Letter"  # the preferred contact method of someone who takes their letters by post
TO_POST, POSTED = "To Post", "Posted"
# Made by the server when the letter is issued: the team records only the posting.
ISSUED_FIELDS = ("complaint", "letter", "letter_label", "record_doctype", "record_name", "issued_on",
	"addressee", "address")  # fmt: skip


def takes_letters_by_post(complaint) -> bool:
	return complaint.preferred_contact_method == BY_POST


def mark_for_posting(complaint, record, file, letter_label: str) -> str:
	"""The letter in `file` (kept privately on `record`) waits to be posted to the complainant."""
	letter = frappe.get_doc(
		{
			"doctype": "Letter to Post",
			"complaint": complaint.name,
			"record_doctype": record.doctype,
			"record_name": record.name,
			"letter_label": letter_label,
			"letter": file.file_url,
			"issued_on": today(),
			"addressee": complaint.complainant_name,
			"address": complaint.complainant_address,
		}
	)
	letter.flags.issued_by_server = True
	letter.insert(ignore_permissions=True)  # the server's own record, made as the letter is issued
	return letter.name


def check_posting(letter):
	"""Letter to Post.validate: only the server issues one; the team records the posting once."""
	before = letter.get_doc_before_save()
	if not before:
		if not letter.flags.issued_by_server:
			frappe.throw(_("Letters to post are made when a letter is issued, not by hand."))
		letter.status, letter.posted_on, letter.posted_by = TO_POST, None, None
		return
	if before.status == POSTED:
		frappe.throw(_("The posting of this letter is recorded: it cannot be changed."), title=_("Posted"))
	if any(str(letter.get(field) or "") != str(before.get(field) or "") for field in ISSUED_FIELDS):
		frappe.throw(_("Only the posting can be recorded here: the letter and its address are as issued."))
	if not letter.posted_on:
		return
	posted = getdate(letter.posted_on)
	if posted > getdate(today()):
		frappe.throw(_("A letter cannot be recorded as posted on a day still to come."))
	if posted < getdate(letter.issued_on):
		frappe.throw(
			_("This letter was issued on {0}: it cannot have been posted before then.").format(
				frappe.format(getdate(letter.issued_on), "Date")
			)
		)
	letter.status, letter.posted_by = POSTED, frappe.session.user
