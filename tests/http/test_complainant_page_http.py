"""Over HTTP, as the complainant with the link we emailed (no account): what their page shows, what a
wrong link gets, and the limits on one network address."""

import json
import random

import frappe
import pytest
from helpers import (
	SiteSession,
	answered_at_stage_1,
	commit,
	complaints_setting,
	make_complaint,
	pdf_text,
	served_site,
	walk_to_quality_assurance,
)

from complaints_hc.complaints import complainant_links

PAGE = "/my-complaint"
RENEW = "/api/method/complaints_hc.api.complainant.renew_link"
LETTER = "/api/method/complaints_hc.api.complainant.letter"
ADD = "/api/method/complaints_hc.api.complainant.add_information"


def guest(address: str | None = None) -> SiteSession:
	"""A member of the public at their own network address (as the proxy in front reports it)."""
	session = SiteSession(*served_site())
	session.headers["X-Forwarded-For"] = address or f"198.51.100.{random.randint(1, 254)}"
	return session


def key_for(complaint) -> str:
	url = complainant_links.issue(frappe.get_doc("Complaint", complaint.name), complainant_links.COMPLAINANT,
		complainant_links.SENT_BY_TEAM)  # fmt: skip
	commit()
	return url.split("key=", 1)[1]


@pytest.fixture(scope="module")
def in_quality_assurance(http_cast):
	"""A complaint whose finding is drafted but not yet sent, naming a staff subject; and another one."""
	complaint = walk_to_quality_assurance(http_cast, http_cast.qa_officer)
	other = make_complaint(http_cast, complainant_name="Marcus Oyelaran", complainant_email="marcus.o@example.org",
		child_name="Ife Oyelaran")  # fmt: skip
	commit()
	return complaint, other


def test_the_link_opens_its_own_complaint_and_nothing_internal(http_cast, in_quality_assurance):
	complaint, other = in_quality_assurance
	page = guest().get(PAGE, params={"key": key_for(complaint)})
	assert page.status_code == 200
	html = page.text
	assert complaint.name in html and "Being looked into" in html
	assert frappe.format(complaint.due_date, "Date") in html  # the date promised
	subject = frappe.get_doc("User", http_cast.subject)
	for hidden in ("Sent six weeks late.", "Late minutes", other.name, "Marcus Oyelaran", http_cast.subject,
		subject.full_name, http_cast.social_worker, http_cast.qa_officer, "Reviewing officer", "LCS-204811",
		"Quality Assurance", "Access Log"):  # fmt: skip
		assert hidden not in html, f"the complainant's page shows {hidden!r}"
	assert 'name="referrer" content="no-referrer"' in html  # the key never leaves in a Referer header


def test_expired_altered_or_replaced_links_get_nothing(http_cast, in_quality_assurance):
	complaint, _other = in_quality_assurance
	replaced = key_for(complaint)
	current = key_for(complaint)  # a newer link ends the first
	name, secret = current.split(".", 1)
	altered = f"{name}.{secret[:-2]}{'xy' if secret[-2:] != 'xy' else 'zz'}"
	expired = key_for(frappe.get_doc("Complaint", complaint.name))
	frappe.db.set_value("Complainant Link", expired.split(".")[0], "expires_at", "2026-01-01 00:00:00")
	commit()
	for key in (replaced, altered, expired, name, "", "../../etc/passwd"):
		answer = guest().get(PAGE, params={"key": key})
		assert answer.status_code == 200
		assert complaint.name not in answer.text and "Follow your complaint" in answer.text
		letter = guest().get(LETTER, params={"key": key, "letter": "stage-1"})
		assert letter.status_code == 403 and b"%PDF" not in letter.content
	assert complaint.name in guest().get(PAGE, params={"key": key_for(complaint)}).text


def test_a_wrong_email_gets_the_same_answer_as_a_reference_that_does_not_exist(in_quality_assurance):
	complaint, _other = in_quality_assurance
	links = lambda: frappe.db.count("Complainant Link", {"complaint": complaint.name})  # noqa: E731
	frappe.db.rollback()
	before = links()
	wrong_email = guest().post(RENEW, data={"reference": complaint.name, "email": "someone@example.org"})
	no_such = guest().post(RENEW, data={"reference": "CMP-2099-00001", "email": "someone@example.org"})
	right = guest().post(RENEW, data={"reference": complaint.name, "email": "Joanne.Pritchard@example.org"})
	assert wrong_email.status_code == no_such.status_code == right.status_code == 200
	assert wrong_email.json() == no_such.json() == right.json()
	frappe.db.rollback()
	assert links() == before + 1  # only the right address was sent a link


def test_the_sent_letter_downloads_from_its_own_page_and_the_look_is_logged(http_cast):
	complaint = answered_at_stage_1(http_cast)
	other = answered_at_stage_1(http_cast)
	commit()
	key = key_for(complaint)
	page = guest().get(PAGE, params={"key": key})
	assert "Our response to your complaint" in page.text
	assert (
		"The time to ask online ended on" in page.text and "Send my request" not in page.text
	)  # 30 March + 20 days
	letter = guest().get(LETTER, params={"key": key, "letter": "stage-1"})
	assert letter.status_code == 200 and letter.content.startswith(b"%PDF")
	words = pdf_text(letter.content)
	assert complaint.name in words and other.name not in words
	assert guest().get(LETTER, params={"key": key, "letter": "stage-2"}).status_code == 404
	frappe.db.rollback()
	looks = frappe.get_all("Complaint Access Log", {"complaint": complaint.name, "action": "Complainant's page"},
		["user", "route"])  # fmt: skip
	assert {(look.user, look.route) for look in looks} >= {("Guest", PAGE), ("Guest", LETTER)}


def test_a_document_sent_over_http_is_kept_privately(in_quality_assurance):
	_complaint, other = in_quality_assurance
	key = key_for(other)
	sent = guest().post(ADD, data={"key": key, "message": "The contact notes attached."},
		files={"files": ("contact-notes.pdf", b"%PDF-1.4 contact notes " + frappe.generate_hash().encode())})  # fmt: skip
	assert sent.status_code == 200, sent.text
	frappe.db.rollback()
	kept = frappe.get_all("File", {"attached_to_name": other.name, "file_name": ["like", "contact-notes%.pdf"]}, ["is_private", "file_url"])  # fmt: skip
	assert len(kept) == 1 and kept[0].is_private
	assert guest().get(kept[0].file_url).status_code in (403, 404)  # not readable without signing in
	refused = guest().post(ADD, data={"key": key + "0", "message": "More"})
	assert refused.status_code == 403


@pytest.fixture
def five_an_hour(http_cast):
	"""The complaints team lowers the page's per-address limit to 5 for this test."""
	with complaints_setting(http_cast.manager, "complainant_page_limit_per_address", 5):
		yield "203.0.113.77"


def test_requests_are_limited_per_network_address(five_an_hour, in_quality_assurance):
	complaint, _other = in_quality_assurance
	address, key = five_an_hour, key_for(complaint)
	answers = [guest(address).get(PAGE, params={"key": key}) for _ in range(4)]
	answers.append(guest(address).post(RENEW, data={"reference": complaint.name, "email": "x@example.org"}))
	assert all(a.status_code == 200 for a in answers) and complaint.name in answers[0].text
	page = guest(address).get(PAGE, params={"key": key})
	assert complaint.name not in page.text and "Please try again after" in page.text
	renewal = guest(address).post(RENEW, data={"reference": complaint.name, "email": "x@example.org"})
	assert renewal.status_code == 429, renewal.text[-1500:]
	assert "Please try again after" in json.dumps(renewal.json())
	assert (
		complaint.name in guest("203.0.113.78").get(PAGE, params={"key": key}).text
	)  # the neighbour is not held up


def test_links_are_read_by_the_complaints_manager_only(http, http_cast, outsiders):
	subject = outsiders["subject with every role"]
	complaint = make_complaint(http_cast, subjects=[{"user": subject, "role_in_case": "Social worker"}])
	commit()
	key_for(complaint)
	filters = {
		"filters": json.dumps({"complaint": complaint.name}),
		"fields": json.dumps(["name", "token_hash"]),
	}
	assert guest().get("/api/resource/Complainant Link", params=filters).status_code == 403
	as_subject = http(subject).get("/api/resource/Complainant Link", params=filters)
	assert as_subject.status_code == 403 or as_subject.json()["data"] == []
	listed = http(http_cast.manager).get("/api/resource/Complainant Link", params=filters)
	assert listed.status_code == 200 and len(listed.json()["data"]) == 1


def test_a_form_sent_incomplete_gets_a_clear_message_and_changes_nothing(in_quality_assurance):
	_complaint, other = in_quality_assurance
	key = key_for(other)
	for method, data, words in (
		("answer_extension", {"key": key}, "Choose whether you agree"),
		("add_information", {"key": key, "message": "  "}, "Write something or choose a file"),
		("give_feedback", {"key": key}, "once the complaint is closed"),
	):
		answer = guest().post(f"/api/method/complaints_hc.api.complainant.{method}", data=data)
		assert answer.status_code == 417, (method, answer.status_code)
		assert words in json.dumps(answer.json()), method
	frappe.db.rollback()
	assert not frappe.db.exists("Complainant Feedback", {"complaint": other.name})
	assert not frappe.get_all("Complaint Extension", {"parent": other.name})


SEND_LINK = "/api/method/complaints_hc.api.complainant.send_page_link"


def test_the_team_sends_the_link_again_to_the_complainant_or_the_advocate(http, http_cast, outsiders):
	named = [{"user": user, "role_in_case": "Reviewing officer"} for user in (http_cast.subject,
		outsiders["subject with every role"])]  # fmt: skip
	complaint = make_complaint(http_cast, advocate_name="Priya Shah", advocate_email="priya.shah@advocacy.example.org",
		subjects=named)  # fmt: skip
	earlier = key_for(complaint)
	assert complaint.name in guest().get(PAGE, params={"key": earlier}).text
	officer = http(http_cast.officer)
	for recipient, address in (
		("Complainant", complaint.complainant_email),
		("Advocate", "priya.shah@advocacy.example.org"),
	):
		sent = officer.post(SEND_LINK, data={"complaint": complaint.name, "recipient": recipient})
		assert sent.status_code == 200 and address in sent.text, sent.text[:300]
	frappe.db.rollback()
	links = frappe.get_all("Complainant Link", {"complaint": complaint.name, "revoked_at": ("is", "not set")},
		["recipient", "email", "issued_because"])  # fmt: skip
	assert sorted((row.recipient, row.email) for row in links) == [("Advocate", "priya.shah@advocacy.example.org"),
		("Complainant", complaint.complainant_email)]  # fmt: skip
	assert {row.issued_because for row in links} == {complainant_links.SENT_BY_TEAM}
	assert complaint.name not in guest().get(PAGE, params={"key": earlier}).text  # the new link ended it
	for outsider in (http_cast.subject, *outsiders.values()):
		refused = http(outsider).post(
			SEND_LINK, data={"complaint": complaint.name, "recipient": "Complainant"}
		)
		assert refused.status_code == 403, (outsider, refused.status_code)
	frappe.db.rollback()
	assert frappe.db.count("Complainant Link", {"complaint": complaint.name}) == 3  # nothing more was issued
