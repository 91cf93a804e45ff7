"""Complaints by email, against the real servers scripts/test starts: messages put into the IMAP mailbox
(Dovecot) and pulled by Frappe; what the site sends delivered to the SMTP server (aiosmtpd) and read
back. Letters go out the same way."""

import datetime
import email.utils
import re
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import frappe
import pytest
from frappe.utils import add_days, getdate, today
from helpers import (
	answered_at_stage_1,
	answered_at_stage_2,
	apply_action,
	as_user,
	deliver_queued,
	edit,
	email_message,
	empty_mailbox,
	ensure_mailbox_account,
	make_category,
	make_complaint,
	make_compliment,
	on,
	pdf_text,
	private_file,
	pull_mailbox,
	put_in_mailbox,
	refused,
	sent_to,
	under_investigation,
	walk_to_quality_assurance,
)

from complaints_hc.complaints import complainant_links


@pytest.fixture(scope="module")
def mailbox(site):
	frappe.set_user("Administrator")
	return ensure_mailbox_account()


def unique_sender(label: str) -> str:
	return f"{label}.{frappe.generate_hash(length=8)}@family.example.org"


def complaints_from(sender) -> list[dict]:
	return frappe.get_all("Complaint", {"complainant_email": sender},
		["name", "received_via", "received_on", "status", "complainant_name", "complaint_details", "email_subject",
			"relationship_to_child"])  # fmt: skip


def delivered_copy_of(communication: str, address: str):
	"""The message the SMTP server received for this Communication (by its Message-ID: tests that roll
	back reuse complaint names, so a subject alone could match another test's email)."""
	message_id = frappe.db.get_value("Communication", communication, "message_id")
	[delivered] = [m for m in sent_to(address) if message_id in (m["Message-ID"] or "")]
	return delivered


def received_on(complaint) -> list[dict]:
	return frappe.get_all("Communication", {"reference_doctype": "Complaint", "reference_name": complaint,
		"sent_or_received": "Received"}, ["name", "subject", "content"], order_by="creation asc")  # fmt: skip


def test_an_emailed_complaint_is_logged_on_the_day_it_arrived_and_acknowledged(mailbox):
	sender = unique_sender("dawn")
	# Sent yesterday evening (London), pulled today: Day 0 is the day it arrived.
	yesterday = getdate(add_days(today(), -1))
	arrived = datetime.datetime(
		yesterday.year, yesterday.month, yesterday.day, 18, 30, tzinfo=datetime.timezone.utc
	)
	mail = email_message(sender, "Tyler's contact arrangements", "Nobody returned my calls about Tyler for three weeks.",
		when=arrived)  # fmt: skip
	mail.add_attachment(
		b"%PDF-1.4 contact plan", maintype="application", subtype="pdf", filename="contact plan.pdf"
	)
	put_in_mailbox(mail)
	pull_mailbox()

	[complaint] = complaints_from(sender)
	assert (complaint.received_via, str(complaint.received_on), complaint.status) == (
		"Email",
		str(yesterday),
		"Received",
	)
	assert (complaint.complainant_name, complaint.email_subject) == (
		"Dawn Whitcombe",
		"Tyler's contact arrangements",
	)
	assert complaint.complaint_details.startswith("Nobody returned my calls about Tyler")
	assert not complaint.relationship_to_child  # the team asks and records it
	[first] = received_on(complaint.name)
	files = frappe.get_all("File", {"attached_to_doctype": "Communication", "attached_to_name": first.name},
		["file_name", "is_private"])  # fmt: skip
	assert [(f.file_name, f.is_private) for f in files] == [("contact plan.pdf", 1)]

	# The acknowledgement; and when Day 1 is today (the day after a working day, or a Monday after a
	# weekend), the alert to allocate it today as well.
	allocation_due_today = str(frappe.db.get_value("Complaint", complaint.name, "allocation_due")) == today()
	assert (
		deliver_queued(reference_doctype="Complaint", reference_name=complaint.name)
		== 1 + allocation_due_today
	)
	[acknowledgement] = sent_to(sender)
	assert complaint.name in acknowledgement["Subject"]
	assert complaint.name in acknowledgement.get_body(preferencelist=("html", "plain")).get_content()


def test_replies_join_their_complaint(mailbox):
	sender = unique_sender("reply")
	put_in_mailbox(email_message(sender, "Missed visits", "The children missed two visits."))
	pull_mailbox()
	[complaint] = complaints_from(sender)
	deliver_queued(reference_doctype="Complaint", reference_name=complaint.name)
	acknowledgement = frappe.get_all("Email Queue", {"reference_name": complaint.name}, ["message_id"])[0]

	put_in_mailbox(
		email_message(sender, f"Re: We have received your complaint ({complaint.name})", "Here is more.")
	)
	put_in_mailbox(email_message(unique_sender("partner"), "More about it", "I am her partner; the visits matter.",
		In_Reply_To=f"<{acknowledgement.message_id}>"))  # fmt: skip
	put_in_mailbox(
		email_message(sender, f"Question about {complaint.name}", "Quoting the reference is enough.")
	)
	pull_mailbox()

	assert len(complaints_from(sender)) == 1
	assert [c.content.strip()[:20] for c in received_on(complaint.name)][1:] == [
		"Here is more.", "I am her partner; th", "Quoting the referenc"]  # fmt: skip


def test_the_same_sender_and_subject_join_within_60_days_and_not_after(mailbox):
	recent, older = unique_sender("thread.recent"), unique_sender("thread.older")
	for sender in (recent, older):
		put_in_mailbox(email_message(sender, "School transport stopped", "The taxi stopped coming."))
	pull_mailbox()
	[recent_complaint], [older_complaint] = complaints_from(recent), complaints_from(older)
	frappe.db.set_value(
		"Complaint", older_complaint.name, "creation", add_days(today(), -61), update_modified=False
	)
	for sender in (recent, older):
		put_in_mailbox(email_message(sender, "Re: School transport stopped", "Still no taxi this week."))
	pull_mailbox()
	assert [c.name for c in complaints_from(recent)] == [recent_complaint.name]
	assert "Still no taxi" in received_on(recent_complaint.name)[-1].content
	assert len(complaints_from(older)) == 2  # past 60 days the same subject starts a new complaint
	assert len(received_on(older_complaint.name)) == 1


def test_automatic_mail_makes_no_complaint(mailbox):
	out_of_office = unique_sender("away")
	auto_reply = unique_sender("auto")
	put_in_mailbox(email_message(out_of_office, "Out of Office: back on Monday", "I am away until Monday."))
	put_in_mailbox(
		email_message(
			auto_reply, "Thanks for your email", "This is an automatic reply.", Auto_Submitted="auto-replied"
		)
	)
	bounce = MIMEMultipart("report", report_type="delivery-status")
	bounce["From"] = "Mail Delivery System <mailer-daemon@mail.example.org>"
	bounce["To"], bounce["Subject"] = "complaints-mailbox@test.example.org", "Undelivered: your message"
	bounce["Date"], bounce["Message-ID"] = (
		email.utils.formatdate(),
		email.utils.make_msgid(domain="mail.example.org"),
	)
	bounce.attach(MIMEText("Delivery to the recipient failed."))
	put_in_mailbox(bounce)
	pull_mailbox()

	for sender in (out_of_office, auto_reply, "mailer-daemon@mail.example.org"):
		assert complaints_from(sender) == []
		assert frappe.db.exists("Communication", {"sender": sender, "reference_doctype": ("is", "not set")})


def test_a_script_stays_inert_and_an_oversized_attachment_is_noted(mailbox):
	sender = unique_sender("script")
	mail = email_message(
		sender,
		"Please read",
		None,
		html="<p>My complaint</p><script>alert('x')</script><img src=x onerror=alert(1)>",
	)
	mail.add_attachment(b"x" * 200_000, maintype="application", subtype="octet-stream", filename="huge.bin")
	limit = frappe.local.conf.get("max_file_size")
	frappe.local.conf.max_file_size = 100_000
	try:
		put_in_mailbox(mail)
		pull_mailbox()
	finally:
		frappe.local.conf.max_file_size = limit
	[complaint] = complaints_from(sender)
	assert "<script" not in complaint.complaint_details and "My complaint" in complaint.complaint_details
	[first] = received_on(complaint.name)
	assert "<script" not in first.content and "onerror" not in first.content
	note = frappe.get_all(
		"Comment", {"reference_name": complaint.name, "comment_type": "Info"}, pluck="content"
	)
	assert any("huge.bin" in n and "too large" in n for n in note)


def test_a_mailbox_that_cannot_be_reached_is_reported(mailbox):
	account = frappe.get_doc("Email Account", mailbox)
	account.incoming_port = 9  # nothing listens there
	account.get_inbound_mails()  # Frappe logs the failure and returns no mail
	assert frappe.db.exists(
		"Error Log", {"method": ("like", f"%Error while connecting to email account {mailbox}%")}
	)


def test_the_outcome_letter_goes_by_email_as_a_communication_with_its_pdf(cast):
	complaint = answered_at_stage_1(cast)
	[sent] = frappe.get_all("Communication", {"reference_doctype": "Complaint", "reference_name": complaint.name,
		"sent_or_received": "Sent", "has_attachment": 1}, ["name", "recipients"])  # fmt: skip
	assert sent.recipients == complaint.complainant_email
	assert deliver_queued(communication=sent.name) == 1
	delivered = delivered_copy_of(sent.name, complaint.complainant_email)
	[letter] = [part for part in delivered.iter_attachments() if part.get_filename().endswith(".pdf")]
	assert complaint.name in pdf_text(letter.get_content())
	body = delivered.get_body(preferencelist=("html",)).get_content()
	[key] = set(re.findall(r"/my-complaint\?key=([^\"&<\s]+)", body))
	with on("2026-03-30"):  # the day it was sent (a link lasts 28 days): the link opens their page
		assert complainant_links.open_link(key).complaint == complaint.name


def test_a_later_stages_letter_goes_by_email_on_that_stage(cast):
	complaint = answered_at_stage_2(cast)
	stage_2 = frappe.get_doc("Stage 2 Investigation", {"complaint": complaint.name})
	[sent] = frappe.get_all("Communication", {"reference_doctype": "Stage 2 Investigation",
		"reference_name": stage_2.name, "sent_or_received": "Sent", "has_attachment": 1}, ["name", "recipients"])  # fmt: skip
	assert sent.recipients == complaint.complainant_email
	assert deliver_queued(communication=sent.name) == 1
	delivered = delivered_copy_of(sent.name, complaint.complainant_email)
	[letter] = [part for part in delivered.iter_attachments() if part.get_filename().endswith(".pdf")]
	assert "stage 2" in letter.get_filename() and "Upheld; we apologise." in pdf_text(letter.get_content())
	body = delivered.get_body(preferencelist=("html",)).get_content()
	[key] = set(re.findall(r"/my-complaint\?key=([^\"&<\s]+)", body))
	with on("2026-12-04"):  # the day it was sent
		assert complainant_links.open_link(key).complaint == complaint.name


def test_a_letter_for_post_waits_in_the_post_tray_until_the_team_records_the_posting(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	frappe.db.set_value("Complaint", complaint.name, {"preferred_contact_method": "Letter",
		"complainant_address": "14 Mill Lane\nHaleford\nHF2 7QT"})  # as said at intake  # fmt: skip
	with on("2026-03-30"):
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		complaint = apply_action(complaint, "Send Response", cast.officer)
	assert not frappe.db.exists("Communication", {"reference_name": complaint.name, "has_attachment": 1})
	with as_user(cast.officer):
		[tray] = frappe.get_list("Letter to Post", {"complaint": complaint.name},
			["name", "status", "letter", "addressee", "address", "issued_on", "record_doctype"])  # fmt: skip
	assert (tray.status, tray.letter, tray.record_doctype) == ("To Post", complaint.sent_letter, "Complaint")
	assert (tray.addressee, tray.address, str(tray.issued_on)) == (
		"Joanne Pritchard", "14 Mill Lane\nHaleford\nHF2 7QT", "2026-03-30")  # fmt: skip
	# The team may not change the letter or its address, nor post it before it was issued or in the future.
	with as_user(cast.officer), refused("the posting can be recorded"):
		letter = frappe.get_doc("Letter to Post", tray.name)
		letter.address = "Somewhere else"
		letter.save()
	with on("2026-03-31"):
		for day, why in (("2026-03-27", "cannot have been posted before"), ("2026-04-01", "still to come")):
			with as_user(cast.officer), refused(why):
				letter = frappe.get_doc("Letter to Post", tray.name)
				letter.posted_on = day
				letter.save()
		with as_user(cast.officer):
			letter = frappe.get_doc("Letter to Post", tray.name)
			letter.update({"posted_on": "2026-03-31", "posting_note": "First class, signed for"})
			letter.save()
	posted = frappe.get_doc("Letter to Post", tray.name)
	assert (posted.status, str(posted.posted_on), posted.posted_by) == ("Posted", "2026-03-31", cast.officer)
	with as_user(cast.manager), refused("posting of this letter is recorded"):
		posted.posting_note = "Second class"
		posted.save()
	# Nobody makes one by hand, and the staff member the complaint names never sees it.
	with as_user(cast.officer), refused("made when a letter is issued"):
		frappe.get_doc({"doctype": "Letter to Post", "complaint": complaint.name, "letter": complaint.sent_letter,
			"record_doctype": "Complaint", "record_name": complaint.name}).insert(ignore_permissions=True)  # fmt: skip
	frappe.get_doc("User", cast.subject).add_roles("Complaints Officer")
	try:
		with as_user(cast.subject):
			assert not frappe.get_list("Letter to Post", {"complaint": complaint.name})
			assert not frappe.has_permission("Letter to Post", doc=posted, user=cast.subject)
	finally:
		frappe.get_doc("User", cast.subject).remove_roles("Complaints Officer")


def test_an_agreed_extension_is_confirmed_in_writing_by_email_or_by_post(cast):
	by_email, by_post = under_investigation(cast), under_investigation(cast)
	frappe.db.set_value("Complaint", by_post.name, "preferred_contact_method", "Letter")
	address = by_email.complainant_email
	for complaint in (by_email, by_post):
		with on("2026-03-31"):
			agreement = private_file(complaint, cast.officer)
			edit(complaint, cast.officer, extensions=[{"requested_on": "2026-03-30", "new_due_date": "2026-04-14",
				"rationale": "The child's school records are still to come", "complainant_agreed_on": "2026-03-31",
				"agreement_attachment": agreement}])  # fmt: skip
	[sent] = frappe.get_all("Communication", {"reference_doctype": "Complaint", "reference_name": by_email.name,
		"sent_or_received": "Sent", "subject": ("like", "%our response will come by%")}, ["name", "content"])  # fmt: skip
	assert "/my-complaint" not in sent.content  # the link is the complainant's alone, not the timeline's
	assert deliver_queued(communication=sent.name) == 1
	delivered = delivered_copy_of(sent.name, address)
	body = delivered.get_body(preferencelist=("html",)).get_content()
	assert frappe.format(getdate("2026-04-14"), "Date") in body
	assert "school records" in body and "/my-complaint" in body
	assert not frappe.db.exists(
		"Communication", {"reference_name": by_post.name, "subject": ("like", "%response will come%")}
	)
	[tray] = frappe.get_all(
		"Letter to Post", {"complaint": by_post.name}, ["letter", "letter_label", "status"]
	)
	assert (tray.letter_label, tray.status) == ("extension agreed letter", "To Post")
	letter = frappe.get_doc("File", {"file_url": tray.letter, "attached_to_name": by_post.name})
	assert letter.is_private and "school records" in pdf_text(letter.get_content())


def distribution_list(cast, size: int) -> list[str]:
	"""An Email Group of `size` staff addresses, chosen by the Complaints Manager as the bulletin's list."""
	members = [f"staff.{n}.{frappe.generate_hash(length=6)}@council.example.org" for n in range(size)]
	group = frappe.get_doc(
		{"doctype": "Email Group", "title": f"All staff {frappe.generate_hash(length=5)}"}
	).insert()
	for address in members:
		frappe.get_doc(
			{"doctype": "Email Group Member", "email_group": group.name, "email": address}
		).insert()
	with as_user(cast.manager):
		settings = frappe.get_doc("Complaints Settings")
		settings.bulletin_distribution_list = group.name
		settings.save()
	return members


def test_publishing_the_bulletin_circulates_it_to_the_distribution_list(cast):
	members = distribution_list(cast, 2)
	with on("2018-05-10"):
		kept = make_compliment(cast.officer, cast.social_worker, received_on="2018-05-10", consent_to_quote=1,
			words="Kind and clear, every time.")  # fmt: skip
		make_compliment(cast.officer, cast.social_worker, received_on="2018-05-10", consent_to_quote=0,
			words="Not for quoting, please.")  # fmt: skip
	with as_user(cast.qa_officer):  # drafted from the quarter: only the consented quote is drawn in
		bulletin = frappe.get_doc({"doctype": "Learning Bulletin", "quarter": "2018-19 Q1"}).insert()
		assert [q.words for q in bulletin.quotes] == [kept.words]
		bulletin.good_practice = "<ul><li>Plans written with children.</li></ul>"
		bulletin.status = "Published"
		bulletin.save()
	assert deliver_queued(reference_doctype="Learning Bulletin", reference_name=bulletin.name) == 1
	for n, address in enumerate(members):
		[copy] = sent_to(address)
		assert copy["Subject"] == bulletin.title and members[1 - n] not in copy["To"]
		body = copy.get_body(preferencelist=("html",)).get_content()
		[pdf] = [part for part in copy.iter_attachments() if part.get_filename().endswith(".pdf")]
		for text in (body, pdf_text(pdf.get_content())):
			assert "Plans written with children." in text and kept.words in text
			assert "Not for quoting" not in text


def test_a_quote_withdrawn_after_the_draft_is_in_no_circulated_copy(cast):
	[member] = distribution_list(cast, 1)
	with on("2018-08-10"):
		kept = make_compliment(cast.officer, cast.social_worker, received_on="2018-08-10", consent_to_quote=1,
			words="She listened to our son first.")  # fmt: skip
		withdrawn = make_compliment(cast.officer, cast.social_worker, received_on="2018-08-10",
			consent_to_quote=1, words="The best support we have had.")  # fmt: skip
	with as_user(cast.qa_officer):
		bulletin = frappe.get_doc({"doctype": "Learning Bulletin", "quarter": "2018-19 Q2"}).insert()
	assert {q.words for q in bulletin.quotes} == {kept.words, withdrawn.words}
	edit(withdrawn, cast.officer, consent_to_quote=0)  # the family changed their mind before publishing
	with as_user(cast.qa_officer):
		bulletin = frappe.get_doc("Learning Bulletin", bulletin.name)
		bulletin.status = "Published"
		with refused(re.escape(f"the giver of {withdrawn.name} did not agree to being quoted")):
			bulletin.save()
		bulletin = frappe.get_doc("Learning Bulletin", bulletin.name)
		bulletin.quotes = [q for q in bulletin.quotes if q.compliment != withdrawn.name]
		bulletin.status = "Published"
		bulletin.save()
	assert deliver_queued(reference_doctype="Learning Bulletin", reference_name=bulletin.name) == 1
	[copy] = sent_to(member)
	[pdf] = [part for part in copy.iter_attachments() if part.get_filename().endswith(".pdf")]
	for text in (copy.get_body(preferencelist=("html",)).get_content(), pdf_text(pdf.get_content())):
		assert kept.words in text and withdrawn.words not in text


# Last of the pulls: Frappe leaves mail it could not handle unread, so every later pull tries it again.
def test_mail_that_cannot_be_a_complaint_is_reported_and_makes_nothing(mailbox):
	no_body = unique_sender("empty")
	put_in_mailbox(email_message(None, "No sender address", "Who sent this?"))
	put_in_mailbox(email_message(no_body, "Nothing inside", None))
	with pytest.raises(Exception, match="MailboxError"):
		pull_mailbox()
	assert complaints_from(no_body) == []
	assert not frappe.db.exists("Complaint", {"email_subject": "No sender address"})
	logged = " ".join(frappe.get_all("Error Log", {"method": "EmailAccount.receive"}, pluck="error",
		order_by="creation desc", limit=4))  # fmt: skip
	assert "has no sender address we can reply to" in logged and "has no text and no attachment" in logged
	assert frappe.db.exists("Unhandled Email", {"email_account": mailbox})
	empty_mailbox()  # Frappe leaves them unread, to try again at every pull: the team deals with them
