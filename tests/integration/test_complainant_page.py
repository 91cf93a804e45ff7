"""The complainant's side: their links, an extension agreed on their page, a next stage asked for there,
information they add, and their feedback, each checked on the stored record as the team would see it."""

import email
import hashlib
import re
from datetime import date as D

import frappe
import pytest
from helpers import (
	answered_at_stage_1,
	apply_action,
	as_user,
	edit,
	make_category,
	make_complaint,
	on,
	pdf_text,
	private_file,
	refused,
	under_investigation,
	walk_to_quality_assurance,
)

from complaints_hc.complaints import complainant_links, complainant_page
from complaints_hc.complaints_hc.report.complainant_feedback import complainant_feedback
from complaints_hc.working_days.site import site_calendar

COMPLAINANT = complainant_links.COMPLAINANT
KEY_IN_MAIL = re.compile(r"/my-complaint\?key=([A-Za-z0-9_.\-]+)")


def queued_to(address: str, reference: str, subject_part: str) -> list[str]:
	"""The messages queued to this address about this record whose subject contains the words."""
	names = frappe.get_all("Email Queue", {"reference_name": reference}, pluck="name")
	found = []
	for name in names:
		queue = frappe.get_doc("Email Queue", name)
		if address in [r.recipient for r in queue.recipients] and subject_part in queue.message:
			found.append(queue.message)
	return found


def key_from(message: str) -> str:
	"""The link's key in a queued message (MIME, its parts quoted-printable)."""
	parts = email.message_from_string(message).walk()
	text = " ".join(p.get_payload(decode=True).decode() for p in parts if p.get_content_type() == "text/html")
	return KEY_IN_MAIL.search(text).group(1)


def link_for(complaint, recipient=COMPLAINANT):
	key = complainant_links.issue(
		frappe.get_doc("Complaint", complaint.name), recipient, complainant_links.SENT_BY_TEAM
	)
	return key.split("key=", 1)[1]


def opened(key):
	link = complainant_links.open_link(key)
	assert link is not None, "the link should open its complaint"
	return link


# -- links ---------------------------------------------------------------------------------------


def test_a_link_opens_its_complaint_until_replaced_expired_altered_or_readdressed(cast):
	with on("2026-04-01"):
		complaint = make_complaint(cast)
		first = link_for(complaint)
		assert opened(first).complaint == complaint.name
		second = link_for(complaint)  # asking again ends the first
		assert complainant_links.open_link(first) is None
		assert opened(second).complaint == complaint.name
		name, secret = second.split(".", 1)
		altered = f"{name}.{secret[:-1]}{'A' if secret[-1] != 'A' else 'B'}"
		assert complainant_links.open_link(altered) is None
		assert complainant_links.open_link(name) is None
		assert complainant_links.open_link(f"{name}x.{secret}") is None
	with on("2026-04-28"):  # 27 days on: still good
		assert opened(second)
	with on("2026-04-30"):  # past the 28 days of Complaints Settings
		assert complainant_links.open_link(second) is None
	with on("2026-04-02"):
		third = link_for(complaint)
		edit(complaint, cast.officer, complainant_email="joanne.new@example.org")
		assert complainant_links.open_link(third) is None  # the link followed the old address


def test_renewal_sends_a_new_link_only_to_the_address_on_the_complaint(cast):
	with on("2026-04-01"):
		complaint = make_complaint(cast, complainant_email="renewal.parent@example.org")
		old = link_for(complaint)
		complainant_links.renew(complaint.name.lower(), "someone.else@example.org")
		complainant_links.renew("CMP-1900-99999", "renewal.parent@example.org")
		assert opened(old)  # nothing happened: wrong address, no such complaint
		assert not queued_to("someone.else@example.org", complaint.name, "Your link")
		complainant_links.renew(complaint.name.lower(), " Renewal.Parent@Example.org ")
		assert complainant_links.open_link(old) is None
		sent = queued_to("renewal.parent@example.org", complaint.name, "Your link")
		assert len(sent) == 1
		assert opened(key_from(sent[0])).complaint == complaint.name


def test_the_advocate_can_be_sent_their_own_link(cast):
	with on("2026-04-01"):
		complaint = make_complaint(
			cast, relationship_to_child="Child or young person", complainant_email="kai@example.org"
		)
		edit(complaint, cast.officer, advocate_offered_on="2026-04-01", advocate_response="Accepted",
			advocate_name="Priya Shah", advocate_email="priya.shah@advocacy.example.org")  # fmt: skip
		advocate = link_for(complaint, complainant_links.ADVOCATE)
		child = link_for(complaint)
		assert opened(advocate).recipient == complainant_links.ADVOCATE  # each has their own link
		page = complainant_page.page_for(opened(child))
		assert page.plain and page.steps[0].state == "We have your complaint"


# -- an extension agreed on the page ----------------------------------------------------------------


def propose(complaint, user, new_due_date, rationale="A key witness is on leave until the 20th."):
	return edit(complaint, user, extension_proposals=[{"proposed_on": frappe.utils.today(),
		"new_due_date": new_due_date, "rationale": rationale}])  # fmt: skip


def test_an_extension_agreed_online_moves_the_due_date_as_one_recorded_by_the_team(cast):
	online = under_investigation(cast)
	by_hand = under_investigation(cast)
	assert online.due_date == by_hand.due_date == D(2026, 4, 8)
	with on("2026-04-07"):
		online = propose(online, cast.officer, "2026-04-22")
		proposal = online.extension_proposals[0]
		assert (proposal.proposed_by, proposal.response) == (cast.officer, None)
		mail = queued_to("joanne.pritchard@example.org", online.name, "more time")
		assert len(mail) == 1
		link = opened(key_from(mail[0]))
		assert complainant_page.page_for(link).proposal["name"] == proposal.name
		complainant_page.answer_extension(link, proposal.name, agreed=True)

		agreement = private_file(by_hand, cast.officer)
		by_hand = edit(by_hand, cast.officer, extensions=[{"requested_on": "2026-04-07", "new_due_date": "2026-04-22",
			"rationale": "A key witness is on leave until the 20th.", "complainant_agreed_on": "2026-04-07",
			"agreement_attachment": agreement}])  # fmt: skip
	online = frappe.get_doc("Complaint", online.name)
	fields = ("due_date", "qa_by", "draft_by", "rag_status", "timescale_met")
	assert [online.get(f) for f in fields] == [by_hand.get(f) for f in fields]
	assert online.due_date == D(2026, 4, 22)
	extension = online.extensions[0]
	assert (extension.agreed_online, extension.agreed_through, extension.complainant_agreed_on) == (
		1,
		link.name,
		D(2026, 4, 7),
	)
	assert extension.agreed_by == "Joanne Pritchard (joanne.pritchard@example.org)"
	record = frappe.get_doc("File", {"file_url": extension.agreement_attachment})
	assert record.is_private and record.attached_to_name == online.name
	words = pdf_text(record.get_content())
	assert (
		"Agreed by Joanne Pritchard" in words and link.name in words and "A key witness is on leave" in words
	)
	answered = online.extension_proposals[0]
	assert (answered.response, answered.responded_through) == ("Agreed", link.name)
	assert queued_to(cast.officer, online.name, "answered the proposed extension")
	with on("2026-04-08"), refused("already been answered"):
		complainant_page.answer_extension(link, proposal.name, agreed=True)


def test_an_extension_agreed_online_is_confirmed_in_writing_like_one_the_team_records(cast):
	"""The "Extension agreed" letter goes as for an extension the team records: by email, once, as a
	Communication on the complaint with the new date and the reason."""
	complaint = under_investigation(cast)
	with on("2026-04-07"):
		complaint = propose(complaint, cast.officer, "2026-04-22")
		link = opened(link_for(complaint))
		complainant_page.answer_extension(link, complaint.extension_proposals[0].name, agreed=True)
	[sent] = frappe.get_all("Communication", {"reference_doctype": "Complaint", "reference_name": complaint.name,
		"sent_or_received": "Sent", "subject": ("like", "%our response will come by%")}, ["subject", "content"])  # fmt: skip
	new_date = frappe.format(frappe.utils.getdate("2026-04-22"), "Date")
	assert new_date in sent.subject and new_date in sent.content
	assert "A key witness is on leave until the 20th." in sent.content


def test_a_declined_extension_changes_no_date_and_the_team_is_told(cast):
	complaint = under_investigation(cast)
	with on("2026-04-07"):
		complaint = propose(complaint, cast.officer, "2026-04-22")
		link = opened(link_for(complaint))
		complainant_page.answer_extension(link, complaint.extension_proposals[0].name, agreed=False)
	complaint = frappe.get_doc("Complaint", complaint.name)
	assert complaint.due_date == D(2026, 4, 8) and not complaint.extensions
	assert complaint.extension_proposals[0].response == "Declined"
	assert queued_to(cast.officer, complaint.name, "answered the proposed extension")


def test_a_proposal_is_refused_when_it_cannot_become_an_extension(cast):
	complaint = under_investigation(cast)
	with on("2026-04-07"):
		with refused("after the current due date"):
			propose(complaint, cast.officer, "2026-04-08")
		with refused("Say why"):
			propose(complaint, cast.officer, "2026-04-22", rationale="  ")
		complaint = propose(complaint, cast.officer, "2026-04-22")
		with refused("Wait for the complainant"):
			propose(complaint, cast.officer, "2026-04-24")
		stored = frappe.get_doc("Complaint", complaint.name)
		stored.extension_proposals[0].new_due_date = "2026-04-29"
		with refused("cannot be changed"), as_user(cast.officer):
			stored.save()
	with on("2026-03-30"):
		corporate = make_complaint(cast, procedure="Corporate", received_on="2026-03-30")
		with refused("needs no agreement"):
			propose(corporate, cast.officer, "2026-05-29")


# -- the next stage asked for online -----------------------------------------------------------------


def test_a_stage_2_request_made_online_starts_the_stage_2_clock(cast):
	complaint = answered_at_stage_1(cast)  # responded Monday 30 March 2026
	with on("2026-04-02"):
		link = opened(link_for(complaint))
		page = complainant_page.page_for(link)
		assert [c["doctype"] for c in page.may_ask] == ["Mediation", "Stage 2 Investigation"]
		assert page.ask_until == site_calendar().add_working_days(D(2026, 3, 30), 20)
		assert [letter["key"] for letter in page.letters] == ["stage-1"]
		name = complainant_page.ask_for_next_stage(
			link, "Stage 2 Investigation", "Nobody explained why the placement ended."
		)
	stage_2 = frappe.get_doc("Stage 2 Investigation", name)
	assert (stage_2.requested_on, stage_2.requested_via, stage_2.status) == (
		D(2026, 4, 2),
		"Portal",
		"Requested",
	)
	assert stage_2.due_on == site_calendar().add_working_days(D(2026, 4, 2), 25)
	assert [p.description for p in stage_2.points] == [p.description for p in complaint.points]
	assert queued_to(cast.officer, complaint.name, "asked for the next stage")
	with on("2026-04-03"):
		page = complainant_page.page_for(opened(link_for(complaint)))
		assert page.may_ask == [] and page.steps[1].state == "Being looked into"
		with refused("cannot be asked for"):
			complainant_page.ask_for_next_stage(
				opened(link_for(complaint)), "Mediation", "Please mediate between us."
			)


def test_a_late_request_is_sent_to_the_team_not_recorded(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-06-01"):  # well past 20 working days after 30 March
		link = opened(link_for(complaint))
		page = complainant_page.page_for(link)
		assert page.may_ask == [] and page.asking_closed
		with refused("contact the complaints team"):
			complainant_page.ask_for_next_stage(
				link, "Stage 2 Investigation", "Still unhappy about the placement."
			)
	assert not frappe.db.exists("Stage 2 Investigation", {"complaint": complaint.name})


def test_a_request_before_any_response_is_refused(cast):
	complaint = under_investigation(cast)
	with on("2026-04-01"):
		link = opened(link_for(complaint))
		with refused("cannot be asked for"):
			complainant_page.ask_for_next_stage(link, "Stage 2 Investigation", "I want an independent look.")


# -- information added online -------------------------------------------------------------------------


def test_a_document_added_online_is_private_on_the_timeline_and_alerts_the_team(cast):
	with on("2026-04-01"):
		complaint = make_complaint(cast)
		link = opened(link_for(complaint))
		complainant_page.add_information(link, "The meeting notes <script>alert(1)</script> were wrong.",
			[("minutes.pdf", b"%PDF-1.4 the minutes " + frappe.generate_hash().encode())])  # fmt: skip
	files = frappe.get_all("File", {"attached_to_doctype": "Complaint", "attached_to_name": complaint.name},
		["file_name", "is_private", "file_url"])  # fmt: skip
	assert [(f.file_name, f.is_private) for f in files] == [("minutes.pdf", 1)]
	assert files[0].file_url.startswith("/private/files/")
	message = frappe.get_all("Communication", {"reference_doctype": "Complaint", "reference_name": complaint.name,
		"sent_or_received": "Received"}, ["content", "sender"])  # fmt: skip
	assert len(message) == 1 and message[0].sender == "joanne.pritchard@example.org"
	assert "<script>" not in message[0].content and "&lt;script&gt;" in message[0].content
	assert "minutes.pdf" in message[0].content
	assert queued_to(cast.officer, complaint.name, "sent more information")
	with on("2026-04-01"):
		assert len(complainant_page.page_for(link).added) == 1


def test_bad_additions_are_explained_and_nothing_is_kept(cast):
	with on("2026-04-01"):
		complaint = make_complaint(cast)
		link = opened(link_for(complaint))
		with refused("Write something"):
			complainant_page.add_information(link, "  ", [])
		with refused("send a PDF"):
			complainant_page.add_information(link, "See attached.", [("run.exe", b"MZ")])
		with refused("larger than 10 MB"):
			complainant_page.add_information(
				link, "See attached.", [("big.pdf", b"x" * (10 * 1024 * 1024 + 1))]
			)
		with refused("at most 5 files"):
			complainant_page.add_information(link, "See attached.", [(f"p{i}.png", b"png") for i in range(6)])
	assert not frappe.get_all(
		"File", {"attached_to_doctype": "Complaint", "attached_to_name": complaint.name}
	)
	assert not frappe.get_all(
		"Communication", {"reference_doctype": "Complaint", "reference_name": complaint.name}
	)


# -- feedback ---------------------------------------------------------------------------------------------


def test_feedback_after_closing_is_kept_once_and_counted_in_the_quarter(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-01"):
		key = link_for(complaint)  # each request opens the link afresh, as the page does
		with refused("once the complaint is closed"):
			complainant_page.give_feedback(opened(key), "Good", "")
		edit(complaint, cast.officer, child_file_copy_on="2026-04-01", child_file_copy_by=cast.qa_officer)
		complaint = apply_action(complaint, "Close", cast.officer)
		assert complaint.status == "Closed"
		assert complainant_page.page_for(opened(key)).feedback_due
		with refused("Choose one"):
			complainant_page.give_feedback(opened(key), "Brilliant", "")
		complainant_page.give_feedback(opened(key), "Good", "Kept informed throughout.")
		assert not complainant_page.page_for(opened(key)).feedback_due
		with refused("already have your feedback"):
			complainant_page.give_feedback(opened(key), "Poor", "")
	with on("2026-04-02"), as_user(cast.manager):
		_columns, rows, _message, _chart, summary = complainant_feedback.execute({"quarter": "2026-27 Q1"})
	counted = {row["rating"]: row["responses"] for row in rows}
	assert counted["Good"] >= 1
	assert {s["label"]: s["value"] for s in summary}["Feedback Given"] == sum(counted.values())


def test_only_the_links_sha256_is_kept(cast):
	complaint = make_complaint(cast)
	url = complainant_links.issue(complaint, complainant_links.COMPLAINANT, complainant_links.SENT_BY_TEAM)
	name, secret = url.split("key=", 1)[1].split(".", 1)
	link = frappe.get_doc("Complainant Link", name)
	assert link.token_hash == hashlib.sha256(secret.encode()).hexdigest()
	assert not [field for field, value in link.as_dict().items() if secret in str(value)]
	assert not frappe.db.sql("select name from `tabVersion` where data like %s", f"%{secret}%")
