"""In Chromium: the QA Service Manager finds a team's training need in the Training Needs report and
invites the team to the next workshop on the theme; a member of the team then sees the session
recommended on the workshops page."""

import frappe
from frappe.utils import add_days, getdate
from helpers import (
	TEST_PASSWORD,
	Cast,
	commit,
	make_complaint,
	make_team,
	make_theme,
	make_user,
	make_workshop,
)
from playwright.sync_api import expect

from complaints_hc.security import roles


def test_a_need_found_a_team_invited_and_the_session_recommended(page, log_in, browser_url, output_dir):
	frappe.set_user("Administrator")
	cast = Cast()
	today, suffix = getdate(), frappe.generate_hash(length=5)
	theme = make_theme(f"Engaging Fathers {suffix}")
	member = make_user("browser.needs.member", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	team = make_team(members=[member])
	complaint = make_complaint(cast, service_team=team, points=[{"description": "Dad was not asked",
		"learning_theme": theme}])  # fmt: skip
	frappe.db.set_value("Complaint Point", complaint.points[0].name, "outcome", "Upheld")
	workshop = make_workshop(title=f"Fathers matter {suffix}", workshop_date=str(add_days(today, 20)),
		booking_opens_on=str(add_days(today, -1)), booking_closes_on=str(add_days(today, 19)),
		themes=[{"learning_theme": theme}])  # fmt: skip
	commit()
	shots = output_dir / "browser"
	shots.mkdir(exist_ok=True)

	log_in(cast.qa_manager)
	page.goto(f"{browser_url}/app/query-report/Training Needs?team={team}")
	table = page.locator(".dt-scrollable")
	expect(table).to_contain_text(theme)
	expect(table).to_contain_text(workshop.title)
	page.screenshot(path=str(shots / "training-needs.png"), full_page=True)

	page.get_by_role("button", name="Invite a Team").click()
	dialog = page.locator(".modal.show")
	for fieldname, value in (("team", team), ("theme", theme)):
		field = dialog.locator(f"input[data-fieldname='{fieldname}']")
		field.fill(value)
		page.get_by_role("option").filter(has_text=value).first.click()
		expect(field).to_have_value(value)
		field.blur()  # the link is checked with the server when the field is left; wait for it to hold
		page.wait_for_function("([name, value]) => cur_dialog && cur_dialog.get_value(name) === value",
			arg=[fieldname, value])  # fmt: skip
	# Every link check has answered and both values still hold (an answer arriving late can clear a field).
	page.wait_for_function("() => frappe.request.ajax_count === 0")
	assert page.evaluate("() => [cur_dialog.get_value('team'), cur_dialog.get_value('theme')]") == [
		team,
		theme,
	]
	dialog.get_by_role("button", name="Send Invitations").click()
	expect(page.locator(".msgprint")).to_contain_text(f"1 of the team's staff invited to {workshop.title}")
	frappe.db.rollback()
	assert frappe.db.exists(
		"Email Queue", {"reference_name": workshop.name, "message": ["like", f"%{team}%"]}
	)

	page.context.clear_cookies()
	log_in(member)
	page.goto(f"{browser_url}/workshops")
	recommended = page.locator("section.recommended")
	expect(recommended).to_contain_text(workshop.title)
	expect(recommended).to_contain_text(theme)
	expect(page.locator(f"section#{workshop.name}")).to_contain_text("Recommended for your team")
	page.screenshot(path=str(shots / "workshops-recommended.png"), full_page=True)
