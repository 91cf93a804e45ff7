"""Over HTTP: holds, subject access requests and their exports reach only the roles named for them,
and never a staff member named in the complaint they concern."""

import json

import frappe
import pytest
from helpers import TEST_PASSWORD, as_user, commit, make_complaint, make_user

from complaints_hc.security import roles


@pytest.fixture
def request_about_a_named_manager(http_cast):
	"""A complaint naming a Complaints Manager, on hold, and a subject access request prepared about it."""
	frappe.set_user("Administrator")
	named = make_user("named.cm.http", roles.COMPLAINTS_MANAGER, password=TEST_PASSWORD)
	governance = make_user("ig.http", roles.INFORMATION_GOVERNANCE_OFFICER, password=TEST_PASSWORD)
	address = f"sar.{frappe.generate_hash(length=6)}@family.example.org"
	complaint = make_complaint(http_cast, complainant_email=address,
		subjects=[{"user": named, "role_in_case": "Team manager"}])  # fmt: skip
	with as_user(http_cast.manager):
		hold = frappe.get_doc(
			{"doctype": "Complaint Legal Hold", "complaint": complaint.name, "reason": "Ombudsman"}
		).insert()
		request = frappe.get_doc({"doctype": "Subject Access Request", "requester_name": "Joanne Pritchard",
			"requester_is": "The complainant", "received_on": frappe.utils.today(), "subject_emails": address,
			"identity_checked": 1, "identity_evidence": "Driving licence"}).insert()  # fmt: skip
		request.find_records()
		request.reload()
		request.prepare_export()
		request.reload()
	commit()
	return frappe._dict(named=named, governance=governance, complaint=complaint, hold=hold, request=request)


def test_the_named_manager_reaches_none_of_it(http, request_about_a_named_manager):
	r = request_about_a_named_manager
	session = http(r.named)
	for route in (f"/api/resource/Complaint Legal Hold/{r.hold.name}", f"/api/resource/Subject Access Request/{r.request.name}",
		r.request.export_pdf, r.request.export_json, f"/api/resource/Complaint/{r.complaint.name}"):  # fmt: skip
		response = session.get(route)
		assert response.status_code == 403, (route, response.status_code)
	listed = session.get("/api/resource/Subject Access Request", params={"limit_page_length": 0}).json()[
		"data"
	]
	assert r.request.name not in {row["name"] for row in listed}
	holds = session.get("/api/resource/Complaint Legal Hold", params={"limit_page_length": 0}).json()["data"]
	assert r.hold.name not in {row["name"] for row in holds}


def test_information_governance_reviews_the_export_but_reads_no_complaint(
	http, request_about_a_named_manager
):
	r = request_about_a_named_manager
	session = http(r.governance)
	assert session.get(f"/api/resource/Subject Access Request/{r.request.name}").status_code == 200
	exported = session.get(r.request.export_json)
	assert exported.status_code == 200 and r.complaint.name in exported.text
	assert session.get(f"/api/resource/Complaint/{r.complaint.name}").status_code == 403
	released = session.post("/api/method/run_doc_method", data={"dt": "Subject Access Request",
		"dn": r.request.name, "method": "release"})  # fmt: skip
	assert released.status_code == 200, released.text
	frappe.db.rollback()
	assert frappe.db.get_value("Subject Access Request", r.request.name, ["status", "reviewed_by"]) == (
		"Released", r.governance)  # fmt: skip


def test_the_complaints_officer_has_no_requests_or_holds(http, http_cast, request_about_a_named_manager):
	session = http(http_cast.officer)
	for doctype in (
		"Subject Access Request",
		"Complaint Legal Hold",
		"Data Protection Settings",
		"Retention Run",
	):
		assert session.get(f"/api/resource/{doctype}").status_code == 403, doctype
	assert session.post("/api/method/complaints_hc.api.data_protection.run_retention_now").status_code == 403


def test_a_refused_attempt_shows_in_their_own_data_as_the_reference_they_tried(http, http_cast):
	"""A QA Approver named in a complaint tries to open it: their Download My Data carries that attempt,
	refused, with the reference they tried, and nothing else of the complaint."""
	from frappe.website.doctype.personal_data_download_request.personal_data_download_request import (
		get_user_data,
	)

	named = make_user("download.named", roles.QA_APPROVER, password=TEST_PASSWORD)
	complaint = make_complaint(http_cast, subjects=[{"user": named, "role_in_case": "Social worker"}],
		child_name="Tilly Marsh", complainant_name="Dawn Marsh")  # fmt: skip
	commit()
	assert http(named).get(f"/api/resource/Complaint/{complaint.name}").status_code in (403, 404)
	frappe.db.rollback()  # a fresh snapshot: the served site wrote the log
	with as_user(named):  # the staff member's own download
		data = get_user_data(named)
	looks = [row for row in json.loads(data)["Complaint Access Log"] if row["complaint"] == complaint.name]
	assert [(row["reference_name"], row["action"], row["refused"]) for row in looks] == [
		(complaint.name, "Refused", 1)
	]
	assert "Tilly Marsh" not in data and "Dawn Marsh" not in data
