"""In Chromium on a phone-sized screen, with the keyboard only: a parent follows their complaint from the
link in the acknowledgement to the response letter, then asks for a stage 2 investigation. Each view
is checked against WCAG 2.2 AA with axe-core."""

import email

import frappe
import pytest
from helpers import (
	Cast,
	apply_action,
	commit,
	edit,
	make_category,
	make_complaint,
	on,
	pdf_text,
)
from playwright.sync_api import expect

from complaints_hc.complaints import complainant_links, intake

PHONE = {"width": 390, "height": 844}


def answered_today(cast):
	"""A complaint received, acknowledged (with its page link), investigated and answered today.

	Returns the complaint and the key in the acknowledgement email."""
	day = frappe.utils.today()
	with on(day):
		complaint = make_complaint(
			cast, received_on=day, complainant_email=f"parent.{frappe.generate_hash(length=6)}@example.org"
		)
		intake.acknowledge(complaint)
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.officer, complainant_contacted_on=day)
		edit(complaint, cast.qa_officer, initial_meeting_on=day, agreed_timescale_days=10, timescale_agreed_on=day,
			points=[{"description": "Review moved without notice", "category": make_category(), "outcome": "Upheld",
			"finding": "Nobody told the family the review had moved."}])  # fmt: skip
		apply_action(complaint, "Establish Points", cast.qa_officer)
		apply_action(complaint, "Submit for QA", cast.qa_officer)
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on=day)
		complaint = apply_action(complaint, "Send Response", cast.officer)
	commit()
	return complaint, acknowledgement_key(complaint)


def acknowledgement_key(complaint) -> str:
	queued = frappe.get_all("Email Queue", {"reference_name": complaint.name, "message": ["like", "%received your complaint%"]}, pluck="message")  # fmt: skip
	parts = email.message_from_string(queued[0]).walk()
	html = " ".join(p.get_payload(decode=True).decode() for p in parts if p.get_content_type() == "text/html")
	return html.split("/my-complaint?key=", 1)[1].split('"', 1)[0]


def tab_to(page, locator, most: int = 60):
	"""Press Tab until the element has the focus, as someone with only a keyboard would."""
	for _ in range(most):
		if locator.evaluate("element => element === document.activeElement"):
			return
		page.keyboard.press("Tab")
	pytest.fail(f"{locator} cannot be reached with the Tab key")


@pytest.fixture
def phone(browser, output_dir):
	context = browser.new_context(
		viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True, accept_downloads=True
	)
	page = context.new_page()
	page.set_default_timeout(30_000)
	yield page
	(output_dir / "browser").mkdir(exist_ok=True)
	page.screenshot(path=str(output_dir / "browser" / "complainant-page-phone.png"), full_page=True)
	context.close()


def test_a_parent_follows_their_complaint_to_the_letter_and_asks_for_stage_2(
	phone, browser_url, site, accessibility_violations
):
	cast = Cast()
	complaint, key = answered_today(cast)
	page = phone
	page.goto(f"{browser_url}/my-complaint?key={key}")
	expect(page.get_by_role("heading", level=1)).to_contain_text(complaint.name)
	expect(page.get_by_text("Responded")).to_be_visible()
	assert accessibility_violations(page) == []
	assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling

	letter = page.get_by_role("link", name="Our response to your complaint")
	tab_to(page, letter)
	with page.expect_download() as download:
		page.keyboard.press("Enter")
	words = pdf_text(open(download.value.path(), "rb").read())
	assert complaint.name in words

	stage_2 = page.get_by_label("Stage 2: an independent investigation")
	tab_to(page, page.get_by_label("Mediation"))
	page.keyboard.press("ArrowDown")  # the radio group moves with the arrow keys
	expect(stage_2).to_be_checked()
	tab_to(page, page.get_by_label("What are you still unhappy about?"))
	page.keyboard.type("Nobody has said how reviews will be arranged from now on.")
	tab_to(page, page.get_by_role("button", name="Send my request"))
	page.keyboard.press("Enter")
	expect(page.get_by_role("status")).to_contain_text("we have your request, dated today")
	expect(page.get_by_role("status")).to_be_focused()
	assert accessibility_violations(page) == []

	frappe.db.rollback()
	requested = frappe.get_all(
		"Stage 2 Investigation", {"complaint": complaint.name}, ["requested_via", "requested_on"]
	)
	assert [(r.requested_via, str(r.requested_on)) for r in requested] == [("Portal", frappe.utils.today())]
	page.reload()
	expect(page.get_by_text("Stage 2: an independent investigation:")).to_be_visible()
	assert accessibility_violations(page) == []
	assert complainant_links.open_link(key) is not None  # the acknowledgement's link still works
