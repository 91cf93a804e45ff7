"""Over HTTP, as the real users: what QA approved cannot be rewritten by REST or set_value, the sent
letter is made by the server and cannot be deleted, and a subject never downloads it."""

import hashlib
import io
import json

import frappe
import pytest
from helpers import apply_action, as_user, commit, edit, make_complaint, on, walk_to_quality_assurance
from pypdf import PdfReader

RESOURCE = "/api/resource/Complaint"


def fresh(doctype, name, field):
	frappe.db.rollback()  # a fresh snapshot: the server changed (or did not change) the row
	return frappe.db.get_value(doctype, name, field)


@pytest.fixture(scope="module")
def approved(http_cast):
	complaint = walk_to_quality_assurance(http_cast, http_cast.qa_officer)
	with on("2026-03-30"):
		complaint = apply_action(complaint, "Approve", http_cast.approver)
	commit()
	return complaint


def test_approved_findings_cannot_be_rewritten_by_put_or_set_value(http, http_cast, approved):
	officer = http(http_cast.officer)
	point = approved.points[0]
	put = officer.put(f"{RESOURCE}/{approved.name}",
		json={"points": [{"name": point.name, "description": point.description, "category": point.category,
			"outcome": "Not upheld", "finding": "Rewritten after approval"}]})  # fmt: skip
	assert put.status_code == 403 and "Quality assurance approved" in put.text, put.text[:300]
	set_row = officer.post("/api/method/frappe.client.set_value",
		data={"doctype": "Complaint Point", "name": point.name, "fieldname": "finding", "value": "Rewritten"})  # fmt: skip
	assert set_row.status_code == 403, set_row.text[:300]
	assert fresh("Complaint Point", point.name, "finding") == "Sent six weeks late."


def test_a_workflow_action_cannot_carry_a_rewritten_finding(http, http_cast):
	"""apply_workflow acts on the stored complaint: a finding rewritten in the request is not what is sent."""
	complaint = walk_to_quality_assurance(http_cast, http_cast.qa_officer)
	with on("2026-03-30"):
		complaint = apply_action(complaint, "Approve", http_cast.approver)
	commit()
	officer = http(http_cast.officer)
	assert officer.put(f"{RESOURCE}/{complaint.name}", json={"response_sent_to_manager_on": "2026-03-31"}).ok
	doc = officer.get(f"{RESOURCE}/{complaint.name}").json()["data"]
	doc["points"][0]["finding"] = "Rewritten on the way out"
	sent = officer.post("/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(doc), "action": "Send Response"})  # fmt: skip
	assert sent.status_code == 200, sent.text[:300]
	assert fresh("Complaint Point", complaint.points[0].name, "finding") == "Sent six weeks late."
	letter = officer.get(fresh("Complaint", complaint.name, "sent_letter"), headers={"Accept": "*/*"})
	text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(letter.content)).pages)
	assert "Sent six weeks late." in " ".join(text.split()) and "Rewritten" not in text


def test_the_received_date_is_not_the_officers_to_change(http, http_cast, approved):
	response = http(http_cast.officer).put(f"{RESOURCE}/{approved.name}",
		json={"received_on": "2026-03-16", "received_on_change_reason": "Typo"})  # fmt: skip
	assert response.status_code == 403 and "Only a Complaints Manager" in response.text
	assert str(fresh("Complaint", approved.name, "received_on")) == "2026-03-23"


def test_the_letter_is_made_at_sending_and_stays(http, http_cast, approved):
	officer = http(http_cast.officer)
	assert officer.put(f"{RESOURCE}/{approved.name}", json={"response_sent_to_manager_on": "2026-03-31"}).ok
	doc = officer.get(f"{RESOURCE}/{approved.name}").json()["data"]
	sent = officer.post("/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(doc), "action": "Send Response"})  # fmt: skip
	assert sent.status_code == 200, sent.text[:500]
	letter_url = fresh("Complaint", approved.name, "sent_letter")
	sha = fresh("Complaint", approved.name, "sent_letter_sha256")
	assert letter_url.startswith("/private/files/")

	download = officer.get(letter_url, headers={"Accept": "*/*"})
	assert download.status_code == 200 and download.content.startswith(b"%PDF")
	assert hashlib.sha256(download.content).hexdigest() == sha

	file_name = frappe.db.get_value("File", {"file_url": letter_url}, "name")
	manager = http(http_cast.manager)
	deleted = manager.delete(f"/api/resource/File/{file_name}")
	assert deleted.status_code in (403, 417), deleted.text[:300]
	renamed = manager.put(f"/api/resource/File/{file_name}", json={"file_name": "changed.pdf"})
	assert renamed.status_code in (403, 417), renamed.text[:300]
	assert fresh("File", file_name, "file_url") == letter_url

	subject = http(http_cast.subject)
	refused = subject.get(letter_url, headers={"Accept": "*/*"})
	assert refused.status_code == 403 and not refused.content.startswith(b"%PDF")


# --- the guards of each state hold over REST as they do in the desk ---------------------------------


def test_the_states_edit_role_holds_over_put_and_set_value(http, http_cast):
	"""In quality assurance only the approvers edit: the QA Officer who drafted it is refused by every route."""
	complaint = walk_to_quality_assurance(http_cast, http_cast.qa_officer)
	commit()
	drafter = http(http_cast.qa_officer)
	assert drafter.get(f"{RESOURCE}/{complaint.name}").status_code == 200  # they may read it
	point = complaint.points[0]
	put = drafter.put(f"{RESOURCE}/{complaint.name}", json={"points": [{"name": point.name,
		"description": point.description, "category": point.category, "outcome": "Upheld",
		"finding": "Rewritten in quality assurance"}]})  # fmt: skip
	assert put.status_code == 403 and "only QA Approver or QA Service Manager" in put.text, put.text[:300]
	set_value = drafter.post("/api/method/frappe.client.set_value", data={"doctype": "Complaint",
		"name": complaint.name, "fieldname": "complainant_phone", "value": "07700 900321"})  # fmt: skip
	assert set_value.status_code == 403 and "only QA Approver or QA Service Manager" in set_value.text
	assert fresh("Complaint Point", point.name, "finding") == "Sent six weeks late."
	assert fresh("Complaint", complaint.name, "complainant_phone") is None


def responded(http_cast):
	complaint = walk_to_quality_assurance(http_cast, http_cast.qa_officer)
	with on("2026-03-30"):
		apply_action(complaint, "Approve", http_cast.approver)
		edit(complaint, http_cast.officer, response_sent_to_manager_on="2026-03-30")
		complaint = apply_action(complaint, "Send Response", http_cast.officer)
	commit()
	return complaint


@pytest.mark.parametrize("route", ["put", "set_value"])
def test_what_closing_needs_holds_over_put_and_set_value(http, http_cast, route):
	complaint = responded(http_cast)
	officer = http(http_cast.officer)
	if route == "put":
		response = officer.put(f"{RESOURCE}/{complaint.name}", json={"workflow_state": "Closed"})
	else:
		response = officer.post("/api/method/frappe.client.set_value", data={"doctype": "Complaint",
			"name": complaint.name, "fieldname": "workflow_state", "value": "Closed"})  # fmt: skip
	assert response.status_code == 417 and "To close the complaint: record" in response.text, response.text[
		:300
	]
	assert fresh("Complaint", complaint.name, "status") == "Responded"


def test_naming_a_subject_over_rest_takes_away_their_share_and_assignment(http, http_cast):
	from frappe.desk.form import assign_to
	from frappe.share import add as share

	complaint = make_complaint(http_cast, subjects=[])
	with as_user(http_cast.officer):
		assign_to.add({"doctype": "Complaint", "name": complaint.name, "assign_to": [http_cast.approver]})
		share("Complaint", complaint.name, http_cast.approver, read=1)
	commit()
	approver = http(http_cast.approver)
	assert approver.get(f"{RESOURCE}/{complaint.name}").status_code == 200
	named = http(http_cast.officer).put(f"{RESOURCE}/{complaint.name}",
		json={"subjects": [{"user": http_cast.approver, "role_in_case": "Signed off the plan"}]})  # fmt: skip
	assert named.ok, named.text[:300]
	frappe.db.rollback()
	assert not frappe.get_all("DocShare", {"share_doctype": "Complaint", "share_name": complaint.name,
		"user": http_cast.approver})  # fmt: skip
	assert not frappe.get_all("ToDo", {"reference_name": complaint.name, "allocated_to": http_cast.approver,
		"status": "Open"})  # fmt: skip
	assert approver.get(f"{RESOURCE}/{complaint.name}").status_code == 403


def test_a_file_uploaded_to_a_complaint_is_made_private(http, http_cast):
	complaint = make_complaint(http_cast)
	commit()
	uploaded = http(http_cast.officer).post("/api/method/upload_file", data={"doctype": "Complaint",
		"docname": complaint.name, "is_private": 0}, files={"file": ("notes.txt", b"Call notes, 24 March")})  # fmt: skip
	assert uploaded.status_code == 200, uploaded.text[:300]
	file = uploaded.json()["message"]
	assert file["is_private"] == 1 and file["file_url"].startswith("/private/files/")
	assert http(http_cast.subject).get(file["file_url"], headers={"Accept": "*/*"}).status_code == 403
