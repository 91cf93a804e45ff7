"""In Chromium, signed in as the Complaints Manager: the team reshapes its stage 1 workflow in Frappe's
workflow builder, copies the outcome letter and rewords it, and changes an alert's recipients; then a
complaint moves through the changed workflow as the real users, and the changed letter is the one kept.

Everything the test changes on the site is put back afterwards, as the Administrator would."""

import io

import frappe
import pytest
from helpers import apply_action, commit, edit, on, walk_to_quality_assurance
from playwright.sync_api import expect
from pypdf import PdfReader

WORKFLOW = "Complaint Stage 1"
RENAMED = "QA Review"
NEW_STATE = "Letter Check"
NEW_ACTION = "Check Letter"
LETTER = "Stage 1 Outcome Letter"
LETTER_COPY = "Stage 1 Outcome Letter (Plain English)"
NEW_WORDS = "We have written this letter in plain English."
ALERT = "Complaint response overdue"


def stored(doctype: str, name: str) -> dict | None:
	frappe.db.rollback()  # see what the served site committed
	return frappe.get_doc(doctype, name).as_dict() if frappe.db.exists(doctype, name) else None


@pytest.fixture
def site_as_found(site):
	"""Put the workflow, the letter settings and the alert back as they were; remove what was added."""
	frappe.set_user("Administrator")
	workflow = frappe.get_doc("Workflow", WORKFLOW).as_dict()
	alert = frappe.get_doc("Notification", ALERT).as_dict()
	settings_letter = frappe.db.get_single_value("Complaints Settings", "outcome_letter_print_format")
	yield
	frappe.db.rollback()
	frappe.set_user("Administrator")
	current = frappe.get_doc("Workflow", WORKFLOW)
	current.update(
		{
			"states": workflow.states,
			"transitions": workflow.transitions,
			"workflow_data": workflow.workflow_data,
		}
	)
	current.save()
	restored_alert = frappe.get_doc("Notification", ALERT)
	restored_alert.set("recipients", alert.recipients)
	restored_alert.save()
	frappe.db.set_single_value("Complaints Settings", "outcome_letter_print_format", settings_letter)
	if frappe.db.exists("Print Format", LETTER_COPY):
		frappe.delete_doc("Print Format", LETTER_COPY, force=True)
	for doctype, name in (
		("Workflow Action Master", NEW_ACTION),
		("Workflow State", NEW_STATE),
		("Workflow State", RENAMED),
	):
		if frappe.db.exists(doctype, name):
			frappe.delete_doc(doctype, name, force=True)
	commit()


def save_form(page):
	"""Ctrl+S in a desk form, returning once the server has answered the save."""
	with page.expect_response(lambda response: "frappe.desk.form.save.savedocs" in response.url) as saved:
		page.keyboard.press("Control+s")
	assert saved.value.ok, saved.value.text()[:500]


def new_named_record(page, browser_url, route: str, field: str, value: str):
	"""A Workflow State or Workflow Action Master made in its desk form, as the builder needs it."""
	page.goto(f"{browser_url}/app/{route}/new")
	page.locator(f".frappe-control[data-fieldname='{field}'] input").fill(value)
	page.keyboard.press("Control+s")
	page.wait_for_url(lambda url: "/new" not in url)


def choose(page, field: str, value: str):
	"""Fill a link in the builder's properties panel and pick the value from its suggestions."""
	control = page.locator(f".properties .frappe-control[data-fieldname='{field}'] input")
	control.fill(value)
	control.locator("xpath=..").get_by_role("option", name=value, exact=True).click()
	expect(control).to_have_value(value)


def handle(page, node, side: str) -> tuple[float, float]:
	box = node.locator(f".vue-flow__handle-{side}").bounding_box()
	return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def connect(page, source, target):
	"""Drag from the source state's right handle to the target state's left one: a new transition."""
	start, end = handle(page, source, "right"), handle(page, target, "left")
	page.mouse.move(*start)
	page.mouse.down()
	page.mouse.move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, steps=8)
	page.mouse.move(*end, steps=8)
	page.mouse.up()
	expect(page.locator(".properties")).to_contain_text("Action")


def state_node(page, name: str):
	return page.locator(".vue-flow__node-state", has_text=name).first


def reshape_the_workflow(page, browser_url, shots):
	new_named_record(page, browser_url, "workflow-state", "workflow_state_name", RENAMED)
	new_named_record(page, browser_url, "workflow-state", "workflow_state_name", NEW_STATE)
	new_named_record(page, browser_url, "workflow-action-master", "workflow_action_name", NEW_ACTION)

	page.goto(f"{browser_url}/app/workflow-builder/{WORKFLOW}")
	expect(page.locator(".vue-flow__node-state").first).to_be_visible()
	page.get_by_role("button", name="Fit").click()
	page.wait_for_timeout(500)  # the fit is animated

	state_node(page, "Quality Assurance").click()
	choose(page, "state", RENAMED)
	expect(state_node(page, RENAMED)).to_be_visible()

	approved, responded = state_node(page, "Approved"), state_node(page, "Responded")
	canvas = page.locator(".workflow-container")
	canvas_box, approved_box = canvas.bounding_box(), approved.bounding_box()
	page.locator(".drag-handle").drag_to(canvas, target_position={
		"x": approved_box["x"] - canvas_box["x"] + 160, "y": approved_box["y"] - canvas_box["y"] - 170})  # fmt: skip
	new_state = page.locator(".vue-flow__node-state", has_text="No Label")
	expect(new_state).to_be_visible()
	new_state.click()
	choose(page, "state", NEW_STATE)
	choose(page, "allow_edit", "Complaints Officer")
	page.locator(".properties .frappe-control[data-fieldname='update_field'] select").select_option("status")
	page.locator(".properties .frappe-control[data-fieldname='update_value'] input").fill("Approved")
	letter_check = state_node(page, NEW_STATE)

	connect(page, approved, letter_check)
	choose(page, "action", NEW_ACTION)
	choose(page, "allowed", "Complaints Manager")
	connect(page, letter_check, responded)
	choose(page, "action", "Send Response")
	choose(page, "allowed", "Complaints Officer")
	page.screenshot(path=str(shots / "workflow-builder-changed.png"))

	page.locator(".page-actions").get_by_role("button", name="Save").click()
	expect(page.locator(".alert-message, .toast-message", has_text="Workflow updated")).to_be_visible()
	page.screenshot(path=str(shots / "workflow-builder-saved.png"))


def copy_and_reword_the_letter(page, browser_url, shots):
	page.goto(f"{browser_url}/app/print-format/{LETTER}")
	expect(page.locator(".page-head .title-text")).to_contain_text(LETTER)
	page.locator(".page-head .menu-btn-group button").click()
	page.locator(".page-head .dropdown-menu").get_by_text("Duplicate", exact=True).click()
	expect(page.locator(".page-head .indicator-pill")).to_contain_text("Not Saved")
	editor = page.locator(".frappe-control[data-fieldname='html'] .ace_content")
	editor.click()
	page.keyboard.press("Control+End")
	page.keyboard.press("Enter")
	page.keyboard.type(NEW_WORDS)
	expect(page.locator(".frappe-control[data-fieldname='html'] .ace_text-layer")).to_contain_text(NEW_WORDS)
	page.wait_for_timeout(600)  # the code editor hands its text to the form after a short pause
	page.locator(".frappe-control[data-fieldname='__newname'] input").fill(LETTER_COPY)
	page.keyboard.press("Control+s")
	page.wait_for_url(lambda url: "new-print-format" not in url)
	page.screenshot(path=str(shots / "letter-copied.png"), full_page=True)

	page.goto(f"{browser_url}/app/complaints-settings")
	letter = page.locator(".frappe-control[data-fieldname='outcome_letter_print_format'] input")
	letter.fill(LETTER_COPY)
	letter.locator("xpath=..").get_by_role("option", name=LETTER_COPY, exact=True).click()
	save_form(page)


def add_a_recipient_to_the_alert(page, browser_url):
	page.goto(f"{browser_url}/app/notification/{ALERT}")
	recipients = page.locator(".frappe-control[data-fieldname='recipients']")
	recipients.locator(".grid-add-row").click()
	last_row = recipients.locator(".grid-body .grid-row").last
	last_row.locator("[data-fieldname='receiver_by_role']").click()
	role = last_row.locator("[data-fieldname='receiver_by_role'] input")
	role.fill("QA Service Manager")
	role.locator("xpath=..").get_by_role("option", name="QA Service Manager", exact=True).click()
	save_form(page)


def test_the_manager_reshapes_the_workflow_letter_and_alert(
	page, log_in, browser_url, output_dir, site_as_found
):
	from helpers import Cast

	cast = Cast()
	shots = output_dir / "browser"
	shots.mkdir(exist_ok=True)
	page.set_viewport_size({"width": 1600, "height": 1000})
	log_in(cast.manager)

	reshape_the_workflow(page, browser_url, shots)
	workflow = stored("Workflow", WORKFLOW)
	states = {row.state for row in workflow.states}
	assert RENAMED in states and NEW_STATE in states and "Quality Assurance" not in states
	moves = {(t.state, t.action, t.next_state, t.allowed) for t in workflow.transitions}
	assert ("Approved", NEW_ACTION, NEW_STATE, "Complaints Manager") in moves
	assert (NEW_STATE, "Send Response", "Responded", "Complaints Officer") in moves
	assert ("Investigating", "Submit for QA", RENAMED, "QA Officer") in moves

	copy_and_reword_the_letter(page, browser_url, shots)
	assert NEW_WORDS in stored("Print Format", LETTER_COPY).html
	assert stored("Complaints Settings", "Complaints Settings").outcome_letter_print_format == LETTER_COPY
	add_a_recipient_to_the_alert(page, browser_url)
	assert "QA Service Manager" in {r.receiver_by_role for r in stored("Notification", ALERT).recipients}

	# The real users take a complaint through the changed workflow.
	frappe.set_user("Administrator")
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	assert complaint.workflow_state == RENAMED and complaint.status == "Quality Assurance"
	with on("2026-03-30"):
		complaint = apply_action(complaint, "Approve", cast.approver)
		complaint = apply_action(complaint, NEW_ACTION, cast.manager)
		assert (complaint.workflow_state, complaint.status) == (NEW_STATE, "Approved")
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")  # the new state's edit role
		complaint = apply_action(complaint, "Send Response", cast.officer)
	assert (complaint.workflow_state, complaint.status) == ("Responded", "Responded")
	assert complaint.sent_letter_print_format == LETTER_COPY
	commit()

	# The kept letter carries the new words; the changed alert now reaches the QA Service Manager.
	kept = page.request.get(f"{browser_url}{complaint.sent_letter}")
	assert kept.ok and kept.headers["content-type"] == "application/pdf"
	text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(kept.body())).pages)
	assert NEW_WORDS in " ".join(text.split()) and complaint.name in text
	alert = frappe.get_doc("Notification", ALERT)
	recipients, _cc, _bcc = alert.get_list_of_recipients(complaint, {"doc": complaint})
	assert cast.qa_manager in recipients
