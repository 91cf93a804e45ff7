"""Over HTTP, as a child or young person (not signed in): their own complaint form, what it logs, the
easy-read acknowledgement, and bad input tied to the fields; the adult form's problems likewise."""

import email
import html as html_lib
import re

import frappe
import textstat
from helpers import queued_email_html
from test_public_complaint import SUBMIT, guest, logged, unique_email
from test_public_complaint import form as adult_form

SUBMIT_YOUNG = "/api/method/complaints_hc.api.intake.submit_young_person"
FIELDS = ["name", "relationship_to_child", "child_name", "child_complainant", "age_appropriate_letters",
	"advocate_asked_for", "helper_now", "safe_contact", "preferred_contact_method", "received_via",
	"complaint_details"]  # fmt: skip


def young_form(address: str, **changes) -> dict:
	values = {
		"complainant_name": "Kayden Mills",
		"complainant_email": address,
		"complainant_phone": "",
		"preferred_contact_method": "Email",
		"safe_contact": "After 4 o'clock. Do not leave a voicemail.",
		"complaint_details": "My social worker keeps changing and nobody told me why. I have had four this year.",
		"outcome_sought": "I want to keep the one I have now.",
		"advocate_asked_for": "Yes",
		"helper_now": "My foster carer, Sue",
	}
	values.update(changes)
	return values


def complaint_of(address: str) -> dict:
	frappe.db.rollback()
	return frappe.get_all("Complaint", {"complainant_email": address}, FIELDS)


def queued_text(complaint: str) -> tuple[str, str]:
	"""The acknowledgement as the child reads it: subject and words, without the link or markup."""
	raw = frappe.db.get_value("Email Queue", {"reference_doctype": "Complaint", "reference_name": complaint},
		"message")  # fmt: skip
	message = email.message_from_string(raw)
	html = next(p for p in message.walk() if p.get_content_type() == "text/html").get_payload(decode=True)
	text = re.sub(r"<style.*?</style>", " ", html.decode(), flags=re.S)
	text = re.sub(r"<[^>]+>", " ", text)
	text = re.sub(r"https?://\S+", "", html_lib.unescape(text))
	return str(email.header.make_header(email.header.decode_header(message["Subject"]))), " ".join(
		text.split()
	)


def test_the_form_speaks_to_a_child_and_carries_the_privacy_notice(site):
	page = guest().get("/make-a-complaint/young-person", headers={"Accept": "text/html"})
	assert page.status_code == 200
	for words in ("Tell us what went wrong", "Would you like an advocate?", "Is anyone helping you now?",
		"When is it safe to get in touch?", "What we do with what you tell us", "Childline"):  # fmt: skip
		assert words in page.text, words
	adult = guest().get("/make-a-complaint", headers={"Accept": "text/html"})
	assert (
		'href="/make-a-complaint/young-person"' in adult.text and "How we use your information" in adult.text
	)


def test_a_child_is_logged_as_the_complainant_with_the_advocate_request_and_age_appropriate_letters(site):
	address = unique_email("kayden")
	response = guest().post(SUBMIT_YOUNG, data=young_form(address))
	assert response.status_code == 200, response.text
	answer = response.json()["message"]
	[complaint] = complaint_of(address)
	assert answer["reference"] == complaint.name and "within 2 working days" in answer["message"]
	assert (complaint.relationship_to_child, complaint.child_name, complaint.child_complainant,
		complaint.age_appropriate_letters) == ("Child or young person", "Kayden Mills", 1, 1)  # fmt: skip
	assert (complaint.advocate_asked_for, complaint.helper_now, complaint.received_via) == (
		"Yes", "My foster carer, Sue", "Portal")  # fmt: skip
	assert complaint.safe_contact == "After 4 o'clock. Do not leave a voicemail."


def test_the_acknowledgement_is_easy_read(site):
	address = unique_email("easyread")
	assert guest().post(SUBMIT_YOUNG, data=young_form(address)).status_code == 200
	[complaint] = complaint_of(address)
	subject, text = queued_text(complaint.name)
	assert complaint.name in subject and "Kayden" in text and "advocate" in text
	# A 10-year-old reads at about US grade 5: the acknowledgement must not ask more than that.
	grade = textstat.flesch_kincaid_grade(text)
	assert grade <= 5, f"reading grade {grade}: {text}"
	adult_address = unique_email("adult.grade")
	assert guest().post(SUBMIT, data=adult_form(adult_address)).status_code == 200
	[adult] = logged(adult_address)
	# the measure tells the two apart: the adults' acknowledgement reads harder
	assert textstat.flesch_kincaid_grade(queued_text(adult.name)[1]) > grade


def test_a_child_who_asked_to_be_phoned_is_not_emailed(site):
	address = unique_email("phone.only")
	response = guest().post(SUBMIT_YOUNG, data=young_form(address, preferred_contact_method="Phone",
		complainant_phone="07700 900123"))  # fmt: skip
	assert response.status_code == 200
	[complaint] = complaint_of(address)
	assert not frappe.db.exists(
		"Email Queue", {"reference_doctype": "Complaint", "reference_name": complaint.name}
	)


def test_what_the_child_cannot_choose_is_fixed(site):
	address = unique_email("fixed")
	response = guest().post(SUBMIT_YOUNG, data=young_form(address, relationship_to_child="Parent",
		child_name="Someone Else", status="Closed", age_appropriate_letters="0"))  # fmt: skip
	assert response.status_code == 200
	[complaint] = complaint_of(address)
	assert (complaint.relationship_to_child, complaint.child_name, complaint.age_appropriate_letters) == (
		"Child or young person", "Kayden Mills", 1)  # fmt: skip


def test_bad_input_is_tied_to_each_field_and_nothing_is_logged(site):
	address = unique_email("bad.young")
	response = guest().post(SUBMIT_YOUNG, data=young_form(address, complainant_name=" ", complaint_details="bad",
		advocate_asked_for="Maybe", helper_now="x" * 141, complainant_email="kayden at home"))  # fmt: skip
	assert response.status_code == 417
	problems = response.json()["problems"]
	assert set(problems) == {"complainant_name", "complaint_details", "advocate_asked_for", "helper_now",
		"complainant_email"}  # fmt: skip
	assert problems["complaint_details"] == "Tell us what happened. A few words is fine."
	assert "at most 140 characters" in problems["helper_now"]
	assert complaint_of(address) == [] and complaint_of("kayden at home") == []
	nobody = guest().post(SUBMIT_YOUNG, data=young_form("", complainant_phone=""))
	assert (
		nobody.status_code == 417
		and "grown-up who helps you" in nobody.json()["problems"]["complainant_email"]
	)


def test_the_adult_form_ties_its_problems_to_fields_too(site):
	response = guest().post(
		SUBMIT, data=adult_form("not-an-email", complainant_name="", relationship_to_child="Neighbour")
	)
	assert response.status_code == 417
	assert set(response.json()["problems"]) == {
		"complainant_name",
		"complainant_email",
		"relationship_to_child",
	}


def test_a_script_typed_by_a_child_stays_inert(site):
	address = unique_email("script.young")
	script = "<script>alert(1)</script>"
	response = guest().post(SUBMIT_YOUNG, data=young_form(address, complainant_name=f"{script}Kay",
		helper_now=f"{script}Sue", complaint_details=f"{script} nobody listens to me at all"))  # fmt: skip
	assert response.status_code == 200 and script not in response.text
	[complaint] = complaint_of(address)
	stored = frappe.db.get_value("Complaint", complaint.name, ["complainant_name", "helper_now",
		"complaint_details"], as_dict=True)  # fmt: skip
	for value, words in ((stored.complainant_name, "Kay"), (stored.helper_now, "Sue"),
		(stored.complaint_details, "nobody listens to me at all")):  # fmt: skip
		assert words in value and "<script" not in value.lower(), value  # kept as text, never as a tag
	shown = queued_email_html(complaint.name)
	assert "Kay" in shown and "<script" not in shown.lower()
