"""Links that open one complaint's page for the person who complained, or their advocate, with no account.

A link reads `/my-complaint?key=<link name>.<secret>`. The secret is 32 random bytes; only its SHA-256
is kept, on a Complainant Link record with the complaint, the address the link went to and when it
stops working. A link opens nothing once it has expired, once the person asked for a new one (or the
team sent one again: either ends the earlier links; the links in the app's own emails, such as the
acknowledgement and each letter's, live side by side until they expire), once the address it went to
is no longer the one on the complaint, or when any character of it is changed.
"""

import hashlib
import hmac
import secrets

import frappe
from frappe import _
from frappe.email.doctype.email_template.email_template import get_email_template
from frappe.utils import add_to_date, get_datetime, get_url, now_datetime

from complaints_hc import email_templates

PAGE_ROUTE = "/my-complaint"
COMPLAINANT, ADVOCATE = "Complainant", "Advocate"
DEFAULT_DAYS = 28

# Why a link was sent (Complainant Link.issued_because).
ACKNOWLEDGEMENT = "Acknowledgement"
SENT_BY_TEAM = "Sent by the complaints team"
ASKED_FOR = "Asked for on the public page"
EXTENSION_PROPOSED = "Extension proposed"
LETTER_SENT = "Letter sent"
# A link sent for these reasons ends the person's earlier links: it is a renewal.
RENEWALS = (SENT_BY_TEAM, ASKED_FOR)


def address_of(complaint, recipient: str) -> str | None:
	"""Where this complaint's links for the complainant, or for their advocate, go."""
	email = complaint.advocate_email if recipient == ADVOCATE else complaint.complainant_email
	return (email or "").strip().lower() or None


def issue(complaint, recipient: str, because: str) -> str:
	"""A new link for the complainant (or advocate) of this complaint; a renewal ends the earlier ones.

	Returns the whole address to send. The caller sends it: the secret is never stored."""
	email = address_of(complaint, recipient)
	if not email:
		frappe.throw(
			_("The complaint has no email address for the {0}: a link cannot be sent.").format(
				_(recipient).lower()
			),
			title=_("No email address"),
		)
	now = now_datetime()
	if because in RENEWALS:
		revoke(complaint.name, recipient, _("A new link was sent: {0}").format(_(because).lower()))
	secret = secrets.token_urlsafe(32)
	days = frappe.db.get_single_value("Complaints Settings", "complainant_link_days") or DEFAULT_DAYS
	link = frappe.get_doc(
		{
			"doctype": "Complainant Link",
			"complaint": complaint.name,
			"recipient": recipient,
			"email": email,
			"issued_because": because,
			"issued_by": frappe.session.user,
			"issued_at": now,
			"expires_at": add_to_date(now, days=days),
			"token_hash": digest(secret),
		}
	)
	link.insert(ignore_permissions=True)  # the server's own record of a link it is about to send
	return get_url(f"{PAGE_ROUTE}?key={link.name}.{secret}")


def revoke(complaint: str, recipient: str, because: str):
	live = frappe.get_all(
		"Complainant Link",
		filters={"complaint": complaint, "recipient": recipient, "revoked_at": ["is", "not set"]},
		pluck="name",
	)
	for name in live:
		frappe.db.set_value(
			"Complainant Link", name, {"revoked_at": now_datetime(), "revoked_because": because}
		)


def digest(secret: str) -> str:
	return hashlib.sha256(secret.encode()).hexdigest()


def open_link(key: str | None):
	"""The live Complainant Link this key belongs to, or None (for every way a key can be wrong)."""
	name, _dot, secret = (key or "").partition(".")
	if not (name and secret) or len(key) > 200 or not name.isalnum():
		return None
	link = frappe.db.get_value(
		"Complainant Link",
		name,
		["name", "complaint", "recipient", "email", "token_hash", "expires_at", "revoked_at"],
		as_dict=True,
	)
	if not link or not hmac.compare_digest(link.token_hash or "", digest(secret)):
		return None
	if link.revoked_at or get_datetime(link.expires_at) <= now_datetime():
		return None
	complaint = frappe.get_doc("Complaint", link.complaint)
	if address_of(complaint, link.recipient) != link.email:
		return None  # the address changed since: the link followed the old one
	frappe.db.set_value("Complainant Link", link.name, "last_used_at", now_datetime(), update_modified=False)
	link.complaint_doc = complaint
	return link


def send(complaint, recipient: str, because: str, template: str = email_templates.COMPLAINT_PAGE_LINK,
	attachments: list[dict] | None = None, record=None, **context) -> str:  # fmt: skip
	"""Issue a link and email it with one of the team's Email Templates; returns the link's address.

	A letter (with its PDF attached, or given a `record`) goes as a Communication on the record (the
	complaint or its later stage), sent from the team's outgoing account, so that it sits on the
	record's timeline. The copy on the timeline leaves the link out: only the complainant holds it."""
	url = issue(complaint, recipient, because)
	email = get_email_template(
		template, {"doc": complaint, "page_link": url, "recipient": recipient, **context}
	)
	address = address_of(complaint, recipient)
	if attachments or record is not None:
		from frappe.core.doctype.communication.email import _make

		record = record or complaint
		sent = _make(doctype=record.doctype, name=record.name, subject=email["subject"], content=email["message"],
			recipients=[address], sender=frappe.db.get_value("Email Account", {"default_outgoing": 1}, "email_id"),
			attachments=attachments, send_email=True, add_signature=False)  # fmt: skip
		kept = frappe.db.get_value("Communication", sent["name"], "content") or ""
		frappe.db.set_value("Communication", sent["name"], "content",
			kept.replace(url, _("(the complainant's own page link)")), update_modified=False)  # fmt: skip
		return url
	frappe.sendmail(
		recipients=[address],
		subject=email["subject"],
		message=email["message"],
		reference_doctype="Complaint",
		reference_name=complaint.name,
		add_unsubscribe_link=False,
		now=False,
	)
	return url


def renew(reference: str, email: str) -> None:
	"""A new link to whoever's address matches this reference; nothing happens otherwise.

	The caller answers the same whatever happened here, so nobody learns which complaints exist."""
	reference, email = (reference or "").strip().upper(), (email or "").strip().lower()
	if not reference or not email or not frappe.db.exists("Complaint", reference):
		return
	complaint = frappe.get_doc("Complaint", reference)
	for recipient in (COMPLAINANT, ADVOCATE):
		if address_of(complaint, recipient) == email:
			send(complaint, recipient, ASKED_FOR)
			return


def may_send(complaint, recipient: str) -> bool:
	return bool(address_of(complaint, recipient))
