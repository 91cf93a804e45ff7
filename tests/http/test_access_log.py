"""Every look at a complaint is on record: opens, prints, PDFs, files, the sent letter and exports by
real users; a staff subject's attempt is refused, logged and alerts the Complaints Manager; only the
complaints managers read the log and nobody but a System Manager deletes it."""

import json

import frappe
import pytest
from helpers import (
	TEST_PASSWORD,
	answered_at_stage_2,
	apply_action,
	commit,
	edit,
	make_action,
	make_user,
	on,
	private_file,
	walk_to_quality_assurance,
)

from complaints_hc.security import roles


def log_of(complaint: str, user: str) -> list[str]:
	frappe.db.rollback()  # a fresh snapshot: the served site wrote the log
	return frappe.get_all("Complaint Access Log", {"complaint": complaint, "user": user}, pluck="action",
		order_by="accessed_at")  # fmt: skip


@pytest.fixture(scope="module")
def sent(http_cast):
	cast = http_cast
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		complaint = apply_action(complaint, "Send Response", cast.officer)
	attachment = private_file(complaint, cast.officer, "family-letter.pdf")
	commit()
	return complaint, attachment


def test_each_kind_of_look_is_logged_for_the_person_who_looked(http, http_cast, sent):
	complaint, attachment = sent
	name = complaint.name
	looker = make_user("looking.manager", roles.QA_SERVICE_MANAGER, password=TEST_PASSWORD)
	commit()
	session = http(looker)
	assert session.get(
		"/api/method/frappe.desk.form.load.getdoc", params={"doctype": "Complaint", "name": name}
	).ok
	assert session.get(
		"/printview", params={"doctype": "Complaint", "name": name}, headers={"Accept": "text/html"}
	).ok
	assert session.get("/api/method/frappe.utils.print_format.download_pdf",
		params={"doctype": "Complaint", "name": name, "format": "Stage 1 Outcome Letter"}).ok  # fmt: skip
	assert session.get(attachment, headers={"Accept": "*/*"}).ok
	assert session.get(complaint.sent_letter, headers={"Accept": "*/*"}).ok
	assert session.get(f"/api/resource/Complaint/{name}").ok
	exported = session.post("/api/method/frappe.desk.reportview.export_query", data={"doctype": "Complaint",
		"file_format_type": "CSV", "fields": json.dumps(["`tabComplaint`.`name`"]),
		"filters": json.dumps([["Complaint", "name", "=", name]]), "title": "Complaints"})  # fmt: skip
	assert exported.ok and name in exported.text
	assert log_of(name, looker) == [
		"Opened", "Printed", "Downloaded PDF", "Downloaded file", "Downloaded the sent letter", "Read", "Exported",
	]  # fmt: skip


def test_a_subjects_attempt_is_refused_logged_and_alerts_the_complaints_manager(http, http_cast, sent):
	complaint, _attachment = sent
	name = complaint.name
	subject = http(http_cast.subject)  # named in the complaint, holds QA roles
	refused = subject.get(
		"/api/method/frappe.desk.form.load.getdoc", params={"doctype": "Complaint", "name": name}
	)
	assert refused.status_code == 403
	assert log_of(name, http_cast.subject) == ["Refused"]
	alerts = frappe.get_all("Email Queue", {"reference_doctype": "Complaint", "reference_name": name},
		pluck="name")  # fmt: skip
	messages = [frappe.db.get_value("Email Queue", q, "message") for q in alerts]
	attempt = [m for m in messages if "a staff member named in it tried to open it" in m]
	assert len(attempt) == 1 and http_cast.subject in attempt[0]
	recipients = frappe.get_all("Email Queue Recipient", {"parent": ["in", alerts]}, pluck="recipient")
	assert http_cast.manager in recipients and http_cast.subject not in recipients


def test_only_the_complaints_managers_read_the_log_and_nobody_changes_it(http, http_cast, sent):
	complaint, _attachment = sent
	manager, officer = http(http_cast.manager), http(http_cast.officer)
	listed = manager.get("/api/resource/Complaint Access Log", params={"filters": json.dumps(
		[["complaint", "=", complaint.name]]), "fields": json.dumps(["name", "user", "action"])})  # fmt: skip
	assert listed.status_code == 200 and listed.json()["data"], listed.text[:200]
	entry = listed.json()["data"][0]["name"]
	assert officer.get("/api/resource/Complaint Access Log").status_code == 403
	assert officer.get(f"/api/resource/Complaint Access Log/{entry}").status_code == 403
	for session in (officer, manager):
		assert session.delete(f"/api/resource/Complaint Access Log/{entry}").status_code == 403
		assert (
			session.put(f"/api/resource/Complaint Access Log/{entry}", json={"action": "Read"}).status_code
			== 403
		)
	report = manager.get("/api/method/frappe.desk.query_report.run", params={"report_name": "Complaint Data Access",
		"filters": json.dumps({"from_date": "2000-01-01", "to_date": "2100-01-01", "complaint": complaint.name})})  # fmt: skip
	assert report.status_code == 200 and report.json()["message"]["result"]
	assert officer.get("/api/method/frappe.desk.query_report.run",
		params={"report_name": "Complaint Data Access", "filters": "{}"}).status_code == 403  # fmt: skip
	frappe.db.rollback()
	assert frappe.db.exists("Complaint Access Log", entry)


def looks_at(reference_doctype: str, reference_name: str, user: str) -> list[str]:
	frappe.db.rollback()  # a fresh snapshot: the served site wrote the log
	return frappe.get_all("Complaint Access Log", {"reference_doctype": reference_doctype,
		"reference_name": reference_name, "user": user}, pluck="action", order_by="accessed_at")  # fmt: skip


def test_each_look_at_an_action_and_at_the_journey_is_logged(http, http_cast, sent):
	complaint, _attachment = sent
	with on("2026-03-31"):
		action = make_action(complaint, http_cast.officer, responsible=http_cast.team_manager)
	looker = make_user("looking.at.actions", roles.QA_SERVICE_MANAGER, password=TEST_PASSWORD)
	commit()
	session = http(looker)
	assert session.get("/api/method/frappe.desk.form.load.getdoc",
		params={"doctype": "Complaint Action", "name": action.name}).ok  # fmt: skip
	assert session.get(f"/api/resource/Complaint Action/{action.name}").ok
	assert session.get("/printview", params={"doctype": "Complaint Action", "name": action.name},
		headers={"Accept": "text/html"}).ok  # fmt: skip
	assert looks_at("Complaint Action", action.name, looker) == ["Opened", "Read", "Printed"]
	journey = session.get(
		"/api/method/complaints_hc.api.journey.complaint_journey", params={"complaint": complaint.name}
	)
	assert journey.ok and journey.json()["message"], journey.text[:300]
	assert looks_at("Complaint", complaint.name, looker) == ["Read"]


def test_each_look_at_stage_2_is_logged_and_so_is_a_subjects_attempt(http, http_cast):
	complaint = answered_at_stage_2(http_cast)  # names http_cast.subject, a QA Approver
	[stage_2] = frappe.get_all("Stage 2 Investigation", {"complaint": complaint.name}, pluck="name")
	looker = make_user("looking.at.stage.2", roles.QA_SERVICE_MANAGER, password=TEST_PASSWORD)
	commit()
	session = http(looker)
	assert session.get("/api/method/frappe.desk.form.load.getdoc",
		params={"doctype": "Stage 2 Investigation", "name": stage_2}).ok  # fmt: skip
	assert session.get(f"/api/resource/Stage 2 Investigation/{stage_2}").ok
	assert looks_at("Stage 2 Investigation", stage_2, looker) == ["Opened", "Read"]
	refused = http(http_cast.subject).get(f"/api/resource/Stage 2 Investigation/{stage_2}")
	assert refused.status_code in (403, 404)
	assert looks_at("Stage 2 Investigation", stage_2, http_cast.subject) == ["Refused"]
