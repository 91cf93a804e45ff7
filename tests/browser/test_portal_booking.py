"""In Chromium, as a portal user: find a workshop by theme, book, see it, download the invite, cancel."""

import frappe
from frappe.utils import add_days, today
from helpers import TEST_PASSWORD, commit, make_theme, make_user, make_workshop
from playwright.sync_api import expect

from complaints_hc.security import roles
from complaints_hc.workshops import booking


def bookable(title, theme, capacity):
	return make_workshop(title=title, capacity=capacity, themes=[{"learning_theme": make_theme(theme)}],
		workshop_date=add_days(today(), 20), booking_opens_on=add_days(today(), -1),
		booking_closes_on=add_days(today(), 10))  # fmt: skip


def test_portal_user_books_by_theme_then_cancels_and_the_waiting_list_moves_up(
	page, log_in, browser_url, output_dir, site
):
	frappe.set_user("Administrator")
	suffix = frappe.generate_hash(length=5)
	booker = make_user("portal.booker", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	waiting = make_user("portal.waiting", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	wanted = bookable(f"Confirmatory Bias {suffix}", "Confirmatory Bias", capacity=1)
	other = bookable(f"Threshold Training {suffix}", "Threshold Training", capacity=5)
	commit()
	shots = output_dir / "browser"
	shots.mkdir(exist_ok=True)

	log_in(booker)

	page.goto(f"{browser_url}/workshops")
	page.get_by_label("Learning theme").select_option("Confirmatory Bias")
	page.get_by_role("button", name="Show").click()
	card = page.locator(f"section#{wanted.name}")
	expect(card).to_be_visible()
	expect(page.locator(f"section#{other.name}")).to_have_count(0)
	page.screenshot(path=str(shots / "portal-workshops-by-theme.png"), full_page=True)

	# The workshop's own page, booked from the keyboard, on a phone-sized screen.
	card.get_by_role("link", name=wanted.title).click()
	expect(page.get_by_role("heading", level=1)).to_have_text(wanted.title)
	expect(page.locator(".workshop-facts")).to_contain_text("Confirmatory Bias")
	page.set_viewport_size({"width": 390, "height": 844})
	assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
	page.get_by_role("button", name="Book a seat").focus()
	page.keyboard.press("Enter")
	expect(page.locator(".my-status")).to_contain_text("You are booked")
	page.screenshot(path=str(shots / "portal-workshop-page-phone.png"), full_page=True)
	page.set_viewport_size({"width": 1280, "height": 900})

	# Someone else joins the waiting list for the now-full workshop.
	frappe.set_user(waiting)
	booking.book(wanted.name, waiting)
	frappe.set_user("Administrator")
	commit()

	page.goto(f"{browser_url}/my-bookings")
	mine = page.locator(f"li.booking[data-workshop='{wanted.name}']")
	expect(mine.locator(".booking-status")).to_have_text("Booked")
	page.screenshot(path=str(shots / "portal-my-bookings.png"), full_page=True)
	with page.expect_download() as download:
		mine.get_by_role("link", name="Add to calendar (.ics)").click()
	invite = download.value.path().read_text()
	assert "BEGIN:VEVENT" in invite and f"SUMMARY:Confirmatory Bias {suffix}" in invite

	mine.get_by_role("button", name="Cancel my place").click()
	expect(page.locator(f"li.booking[data-workshop='{wanted.name}'] .booking-status")).to_have_text(
		"Cancelled"
	)
	page.screenshot(path=str(shots / "portal-after-cancelling.png"), full_page=True)

	frappe.db.rollback()
	statuses = dict(
		frappe.get_all("Workshop Booking", {"workshop": wanted.name}, ["attendee", "status"], as_list=True)
	)
	assert statuses == {booker: "Cancelled", waiting: "Booked"}
	assert frappe.db.get_value("Workshop", wanted.name, ["seats_booked", "waitlist_count"]) == (1, 0)
