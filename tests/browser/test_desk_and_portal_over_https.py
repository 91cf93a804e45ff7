"""In Chromium, over HTTPS through nginx with the bench run as in production (scripts/production-stack):
a Complaints Officer signs in, opens the complaints list and a complaint, and the public form."""

import frappe
from helpers import TEST_PASSWORD, Cast, commit, make_complaint
from playwright.sync_api import expect


def test_an_officer_works_in_the_desk_and_the_portal_over_https(browser, production_stack, site, output_dir):
	frappe.set_user("Administrator")
	cast = Cast()
	family = f"Okafor-Hale-{frappe.generate_hash(length=5)}"
	complaint = make_complaint(cast, complainant_name=f"Grace {family}", child_name=f"Tobi {family}")
	commit()

	# The certificate is self-signed: Chromium is told to accept it (the HTTP test checks it properly).
	context = browser.new_context(
		viewport={"width": 1280, "height": 900}, locale="en-GB", ignore_https_errors=True
	)
	page = context.new_page()
	page.set_default_timeout(30_000)
	try:
		page.goto(f"{production_stack.url}/login")
		page.fill("#login_email", cast.officer)
		page.fill("#login_password", TEST_PASSWORD)
		page.click(".form-signin .btn-login")
		page.wait_for_url(lambda url: "/login" not in url)
		assert page.url.startswith(f"{production_stack.url}/")

		# the list, filtered to this complaint by its reference (the list is sorted by the day received)
		page.goto(f"{production_stack.url}/app/complaint?name={complaint.name}")
		expect(page.locator(".page-head .title-text")).to_contain_text("Complaint")
		expect(page.get_by_text(f"Grace {family}").first).to_be_visible()

		page.goto(f"{production_stack.url}/app/complaint/{complaint.name}")
		expect(page.locator(".page-head .title-text")).to_contain_text(f"Grace {family}")
		expect(page.locator(".page-head .indicator-pill")).to_be_visible()

		page.goto(f"{production_stack.url}/make-a-complaint")
		expect(page.locator("#complaint-title")).to_have_text("Make a complaint about children's services")
		page.screenshot(path=str(output_dir / "browser-production-https.png"), full_page=True)
	finally:
		context.close()

	logged = "\n".join(production_stack.requests_logged())
	assert f'"GET /app/complaint/{complaint.name} HTTP/1.1" 200' in logged
