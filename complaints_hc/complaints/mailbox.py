"""Complaints by email: the council's complaints mailbox is an IMAP Email Account whose folder appends
to Complaint (set up in the desk). Frappe pulls the mail and threads replies; this module decides what
a new email becomes.

- A new email becomes a complaint in its first state, received on the day the email arrived, the
  sender as the complainant, the email its first Communication and its attachments private; the team
  completes who the child is and the rest. The acknowledgement goes back from the team's template.
- A reply joins its complaint: by its In-Reply-To (Frappe), or by a complaint reference anywhere in
  its subject, or by the same sender and subject within 60 days (Frappe).
- Automatic mail (auto-replies, out-of-office notices, bounces) makes nothing: it stays in the mailbox
  as an unlinked Communication.
- Mail that cannot be a complaint (no sender address, nothing readable in it) raises `MailboxError`:
  Frappe rolls the whole message back, records it in the Error Log and keeps it as an Unhandled Email.
"""

import re

import frappe
from frappe import _
from frappe.core.utils import html2text
from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.email.receive import InboundMail
from frappe.utils import getdate, validate_email_address

from complaints_hc.complaints import intake
from complaints_hc.complaints.names import STATUTORY

COMPLAINT = "Complaint"
REFERENCE = re.compile(r"\b[A-Z]{2,6}-\d{4}-\d{3,6}\b", re.IGNORECASE)
AUTOMATIC_SUBJECTS = ("out of office", "automatic reply", "auto reply", "autoreply", "auto:", "away from",
	"undeliverable", "undelivered mail", "delivery status notification", "mail delivery failed",
	"returned mail", "delivery failure")  # fmt: skip
BOUNCE_SENDERS = ("mailer-daemon", "postmaster")
DETAILS_LIMIT = intake.LIMITS["complaint_details"]


class MailboxError(frappe.ValidationError):
	pass


def automatic(message, sender: str | None, subject: str | None) -> str | None:
	"""Why this email was written by a machine rather than a person (None when it was not)."""
	if (message.get("Auto-Submitted") or "no").strip().lower() != "no":
		return "Auto-Submitted"
	if message.get("X-Autoreply") or message.get("X-Autorespond"):
		return "auto-reply header"
	if (message.get("Precedence") or "").strip().lower() in ("bulk", "junk", "auto_reply"):
		return "Precedence"
	if message.get_content_type() == "multipart/report":
		return "delivery report"
	if (sender or "").split("@")[0].lower() in BOUNCE_SENDERS:
		return "bounce"
	if (subject or "").strip().lower().startswith(AUTOMATIC_SUBJECTS):
		return "automatic subject"
	return None


def readable_text(mail) -> str:
	text = mail.text_content or (html2text(mail.html_content) if mail.html_content else "")
	return re.sub(r"\n{3,}", "\n\n", text).strip()


def complaint_from_email(mail) -> str | None:
	"""A new complaint from this email, or None when the email is automatic."""
	if automatic(mail.mail, mail.from_email, mail.subject):
		return None
	if not mail.from_email or not validate_email_address(mail.from_email):
		raise MailboxError(_("An email to the complaints mailbox has no sender address we can reply to "
			"(subject: {0}); it was not made into a complaint.").format(mail.subject))  # fmt: skip
	text = readable_text(mail)
	if not text and not mail.attachments:
		raise MailboxError(_("The email from {0} (subject: {1}) has no text and no attachment to read; it "
			"was not made into a complaint. Contact the sender.").format(mail.from_email, mail.subject))  # fmt: skip
	complaint = frappe.get_doc({
		"doctype": COMPLAINT,
		"received_via": "Email",
		"received_on": getdate(mail.date),
		"procedure": STATUTORY,
		"complainant_email": mail.from_email,
		"complainant_name": (mail.from_real_name or "").strip()[:140] or mail.from_email.split("@")[0],
		"preferred_contact_method": "Email",
		"complaint_details": text[:DETAILS_LIMIT] or _("(See the attached documents.)"),
	})  # fmt: skip
	complaint.flags.ignore_mandatory = (
		True  # who the complainant is to the child: the team asks and records it
	)
	complaint.flags.from_mailbox = True
	complaint.insert(ignore_permissions=True)  # made by the mailbox, for someone outside the council
	complaint.db_set("email_subject", (mail.subject or "")[:140], update_modified=False)  # the server's field
	return complaint.name


class ComplaintsInboundMail(InboundMail):
	"""An email to the complaints mailbox (Frappe's InboundMail, with the decisions above)."""

	def get_reference_name_from_subject(self):
		found = REFERENCE.search(self.subject or "")
		return found.group(0).upper() if found else super().get_reference_name_from_subject()

	def _create_reference_document(self, doctype):
		if doctype != COMPLAINT:
			return super()._create_reference_document(doctype)
		self.flags.new_complaint = complaint_from_email(self)
		return self.flags.new_complaint

	def save_attachments_in_doc(self, doc):
		saved = super().save_attachments_in_doc(doc)
		kept = {file.file_name for file in saved}
		self.flags.left_out = [a["fname"] for a in self.attachments if a["fname"] not in kept]
		return saved

	def _build_communication_doc(self):
		communication = super()._build_communication_doc()
		if communication.reference_doctype == COMPLAINT:
			complaint = frappe.get_doc(COMPLAINT, communication.reference_name)
			if self.flags.left_out:
				complaint.add_comment("Info", _("Attachments too large to keep (over the site's file size limit): "
					"{0}. Ask the sender for them another way.").format(", ".join(self.flags.left_out)))  # fmt: skip
			if self.flags.new_complaint:
				acknowledge(complaint)
		return communication


def acknowledge(complaint):
	try:
		intake.acknowledge(complaint)
	except frappe.OutgoingEmailError:  # the complaint is kept: the team contacts them anyway
		frappe.log_error(title=_("Complaint acknowledgement not sent"), reference_doctype=COMPLAINT,
			reference_name=complaint.name)  # fmt: skip


class ComplaintsEmailAccount(EmailAccount):
	"""Frappe's Email Account; mail for a folder that appends to Complaint is read as above."""

	def get_inbound_mails(self):
		return [
			ComplaintsInboundMail(mail.raw_message, self, mail.uid, mail.seen_status, mail.append_to)
			if COMPLAINT in (mail.append_to, self.append_to)
			else mail
			for mail in super().get_inbound_mails()
		]
