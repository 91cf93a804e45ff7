"""Over HTTP, as the Complaints Manager: the team configures its own service with Frappe's editors,
and nothing of anyone else's; a broken workflow or an unsafe template is refused, and nothing is saved.
The letters and the bulletin come out as real PDFs, on the council's letter head."""

import io
import json

import frappe
import pytest
from helpers import apply_action, as_user, commit, edit, on, walk_to_quality_assurance
from pypdf import PdfReader

WORKFLOW = "Complaint Stage 1"


@pytest.fixture(scope="module")
def someone_elses(http_cast):
	"""Another app's configuration (Frappe's own Note DocType stands in for ERPNext's)."""
	suffix = frappe.generate_hash(length=6)
	notification = frappe.get_doc({"doctype": "Notification", "name": f"Test: new note {suffix}", "subject": "A note",
		"document_type": "Note", "event": "New", "channel": "System Notification", "enabled": 0,
		"message": "New note", "recipients": [{"receiver_by_role": "System Manager"}]}).insert(ignore_permissions=True)  # fmt: skip
	print_format = frappe.get_doc({"doctype": "Print Format", "name": f"Test: note print {suffix}", "doc_type": "Note",
		"module": "Desk", "standard": "No", "custom_format": 1, "print_format_type": "Jinja",
		"html": "<p>{{ doc.title }}</p>"}).insert(ignore_permissions=True)  # fmt: skip
	commit()
	return {"Notification": notification.name, "Print Format": print_format.name}


def data(response):
	return response.json().get("data")


def test_the_manager_reads_and_edits_the_services_own_configuration(http, http_cast):
	manager = http(http_cast.manager)
	workflows = data(
		manager.get("/api/resource/Workflow", params={"fields": json.dumps(["name", "document_type"])})
	)
	app_doctypes = set(frappe.get_all("DocType", {"module": "Complaints HC"}, pluck="name"))
	assert {w["document_type"] for w in workflows} <= app_doctypes
	assert {WORKFLOW, "Stage 2 Investigation", "Stage 3 Review Panel"} <= {w["name"] for w in workflows}
	assert manager.get(f"/api/resource/Workflow/{WORKFLOW}").status_code == 200
	original = data(manager.get("/api/resource/Email Template/Complaint received"))["subject"]
	template = manager.put("/api/resource/Email Template/Complaint received",
		json={"subject": "We have your complaint: {{ doc.name }}"})  # fmt: skip
	assert template.status_code == 200, template.text[:300]
	assert manager.put("/api/resource/Email Template/Complaint received", json={"subject": original}).ok
	created = manager.post("/api/resource/Notification", json={"name": f"Team: closed {frappe.generate_hash(length=6)}",
		"subject": "{{ doc.name }} closed", "document_type": "Complaint", "event": "Value Change", "enabled": 0,
		"value_changed": "status", "channel": "Email", "message": "Closed on {{ frappe.utils.formatdate(doc.closed_on) }}",
		"recipients": [{"receiver_by_document_field": "complaints_officer"}]})  # fmt: skip
	assert created.status_code == 200, created.text[:300]


def test_nothing_of_anyone_elses_is_within_reach(http, http_cast, someone_elses):
	manager = http(http_cast.manager)
	for doctype, name in someone_elses.items():
		listed = data(manager.get(f"/api/resource/{doctype}", params={"limit_page_length": 0}))
		assert name not in {row["name"] for row in listed}, doctype
		assert manager.get(f"/api/resource/{doctype}/{name}").status_code == 403, doctype
		changed = manager.put(f"/api/resource/{doctype}/{name}", json={"disabled": 1, "enabled": 0})
		assert changed.status_code == 403, doctype
	made = manager.post("/api/resource/Notification", json={"name": "Team: notes", "subject": "x",
		"document_type": "Note", "event": "New", "channel": "Email", "message": "x"})  # fmt: skip
	assert made.status_code == 403
	repointed = manager.put(f"/api/resource/Workflow/{WORKFLOW}", json={"document_type": "Note"})
	assert repointed.status_code in (403, 417)
	assert manager.get("/api/resource/System Settings/System Settings").status_code == 403
	assert (
		manager.put(
			"/api/resource/System Settings/System Settings", json={"enable_password_policy": 0}
		).status_code
		== 403
	)
	frappe.db.rollback()
	assert frappe.db.get_value("Workflow", WORKFLOW, "document_type") == "Complaint"
	assert not frappe.db.exists("Notification", "Team: notes")


def test_a_broken_workflow_is_refused_saying_which_state_and_why(http, http_cast):
	manager = http(http_cast.manager)
	workflow = data(manager.get(f"/api/resource/Workflow/{WORKFLOW}"))
	for state in workflow["states"]:
		if state["state"] == "Withdrawn":
			state["update_value"] = "Parked"  # not a lifecycle status
	kept = [t for t in workflow["transitions"] if t["next_state"] != "Closed"]  # nothing reaches Closed
	refused = manager.put(f"/api/resource/Workflow/{WORKFLOW}",
		json={"states": workflow["states"], "transitions": kept})  # fmt: skip
	assert refused.status_code == 417, refused.text[:300]
	for expected in ("State <strong>Withdrawn</strong>: it does not set Status",
		"State <strong>Closed</strong>: no transition leads to it",
		"State <strong>Responded</strong>: no transition leads out of it"):  # fmt: skip
		assert expected in refused.text, expected
	frappe.db.rollback()
	assert frappe.db.get_value("Workflow Document State", {"parent": WORKFLOW, "state": "Withdrawn"},
		"update_value") == "Withdrawn"  # fmt: skip
	assert frappe.db.count("Workflow Transition", {"parent": WORKFLOW, "next_state": "Closed"}) > 0


def test_unsafe_templates_and_letter_head_scripts_are_refused(http, http_cast):
	manager = http(http_cast.manager)
	sneaky = manager.put("/api/resource/Email Template/Complaint received",
		json={"response_html": "{{ frappe.db.set_value('User', 'Administrator', 'enabled', 0) }}"})  # fmt: skip
	assert sneaky.status_code == 403 and "frappe.db.set_value" in sneaky.text
	scripted = manager.post("/api/resource/Letter Head", json={"letter_head_name": "Scripted", "source": "HTML",
		"content": "<p>Council</p>", "header_script": "alert(1)"})  # fmt: skip
	assert scripted.status_code == 403
	frappe.db.rollback()
	assert not frappe.db.exists("Letter Head", "Scripted")
	assert "set_value" not in (
		frappe.db.get_value("Email Template", "Complaint received", "response_html") or ""
	)


@pytest.fixture(scope="module")
def letter_head(http_cast):
	manager_session_values = {"letter_head_name": "Council Children's Services", "source": "HTML",
		"content": "<p>Westshire Council Children's Services Complaints Team</p>", "is_default": 1}  # fmt: skip
	with as_user(http_cast.manager):
		if not frappe.db.exists("Letter Head", manager_session_values["letter_head_name"]):
			frappe.get_doc({"doctype": "Letter Head", **manager_session_values}).insert()
	commit()
	return "Westshire Council Children's Services Complaints Team"


def pdf_text(response) -> str:
	assert response.status_code == 200 and response.content.startswith(b"%PDF"), response.text[:300]
	text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
	return " ".join(text.split())  # words come out apart by tabs and line breaks


def test_each_letter_and_the_bulletin_download_as_pdf_on_the_letter_head(http, http_cast, letter_head):
	cast = http_cast
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		edit(complaint, cast.approver, preferred_contact_method="Letter",
			complainant_address="12 Orchard Way\nWestbury\nWS1 2AB")  # fmt: skip
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		complaint = apply_action(complaint, "Send Response", cast.officer)
	with as_user(cast.qa_manager):
		bulletin = (
			frappe.db.exists("Learning Bulletin", {"quarter": "2025-26 Q4"})
			or frappe.get_doc({"doctype": "Learning Bulletin", "quarter": "2025-26 Q4"}).insert().name
		)
		bulletin = frappe.get_doc("Learning Bulletin", bulletin)
	commit()
	officer = http(cast.officer)
	for print_format in ("Stage 1 Outcome Letter", "Stage 1 Outcome Letter (Young Person)"):
		text = pdf_text(officer.get("/api/method/frappe.utils.print_format.download_pdf",
			params={"doctype": "Complaint", "name": complaint.name, "format": print_format}))  # fmt: skip
		assert complaint.name in text and letter_head in text, print_format
		assert "12 Orchard Way" in text and "WS1 2AB" in text
	text = pdf_text(http(cast.qa_manager).get("/api/method/frappe.utils.print_format.download_pdf",
		params={"doctype": "Learning Bulletin", "name": bulletin.name, "format": "Learning Bulletin"}))  # fmt: skip
	assert bulletin.title in text and letter_head in text


def test_a_change_is_on_record_and_can_be_undone_from_that_history(http, http_cast):
	manager = http(http_cast.manager)
	name = "Complaint response overdue"
	before = data(manager.get(f"/api/resource/Notification/{name}"))
	changed = manager.put(f"/api/resource/Notification/{name}", json={"subject": "Late: {{ doc.name }}",
		"recipients": [{"receiver_by_role": "Complaints Manager"}]})  # fmt: skip
	assert changed.status_code == 200, changed.text[:300]
	history = data(manager.get("/api/resource/Configuration Change", params={
		"filters": json.dumps([["reference_name", "=", name]]),
		"fields": json.dumps(["name", "changed_by", "changed_fields"]), "order_by": "changed_on desc"}))  # fmt: skip
	latest = history[0]
	assert latest["changed_by"] == http_cast.manager
	assert "Subject" in latest["changed_fields"] and "Recipients" in latest["changed_fields"]
	officer = http(http_cast.officer)
	assert officer.post("/api/method/complaints_hc.api.configuration.undo_change",
		data={"change": latest["name"]}).status_code == 403  # fmt: skip
	undone = manager.post(
		"/api/method/complaints_hc.api.configuration.undo_change", data={"change": latest["name"]}
	)
	assert undone.status_code == 200, undone.text[:300]
	after = data(manager.get(f"/api/resource/Notification/{name}"))
	assert after["subject"] == before["subject"]
	assert [r.get("receiver_by_document_field") for r in after["recipients"]] == [
		r.get("receiver_by_document_field") for r in before["recipients"]
	]


def test_renaming_one_row_of_a_state_renames_the_state_and_moves_its_records(http, http_cast):
	"""What the workflow builder sends when a state is renamed: one of the state's rows, renamed."""
	cast = http_cast
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	commit()
	manager = http(cast.manager)
	second_look = f"Second Look {frappe.generate_hash(length=5)}"
	assert manager.post("/api/resource/Workflow State", json={"workflow_state_name": second_look}).ok
	workflow = data(manager.get(f"/api/resource/Workflow/{WORKFLOW}"))
	original = {"states": [dict(row) for row in workflow["states"]], "transitions": workflow["transitions"]}
	first_qa_row = next(row for row in workflow["states"] if row["state"] == "Quality Assurance")
	first_qa_row["state"] = second_look
	try:
		renamed = manager.put(f"/api/resource/Workflow/{WORKFLOW}", json={"states": workflow["states"]})
		assert renamed.ok, renamed.text[:300]
		frappe.db.rollback()
		states = frappe.get_all("Workflow Document State", {"parent": WORKFLOW}, pluck="state")
		assert "Quality Assurance" not in states and states.count(second_look) == 2
		assert frappe.db.count("Workflow Transition", {"parent": WORKFLOW, "next_state": second_look}) == 1
		assert frappe.db.count("Workflow Transition", {"parent": WORKFLOW, "state": second_look}) == 6
		assert frappe.db.get_value("Complaint", complaint.name, ["workflow_state", "status"]) == (
			second_look,
			"Quality Assurance",
		)
	finally:
		restored = manager.put(f"/api/resource/Workflow/{WORKFLOW}", json=original)
		assert restored.ok, restored.text[:300]
	frappe.db.rollback()
	assert frappe.db.get_value("Complaint", complaint.name, "workflow_state") == "Quality Assurance"
	assert second_look not in frappe.get_all("Workflow Document State", {"parent": WORKFLOW}, pluck="state")


def test_the_team_changes_only_the_state_names_its_own_workflows_use(http, http_cast):
	manager = http(http_cast.manager)
	shared = f"Awaiting Sign-off {frappe.generate_hash(length=5)}"
	frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": shared}).insert(
		ignore_permissions=True
	)
	frappe.get_doc({"doctype": "Workflow", "workflow_name": f"Notes {shared}", "document_type": "Note",
		"is_active": 0, "workflow_state_field": "workflow_state", "states": [{"state": shared, "doc_status": "0",
		"allow_edit": "System Manager"}], "transitions": []}).insert(ignore_permissions=True)  # fmt: skip
	commit()
	assert manager.put(f"/api/resource/Workflow State/{shared}", json={"style": "Danger"}).status_code == 403
	own = f"Letter Ready {frappe.generate_hash(length=5)}"
	assert manager.post("/api/resource/Workflow State", json={"workflow_state_name": own}).ok
	restyled = manager.put(f"/api/resource/Workflow State/{own}", json={"style": "Success"})
	assert restyled.ok, restyled.text[:300]
	frappe.db.rollback()
	assert frappe.db.get_value("Workflow State", shared, "style") != "Danger"
	assert frappe.db.get_value("Workflow State", own, "style") == "Success"
