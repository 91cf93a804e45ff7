"""In Chromium, not signed in: a parent fills in the public complaint form with the keyboard."""

import frappe
from playwright.sync_api import expect


def test_a_parent_makes_a_complaint(page, browser_url, output_dir, site):
	email = f"browser.parent.{frappe.generate_hash(length=8)}@public.example.org"
	page.goto(f"{browser_url}/make-a-complaint")
	page.get_by_label("Your name").fill("Sam Okafor")
	page.get_by_label("Who are you?").select_option("Parent")
	page.get_by_label("Email address", exact=True).fill(email)
	page.get_by_label("What is your complaint about?").fill(
		"My daughter's review meeting was moved without telling us."
	)
	page.get_by_label("What would you like to happen?").fill("To be told about meetings in good time.")
	(output_dir / "browser").mkdir(exist_ok=True)
	page.screenshot(path=str(output_dir / "browser" / "public-complaint-form.png"), full_page=True)
	page.get_by_role("button", name="Send my complaint").focus()
	page.keyboard.press("Enter")
	expect(page.get_by_role("alert")).to_contain_text(
		"We have received your complaint: its reference is CMP-"
	)
	expect(page.locator("#complaint-form")).to_be_hidden()
	page.screenshot(path=str(output_dir / "browser" / "public-complaint-sent.png"), full_page=True)
	frappe.db.rollback()
	assert frappe.db.get_value("Complaint", {"complainant_email": email}, "received_via") == "Portal"
