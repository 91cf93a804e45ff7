"""In Chromium: a Complaints Officer logs into the desk and sees the Complaints workspace."""

from helpers import make_committed_user
from playwright.sync_api import expect

from complaints_hc import roles


def test_officer_sees_the_complaints_workspace(page, log_in, browser_url, output_dir):
	officer = make_committed_user("browser.officer", roles.COMPLAINTS_OFFICER)

	log_in(officer)

	page.goto(f"{browser_url}/app/complaints")
	expect(page.locator(".page-head .title-text")).to_have_text("Complaints")
	workspace = page.locator(".layout-main-section")
	expect(workspace.get_by_text("Complaints, compliments and learning")).to_be_visible()
	expect(workspace.locator(".shortcut-widget-box").get_by_text("Open Complaints")).to_be_visible()
	expect(workspace.locator(".links-widget-box").get_by_text("Complaints Settings")).to_be_visible()

	shots = output_dir / "browser"
	shots.mkdir(exist_ok=True)
	page.screenshot(path=str(shots / "desk-complaints-workspace.png"), full_page=True)
