"""In Chromium: a QA Officer opens an allocated complaint in the desk and applies a workflow action."""

import frappe
from freezegun import freeze_time
from helpers import Cast, apply_action, commit, edit, make_category, make_complaint
from playwright.sync_api import expect


def allocated_and_ready_to_investigate(cast):
	with freeze_time("2026-03-30 12:00:00"):
		complaint = make_complaint(cast, received_on="2026-03-23", complainant_name="Leanne Foster")
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.officer, complainant_contacted_on="2026-03-24")
		complaint = edit(complaint, cast.qa_officer, initial_meeting_on="2026-03-26", agreed_timescale_days=15,
			timescale_agreed_on="2026-03-26", points=[{"description": "Contact plan not followed",
			"category": make_category()}])  # fmt: skip
	commit()
	return complaint


def test_qa_officer_establishes_the_points_from_the_desk(page, log_in, browser_url, output_dir, site):
	frappe.set_user("Administrator")
	cast = Cast()
	complaint = allocated_and_ready_to_investigate(cast)
	shots = output_dir / "browser"
	shots.mkdir(exist_ok=True)

	log_in(cast.qa_officer)

	page.goto(f"{browser_url}/app/complaint/{complaint.name}")
	head = page.locator(".page-head")
	expect(head.locator(".indicator-pill")).to_contain_text("Allocated")
	expect(page.locator(".page-head .title-text")).to_contain_text("Leanne Foster")
	journey = page.locator(".complaint-journey")  # the journey at a glance: stage 1 so far
	expect(journey.locator("tbody tr")).to_have_count(1)
	expect(journey.locator("tbody tr").first).to_contain_text("Stage 1")
	expect(journey.locator("tbody tr").first).to_contain_text("Allocated")
	page.screenshot(path=str(shots / "complaint-allocated.png"), full_page=True)

	head.get_by_role("button", name="Actions").click()
	head.locator(".dropdown-menu").get_by_text("Establish Points", exact=True).click()
	confirm = page.locator(".modal.show .btn-primary")
	if confirm.count():
		confirm.click()

	expect(head.locator(".indicator-pill")).to_contain_text("In Progress", timeout=15000)
	page.screenshot(path=str(shots / "complaint-investigating.png"), full_page=True)
	frappe.db.rollback()
	assert frappe.db.get_value("Complaint", complaint.name, ["workflow_state", "status"]) == (
		"Investigating",
		"In Progress",
	)
