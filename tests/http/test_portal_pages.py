"""Over HTTP: the learning bulletins on the staff portal (published ones only, to staff only, quotes only
while their givers consent) and the accessibility statement with the council's own details."""

import json

import frappe
import pytest
from helpers import TEST_PASSWORD, commit, make_compliment, make_user

from complaints_hc.security import roles

PUBLISHED_QUARTER, DRAFT_QUARTER = "2019-20 Q3", "2019-20 Q4"


@pytest.fixture
def bulletins(http_cast):
	"""One published bulletin quoting two compliments, and one still in draft."""
	frappe.set_user("Administrator")
	for quarter in (PUBLISHED_QUARTER, DRAFT_QUARTER):
		frappe.delete_doc_if_exists("Learning Bulletin", quarter, force=True)
	staff = make_user("quoted.staff", roles.WORKSHOP_BOOKER)
	kept = make_compliment(
		http_cast.officer, staff, consent_to_quote=1, words="She made the plan make sense."
	)
	withdrawn = make_compliment(http_cast.officer, staff, consent_to_quote=1, words="He never gave up on us.")
	with_quotes = {
		"introduction": "What we learnt this quarter.",
		"good_practice": "<ul><li>Visits were on time.</li></ul>",
		"quotes": [
			{"compliment": kept.name, "words": kept.words, "given_by": "Parent"},
			{"compliment": withdrawn.name, "words": withdrawn.words, "given_by": "Carer"},
		],
	}
	published = frappe.get_doc({"doctype": "Learning Bulletin", "quarter": PUBLISHED_QUARTER, "status": "Published",
		**with_quotes}).insert()  # fmt: skip
	draft = frappe.get_doc({"doctype": "Learning Bulletin", "quarter": DRAFT_QUARTER, **with_quotes}).insert()
	commit()
	yield frappe._dict(published=published, draft=draft, kept=kept, withdrawn=withdrawn)
	frappe.db.rollback()
	for quarter in (PUBLISHED_QUARTER, DRAFT_QUARTER):
		frappe.delete_doc_if_exists("Learning Bulletin", quarter, force=True)
	commit()


def test_staff_read_published_bulletins_on_the_portal(http, bulletins):
	booker = make_user("bulletin.reader", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	commit()
	session = http(booker)
	listing = session.get("/bulletins", headers={"Accept": "text/html"})
	assert listing.status_code == 200
	assert f"/bulletins/{PUBLISHED_QUARTER.replace(' ', '%20')}" in listing.text
	assert DRAFT_QUARTER not in listing.text
	page = session.get(f"/bulletins/{PUBLISHED_QUARTER}", headers={"Accept": "text/html"})
	assert page.status_code == 200
	assert bulletins.published.title in page.text and "Visits were on time." in page.text
	assert bulletins.kept.words in page.text and bulletins.withdrawn.words in page.text
	assert session.get(f"/bulletins/{DRAFT_QUARTER}", headers={"Accept": "text/html"}).status_code == 404


def test_a_quote_whose_giver_withdraws_consent_leaves_every_later_copy(http, http_cast, bulletins):
	frappe.db.set_value("Compliment", bulletins.withdrawn.name, "consent_to_quote", 0)
	commit()
	booker = make_user("bulletin.later", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	commit()
	page = http(booker).get(f"/bulletins/{PUBLISHED_QUARTER}", headers={"Accept": "text/html"})
	assert page.status_code == 200
	assert bulletins.kept.words in page.text and bulletins.withdrawn.words not in page.text


def test_bulletins_are_not_for_the_public_or_website_users(http, bulletins):
	website_user = make_user("website.only", password=TEST_PASSWORD)
	commit()
	for session in (http(), http(website_user)):
		for route in ("/bulletins", f"/bulletins/{PUBLISHED_QUARTER}"):
			response = session.get(route, headers={"Accept": "text/html"})
			assert response.status_code == 403, (route, response.status_code)
			assert "Visits were on time." not in response.text


def test_the_statement_carries_the_details_the_complaints_manager_enters(http, http_cast):
	manager = http(http_cast.manager)
	details = {"council_name": "Westholm District Council", "contact_email": "access@westholm.example.org",
		"contact_phone": "01632 960 777", "reply_days": 7,
		"privacy_notice_young_people": "<p>Westholm keeps what you tell us safe.</p>"}  # fmt: skip
	try:
		saved = manager.post("/api/method/frappe.client.set_value", data={"doctype": "Public Notices",
			"name": "Public Notices", "fieldname": json.dumps(details)})  # fmt: skip
		assert saved.status_code == 200, saved.text
		statement = http().get("/accessibility", headers={"Accept": "text/html"})
		assert statement.status_code == 200
		for words in ("Westholm District Council", "access@westholm.example.org", "01632 960 777",
			"within 7 working days", "Enforcement procedure", "Equality and Human Rights Commission",
			"Content that is not accessible", "Disproportionate burden", "partially compliant"):  # fmt: skip
			assert words in statement.text, words
		child_form = http().get("/make-a-complaint/young-person", headers={"Accept": "text/html"})
		assert "<p>Westholm keeps what you tell us safe.</p>" in child_form.text
	finally:
		frappe.db.rollback()
		notices = frappe.get_single("Public Notices")
		notices.update(
			{"council_name": "the council", "contact_email": "", "contact_phone": "", "reply_days": 10}
		)
		notices.save(ignore_permissions=True)  # putting the site back as the test found it
		commit()


def test_only_the_complaints_manager_changes_the_councils_words(http, http_cast):
	officer = http(http_cast.officer)
	refused = officer.post("/api/method/frappe.client.set_value", data={"doctype": "Public Notices",
		"name": "Public Notices", "fieldname": "council_name", "value": "Not the council"})  # fmt: skip
	assert refused.status_code == 403
	booker = make_user("notices.booker", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	commit()
	assert http(booker).get("/api/resource/Public Notices/Public Notices").status_code == 403
	frappe.db.rollback()
	assert frappe.db.get_single_value("Public Notices", "council_name") != "Not the council"


@pytest.mark.parametrize(
	"path", ["/make-a-complaint", "/make-a-complaint/young-person", "/login", "/my-complaint"]
)
def test_every_website_page_links_the_statement_in_its_footer(http, path):
	page = http().get(path, headers={"Accept": "text/html"})
	assert page.status_code == 200, path
	footer = page.text[page.text.rindex("<footer") :]
	assert 'href="/accessibility"' in footer, path
