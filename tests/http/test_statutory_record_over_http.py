"""Over HTTP, as the real users: what QA approved cannot be rewritten by REST or set_value, the sent
letter is made by the server and cannot be deleted, and a subject never downloads it."""

import hashlib
import io
import json

import frappe
import pytest
from helpers import apply_action, commit, on, walk_to_quality_assurance
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
