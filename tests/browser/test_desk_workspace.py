"""In Chromium: a Complaints Officer logs into the desk and sees the Complaints workspace."""

import re

from helpers import make_committed_user
from playwright.sync_api import expect

from complaints_hc.security import roles


def test_officer_sees_the_complaints_workspace(page, log_in, browser_url, output_dir):
	officer = make_committed_user("browser.officer", roles.COMPLAINTS_OFFICER)

	log_in(officer)
	(output_dir / "browser").mkdir(exist_ok=True)

	page.goto(f"{browser_url}/app/complaints")
	expect(page.locator(".page-head .title-text")).to_have_text("Complaints")
	workspace = page.locator(".layout-main-section")
	expect(workspace.get_by_text("Complaints, compliments and learning")).to_be_visible()
	expect(workspace.locator(".shortcut-widget-box").get_by_text("Open Complaints")).to_be_visible()
	expect(workspace.locator(".links-widget-box").get_by_text("Complaints Settings")).to_be_visible()
	expect(workspace.locator(".links-widget-box").get_by_text("Quarterly Learning Themes")).to_be_visible()

	# The number cards load their figures, and a card opens its filtered list. The officer cannot
	# read workshops, so that card is not shown to them.
	cards = workspace.locator(".number-widget-box")
	expect(cards).to_have_count(8)
	expect(cards.filter(has_text="Workshops")).to_have_count(0)
	overdue = cards.filter(has_text="Overdue Complaints")
	for name in ("Overdue Complaints", "Complaints Due in 5 Working Days", "Open Stage 2 Investigations",
		"Open Stage 3 Panels", "Open Ombudsman Enquiries"):  # fmt: skip
		expect(cards.filter(has_text=name).locator(".widget-content .number")).to_have_text(
			re.compile(r"^\s*\d+\s*$")
		)
	expect(workspace.locator(".dashboard-widget-box")).to_have_count(2)
	received = workspace.locator(".dashboard-widget-box").filter(has_text="Complaints Received by Month")
	expect(received.locator(".chart-container svg")).to_have_count(1)
	page.screenshot(path=str((output_dir / "browser").joinpath("desk-workspace-cards.png")), full_page=True)
	overdue.locator(".widget-body").click()
	expect(page).to_have_url(re.compile(r"/app/complaint\?.*rag_status=Overdue"))
	page.go_back()

	page.screenshot(path=str(output_dir / "browser" / "desk-complaints-workspace.png"), full_page=True)


def test_a_report_opens_with_the_shared_filters(page, log_in, browser_url, output_dir):
	manager = make_committed_user("browser.qa.manager", roles.QA_SERVICE_MANAGER)
	log_in(manager)
	page.goto(f"{browser_url}/app/query-report/Complaints Timeliness")
	quarter = page.locator(".page-form select[data-fieldname='quarter']")
	expect(quarter).to_have_value(re.compile(r"^\d{4}-\d{2} Q[1-4]$"))
	expect(page.locator(".page-form select[data-fieldname='stage']")).to_be_visible()
	expect(page.locator(".dt-scrollable").get_by_text("Ombudsman")).to_be_visible()
	expect(page.locator(".report-summary").get_by_text("Within Time Limit")).to_be_visible()
	(output_dir / "browser").mkdir(exist_ok=True)
	page.screenshot(path=str(output_dir / "browser" / "desk-timeliness-report.png"), full_page=True)
