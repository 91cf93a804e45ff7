"""In Chromium: every public and portal page the app serves or leads people to meets WCAG 2.2 A and AA
(axe-core), signed out and signed in as the people who use it, and reflows at 320 px wide and at 200 %
zoom; the adult form, the child's form and a workshop booking are completed by keyboard alone, with the
focus visible at every stop."""

import frappe
import pytest
from frappe.utils import add_days, today
from helpers import TEST_PASSWORD, commit, make_compliment, make_theme, make_user, make_workshop
from playwright.sync_api import expect

from complaints_hc.security import roles
from complaints_hc.workshops import booking

# 320 CSS px is WCAG's reflow width; a 1280 px window zoomed to 200 % lays out at 640 CSS px.
NARROW_WIDTHS = {"320 px wide": (320, 640), "200% zoom": (640, 450)}
BULLETIN_QUARTER = "2019-20 Q2"


def check_page(page, accessibility_violations) -> list[str]:
	"""axe-core's violations at desktop width (with headings in order and content in landmarks, except on
	Frappe's own account page), then any sideways scrolling at the narrow widths."""
	problems = accessibility_violations(page, best_practice=not page.url.endswith("/me"))
	for name, (width, height) in NARROW_WIDTHS.items():
		page.set_viewport_size({"width": width, "height": height})
		if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
			problems.append(f"scrolls sideways at {name}")
	page.set_viewport_size({"width": 1280, "height": 900})
	return problems


def focus_is_visible(page) -> bool:
	"""The focused element draws an outline or a ring (box-shadow) that the eye can find."""
	return page.evaluate(
		"""() => { const s = getComputedStyle(document.activeElement);
		return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }"""
	)


def tab_to(page, predicate: str, limit: int = 80):
	"""Press Tab until the focused element satisfies `predicate` (a JavaScript function of the element);
	every stop on the way must show where the focus is. (The page itself, between the last element and
	the first, is not a stop.)"""
	unseen = []
	for _ in range(limit):
		if page.evaluate(f"() => ({predicate})(document.activeElement)"):
			assert not unseen, f"focus not visible on: {unseen}"
			return
		page.keyboard.press("Tab")
		on_page = page.evaluate("() => document.activeElement !== document.body")
		if on_page and not focus_is_visible(page):
			unseen.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 100)"))
	pytest.fail(f"Tab never reached {predicate}")


def named(name: str) -> str:
	return f"el => el.name === {name!r}"


@pytest.fixture
def portal_world(site):
	"""A staff member with a booking, a compliment about them, and a published bulletin to read."""
	frappe.set_user("Administrator")
	suffix = frappe.generate_hash(length=5)
	booker = make_user("a11y.booker", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	officer = make_user("a11y.officer", roles.COMPLAINTS_OFFICER)
	workshop = make_workshop(title=f"Voice of the Child {suffix}", capacity=8,
		themes=[{"learning_theme": make_theme("Voice of the Child")}], workshop_date=add_days(today(), 20),
		booking_opens_on=add_days(today(), -1), booking_closes_on=add_days(today(), 10))  # fmt: skip
	other = make_workshop(title=f"Engaging Fathers {suffix}", capacity=8, workshop_date=add_days(today(), 25),
		booking_opens_on=add_days(today(), -1), booking_closes_on=add_days(today(), 10))  # fmt: skip
	with_booking = frappe.get_doc("Workshop", other.name)
	frappe.set_user(booker)
	booking.book(with_booking.name, booker)
	frappe.set_user("Administrator")
	compliment = make_compliment(officer, booker, consent_to_quote=1, words="Kind, clear and always on time.")
	frappe.delete_doc_if_exists("Learning Bulletin", BULLETIN_QUARTER, force=True)
	bulletin = frappe.get_doc({"doctype": "Learning Bulletin", "quarter": BULLETIN_QUARTER, "status": "Published",
		"introduction": "What the quarter taught us.", "good_practice": "<ul><li>Plans written with children.</li></ul>",
		"quotes": [{"compliment": compliment.name, "words": compliment.words, "given_by": "Parent"}],
		"workshops": [{"workshop": workshop.name, "title": workshop.title, "workshop_date": workshop.workshop_date,
			"start_time": workshop.start_time, "end_time": workshop.end_time, "themes": "Voice of the Child"}],
	}).insert()  # fmt: skip
	commit()
	yield frappe._dict(booker=booker, workshop=workshop, booked=other, bulletin=bulletin)
	frappe.db.rollback()
	frappe.delete_doc_if_exists("Learning Bulletin", BULLETIN_QUARTER, force=True)
	commit()


def test_every_public_and_portal_page_meets_wcag_22_aa(page, browser_url, log_in, accessibility_violations,
	portal_world):  # fmt: skip
	found = {}

	def visit(route: str, who: str):
		page.goto(f"{browser_url}{route}")
		found[f"{route} ({who})"] = check_page(page, accessibility_violations)

	for route in ("/make-a-complaint", "/make-a-complaint/young-person", "/accessibility", "/login",
		"/my-complaint", "/workshops", "/my-bookings", "/bulletins"):  # fmt: skip
		visit(route, "signed out")

	# The forms as people meet them after sending: with problems shown, and sent.
	for route, button in (
		("/make-a-complaint", "Send my complaint"),
		("/make-a-complaint/young-person", "Send"),
	):
		page.goto(f"{browser_url}{route}")
		page.get_by_role("button", name=button, exact=True).click()
		expect(page.locator(".error-summary")).to_be_visible()
		found[f"{route} (with problems)"] = check_page(page, accessibility_violations)
		page.fill("#complainant_name", "Rowan Ellis")
		page.fill("#complainant_email", f"a11y.{frappe.generate_hash(length=8)}@public.example.org")
		if route == "/make-a-complaint":
			page.select_option("#relationship_to_child", "Carer")
		page.fill("#complaint_details", "The review meeting was moved twice without telling us.")
		page.get_by_role("button", name=button, exact=True).click()
		expect(page.locator("#complaint-message.alert-success")).to_be_visible()
		found[f"{route} (sent)"] = check_page(page, accessibility_violations)

	log_in(portal_world.booker)
	for route in ("/workshops", f"/workshops/{portal_world.workshop.name}", "/my-bookings", "/my-compliments",
		"/bulletins", f"/bulletins/{BULLETIN_QUARTER}", "/me", "/accessibility"):  # fmt: skip
		visit(route, "staff member")
	expect(page.locator("body")).to_contain_text("Accessibility statement")

	failing = {where: problems for where, problems in found.items() if problems}
	assert len(found) == 20 and not failing, "\n".join(f"{w}: {p}" for w, p in failing.items())


def test_a_parent_completes_the_form_by_keyboard_alone(page, browser_url, site):
	address = f"keys.parent.{frappe.generate_hash(length=8)}@public.example.org"
	page.goto(f"{browser_url}/make-a-complaint")

	# Sent empty first: the problems are listed, each leading back to its field.
	tab_to(page, "el => el.type === 'submit'")
	page.keyboard.press("Enter")
	summary = page.locator("#complaint-message")
	expect(summary).to_be_focused()
	expect(summary).to_contain_text("Tell us your name.")
	name = page.locator("#complainant_name")
	expect(name).to_have_attribute("aria-invalid", "true")
	expect(page.locator("#complainant_name-error")).to_have_text("Tell us your name.")
	assert "complainant_name-error" in name.get_attribute("aria-describedby")
	page.keyboard.press("Tab")  # the first problem in the list
	page.keyboard.press("Enter")
	expect(name).to_be_focused()

	page.keyboard.type("Morgan Hale")
	page.keyboard.press("Tab")
	page.keyboard.type("Carer")  # a closed list chooses by typing
	expect(page.locator("#relationship_to_child")).to_have_value("Carer")
	tab_to(page, named("complainant_email"))
	page.keyboard.type(address)
	tab_to(page, named("complaint_details"))
	page.keyboard.type("Nobody told us the contact centre had moved, so the children missed two visits.")
	page.keyboard.press("Tab")
	page.keyboard.type("A plan for the next visits.")
	tab_to(page, "el => el.type === 'submit'")
	page.keyboard.press("Enter")
	expect(summary).to_contain_text("We have received your complaint")
	expect(summary).to_be_focused()
	frappe.db.rollback()
	logged = frappe.db.get_value("Complaint", {"complainant_email": address},
		["complainant_name", "relationship_to_child", "outcome_sought"], as_dict=True)  # fmt: skip
	assert logged == {"complainant_name": "Morgan Hale", "relationship_to_child": "Carer",
		"outcome_sought": "A plan for the next visits."}  # fmt: skip


def test_the_childs_form_ties_each_problem_to_its_field_and_the_list_takes_the_focus(page, browser_url, site):
	"""As on the adult form: sent with its problems, each field is marked invalid and described by its
	message, and the list at the top takes the focus and leads back to the field."""
	page.goto(f"{browser_url}/make-a-complaint/young-person")
	tab_to(page, named("complaint_details"))
	page.keyboard.type("bad")  # too short to say what happened
	tab_to(page, "el => el.type === 'submit'")
	page.keyboard.press("Enter")
	summary = page.locator("#complaint-message")
	expect(summary).to_be_focused()
	for field, message in (
		("complainant_name", "Tell us your name."),
		("complainant_email", "It can be one for a grown-up who helps you."),
		("complaint_details", "Tell us what happened. A few words is fine."),
	):
		expect(summary).to_contain_text(message)
		box = page.locator(f"#{field}")
		expect(box).to_have_attribute("aria-invalid", "true")
		expect(page.locator(f"#{field}-error")).to_contain_text(message)
		assert f"{field}-error" in box.get_attribute("aria-describedby"), field
	page.keyboard.press("Tab")  # the first problem in the list
	page.keyboard.press("Enter")
	expect(page.locator("#complainant_name")).to_be_focused()


def test_a_child_completes_their_own_form_by_keyboard_alone(page, browser_url, site, output_dir):
	address = f"keys.child.{frappe.generate_hash(length=8)}@public.example.org"
	page.goto(f"{browser_url}/make-a-complaint/young-person")
	tab_to(page, named("complainant_name"))
	page.keyboard.type("Jess")
	tab_to(page, named("complainant_email"))
	page.keyboard.type(address)
	tab_to(page, named("preferred_contact_method"))
	page.keyboard.press("Space")  # "Email me"
	tab_to(page, named("safe_contact"))
	page.keyboard.type("After school. Please do not phone my mum.")
	page.keyboard.press("Tab")
	page.keyboard.type("I moved house and nobody told my school. I missed my friends.")
	page.keyboard.press("Tab")
	page.keyboard.type("Say sorry and tell my school.")
	tab_to(page, named("advocate_asked_for"))
	page.keyboard.press("ArrowDown")  # "No"
	page.keyboard.press("ArrowDown")  # "Not sure"
	expect(page.get_by_label("Not sure")).to_be_checked()
	tab_to(page, named("helper_now"))
	page.keyboard.type("My teacher")
	(output_dir / "browser").mkdir(exist_ok=True)
	page.screenshot(path=str(output_dir / "browser" / "young-person-form.png"), full_page=True)
	tab_to(page, "el => el.type === 'submit'")
	page.keyboard.press("Enter")
	message = page.locator("#complaint-message")
	expect(message).to_contain_text("Thank you for telling us. Your complaint number is CMP-")
	expect(message).to_be_focused()
	page.screenshot(path=str(output_dir / "browser" / "young-person-form-sent.png"), full_page=True)
	frappe.db.rollback()
	logged = frappe.db.get_value("Complaint", {"complainant_email": address}, ["relationship_to_child",
		"child_name", "advocate_asked_for", "helper_now", "age_appropriate_letters", "preferred_contact_method",
		"safe_contact"], as_dict=True)  # fmt: skip
	assert logged == {"relationship_to_child": "Child or young person", "child_name": "Jess",
		"advocate_asked_for": "Not sure", "helper_now": "My teacher", "age_appropriate_letters": 1,
		"preferred_contact_method": "Email", "safe_contact": "After school. Please do not phone my mum."}  # fmt: skip


def test_a_staff_member_books_a_workshop_by_keyboard_alone(page, browser_url, portal_world):
	page.goto(f"{browser_url}/login")
	tab_to(page, "el => el.id === 'login_email'")
	page.keyboard.type(portal_world.booker)
	page.keyboard.press("Tab")
	page.keyboard.type(TEST_PASSWORD)
	page.keyboard.press("Enter")
	page.wait_for_url(lambda url: "/login" not in url)

	page.goto(f"{browser_url}/workshops")
	wanted = portal_world.workshop
	tab_to(page, f"el => el.getAttribute('href') === '/workshops/{wanted.name}'")
	page.keyboard.press("Enter")
	expect(page.get_by_role("heading", level=1)).to_have_text(wanted.title)
	tab_to(page, "el => el.dataset && el.dataset.book !== undefined")
	page.keyboard.press("Enter")
	expect(page.locator(".my-status")).to_contain_text("You are booked")
	frappe.db.rollback()
	assert frappe.db.get_value("Workshop Booking", {"workshop": wanted.name, "attendee": portal_world.booker},
		"status") == "Booked"  # fmt: skip
