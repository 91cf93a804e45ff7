"""Over HTTP, as a member of the public (not signed in): the complaint form and what it logs."""

import json
import random

import frappe
import pytest
from helpers import SiteSession, complaints_setting, queued_email_html, served_site

from complaints_hc.complaints import intake

SUBMIT = "/api/method/complaints_hc.api.intake.submit"


def guest(address: str | None = None) -> SiteSession:
	"""A member of the public, each from their own network address (as the proxy in front reports it)."""
	session = SiteSession(*served_site())
	session.headers["X-Forwarded-For"] = address or f"198.51.100.{random.randint(1, 254)}"
	return session


def form(email: str, **changes) -> dict:
	values = {
		"complainant_name": "Dawn Whitcombe",
		"relationship_to_child": "Parent",
		"complainant_email": email,
		"preferred_contact_method": "Email",
		"child_name": "Tyler Whitcombe",
		"complaint_details": "Nobody returned my calls about my son's contact arrangements for three weeks.",
		"outcome_sought": "An apology and a clear contact plan.",
	}
	values.update(changes)
	return values


def unique_email(label: str) -> str:
	return f"{label}.{frappe.generate_hash(length=8)}@public.example.org"


def logged(email: str) -> list[dict]:
	frappe.db.rollback()  # a fresh snapshot: the served site committed it
	return frappe.get_all("Complaint", {"complainant_email": email},
		["name", "received_via", "received_on", "status", "complaint_details", "outcome_sought", "owner"])  # fmt: skip


def test_the_form_is_open_to_the_public(site):
	page = guest().get("/make-a-complaint", headers={"Accept": "text/html"})
	assert page.status_code == 200
	for label in ('for="complainant_name"', 'for="complaint_details"', 'for="relationship_to_child"'):
		assert label in page.text


def test_a_complaint_is_logged_as_received_today_and_acknowledged(site):
	email = unique_email("dawn")
	response = guest().post(SUBMIT, data=form(email))
	assert response.status_code == 200
	answer = response.json()["message"]
	[complaint] = logged(email)
	assert set(answer) == {"reference", "message"} and answer["reference"] == complaint.name
	assert "within 2 working days" in answer["message"]
	assert (complaint.received_via, str(complaint.received_on), complaint.status) == (
		"Portal", frappe.utils.today(), "Received")  # fmt: skip
	assert complaint.complaint_details.startswith("Nobody returned my calls")
	assert "Nobody returned" not in response.text  # nothing of the complaint is read back
	queued = frappe.get_all("Email Queue", {"reference_doctype": "Complaint", "reference_name": complaint.name},
		["name", "message"])  # fmt: skip
	assert len(queued) == 1 and complaint.name in queued[0].message
	assert frappe.get_all("Email Queue Recipient", {"parent": queued[0].name}, pluck="recipient") == [email]


def test_bad_input_is_explained_and_nothing_is_logged(site):
	email = unique_email("bad")
	response = guest().post(SUBMIT, data=form(email, complainant_name="", complainant_email="not-an-email",
		relationship_to_child="Neighbour", complaint_details="Bad"))  # fmt: skip
	assert response.status_code == 417
	for problem in ("Tell us your name", "email address does not look right", "Choose who you are",
		"what your complaint is about"):  # fmt: skip
		assert problem in response.text
	no_contact = guest().post(SUBMIT, data=form("", complainant_phone=""))
	assert no_contact.status_code == 417 and "email address or a phone number" in no_contact.text
	assert logged(email) == [] and logged("not-an-email") == []


def test_extra_keys_are_ignored(site):
	email = unique_email("extra")
	response = guest().post(SUBMIT, data=form(email, workflow_state="Closed", status="Closed", owner="x@y.org",
		received_on="2020-01-01", qa_officer="Administrator", subjects='[{"user": "Administrator"}]',
		points='[{"description": "injected"}]', doctype="User", name="CMP-0000-00001"))  # fmt: skip
	assert response.status_code == 200
	[complaint] = logged(email)
	assert (complaint.status, str(complaint.received_on), complaint.owner) == ("Received", frappe.utils.today(),
		"Guest")  # fmt: skip
	assert frappe.db.get_value("Complaint", complaint.name, ["qa_officer", "workflow_state"])[0] is None
	assert not frappe.get_all("Complaint Point", {"parent": complaint.name})
	assert not frappe.get_all("Complaint Subject", {"parent": complaint.name})


def test_script_in_the_form_is_stored_inert_and_escaped_in_the_acknowledgement(site):
	email_address = unique_email("script")
	response = guest().post(SUBMIT, data=form(email_address, complainant_name="<script>alert(1)</script>Dawn",
		complaint_details="<script>alert(2)</script>Nobody called back."))  # fmt: skip
	assert response.status_code == 200
	[complaint] = logged(email_address)
	stored = frappe.db.get_value(
		"Complaint", complaint.name, ["complainant_name", "complaint_details"], as_dict=True
	)
	for value, words in (
		(stored.complainant_name, "Dawn"),
		(stored.complaint_details, "Nobody called back."),
	):
		assert words in value and "<script" not in value.lower(), value  # kept as text, never as a tag
	shown = queued_email_html(complaint.name)
	assert "Dawn" in shown and "<script" not in shown.lower()


def test_the_form_is_post_only_and_limited_per_address(site):
	assert guest().get(SUBMIT, params=form(unique_email("get"))).status_code in (403, 405)
	email = unique_email("repeat")
	codes = [guest().post(SUBMIT, data=form(email)).status_code for _ in range(6)]
	assert codes == [200] * 5 + [429]
	assert len(logged(email)) == 5


@pytest.fixture
def three_an_hour_per_address(http_cast):
	"""The complaints team lowers the per-address limit to 3 for this test."""
	address = "203.0.113.7"
	with complaints_setting(http_cast.manager, "public_form_limit_per_address", 3):
		yield address
	frappe.cache.delete_value(intake.flood_key(intake.FROM_ADDRESS, address))


def test_a_flood_from_one_network_address_is_refused_whatever_the_email(three_an_hour_per_address):
	address = three_an_hour_per_address
	emails = [unique_email(f"flood{n}") for n in range(4)]
	answers = [guest(address).post(SUBMIT, data=form(email)) for email in emails]
	assert [a.status_code for a in answers] == [200, 200, 200, 429]
	refusal = answers[-1].json()
	assert "Please try again after" in json.dumps(refusal) and "phone the complaints team" in json.dumps(
		refusal
	)
	assert [len(logged(email)) for email in emails] == [1, 1, 1, 0]
	# someone at another address is not held up by it
	assert guest("203.0.113.8").post(SUBMIT, data=form(unique_email("neighbour"))).status_code == 200


def test_the_public_still_reads_no_complaint(site):
	session = guest()
	assert session.get("/api/resource/Complaint").status_code == 403
	desk = session.get("/app/complaint", headers={"Accept": "text/html"}, allow_redirects=False)
	assert desk.status_code in (302, 303, 403) or "/login" in desk.headers.get("Location", "")
