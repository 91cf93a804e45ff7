"""Over HTTP: a complaint's points, findings, subjects, extensions, updates, approvals, attachments and
letter reach nobody who may not see the complaint, by any route Frappe offers. Tried as
(a) a staff subject who holds every complaints role, (b) a QA Officer with nothing allocated and
(c) a Team Manager of another team."""

import json

import frappe
import pytest
from frappe.desk.doctype.tag.tag import add_tag
from frappe.desk.form import assign_to
from helpers import (
	TEST_PASSWORD,
	apply_action,
	as_user,
	commit,
	edit,
	make_team,
	make_user,
	on,
	private_file,
	walk_to_quality_assurance,
)

from complaints_hc.security import roles

SECRET_FINDING = "Sent six weeks late."  # the finding walk_to_quality_assurance records
# The extension proposals' table came after the protection was written and is named nowhere in it: the
# lists and counts find it from the DocTypes' meta.
CHILD_TABLES = ("Complaint Point", "Complaint Subject", "Complaint Extension", "Complaint Update",
	"Complaint Approval", "Complaint Extension Proposal")  # fmt: skip
PROPOSAL_REASON = "The school's records of Kai's attendance are still to come."


@pytest.fixture(scope="module")
def sent(http_cast, outsiders):
	"""A complaint with every child table filled, an attachment, and its letter sent."""
	cast = http_cast
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		edit(complaint, cast.approver, subjects=[{"user": outsiders["subject with every role"],
			"role_in_case": "Team manager at the time"}],
			updates=[{"update_on": "2026-03-30", "summary": "Told Dawn the findings are being checked."}])  # fmt: skip
		agreement = private_file(complaint, cast.officer, "extension-agreement.pdf")
		edit(complaint, cast.approver, extensions=[{"requested_on": "2026-03-27", "new_due_date": "2026-04-20",
			"rationale": "Dawn asked for time to send photos", "complainant_agreed_on": "2026-03-30",
			"agreement_attachment": agreement}])  # fmt: skip
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		complaint = apply_action(complaint, "Send Response", cast.officer)
	attachment = private_file(complaint, cast.officer, "family-letter.pdf")
	frappe.get_doc({"doctype": "Complaint Extension Proposal", "parenttype": "Complaint",
		"parentfield": "extension_proposals", "parent": complaint.name, "idx": 1, "proposed_on": "2026-03-27",
		"new_due_date": "2026-04-20", "rationale": PROPOSAL_REASON, "proposed_by": cast.officer}).db_insert()  # fmt: skip
	complaint.add_comment("Comment", "Dawn rang about the minutes again.")
	with as_user(cast.officer):
		assign_to.add({"assign_to": [cast.qa_officer], "doctype": "Complaint", "name": complaint.name})
		add_tag("needs-follow-up", "Complaint", complaint.name)
	commit()
	return frappe.get_doc("Complaint", complaint.name), attachment


def rows_of(complaint, doctype):
	return frappe.get_all(doctype, {"parenttype": "Complaint", "parent": complaint.name}, pluck="name")


@pytest.mark.parametrize("who", ["subject with every role", "QA Officer, nothing allocated",
	"Team Manager of another team"])  # fmt: skip
def test_child_rows_reach_nobody_who_may_not_see_the_complaint(http, outsiders, sent, who):
	complaint, _attachment = sent
	session = http(outsiders[who])
	name = complaint.name
	for doctype in CHILD_TABLES:
		rows = rows_of(complaint, doctype)
		assert rows, doctype  # the complaint really has such rows
		by_filter = json.dumps([["parent", "=", name]])
		listed = {
			"REST list": session.get(f"/api/resource/{doctype}", params={"parent": "Complaint",
				"filters": by_filter, "fields": json.dumps(["*"])}),
			"client.get_list": session.get("/api/method/frappe.client.get_list", params={"doctype": doctype,
				"parent": "Complaint", "filters": by_filter, "fields": json.dumps(["*"])}),
			"report view": session.post("/api/method/frappe.desk.reportview.get", data={"doctype": doctype,
				"fields": json.dumps([f"`tab{doctype}`.name", f"`tab{doctype}`.parent"]), "filters": by_filter,
				"parent_doctype": "Complaint"}),
			"count": session.get("/api/method/frappe.client.get_count",
				params={"doctype": doctype, "filters": by_filter, "parent": "Complaint"}),
		}  # fmt: skip
		for route, response in listed.items():
			assert response.status_code in (200, 403), f"{doctype} {route}: {response.status_code}"
			body = response.text
			assert not any(row in body for row in rows), f"{doctype} {route}: {body[:300]}"
			assert SECRET_FINDING not in body and PROPOSAL_REASON not in body
			if route == "count" and response.status_code == 200:
				assert response.json()["message"] == 0
		for row in rows:
			single = {
				"REST": session.get(f"/api/resource/{doctype}/{row}"),
				"client.get": session.get("/api/method/frappe.client.get", params={"doctype": doctype, "name": row}),
				"form": session.get("/api/method/frappe.desk.form.load.getdoc", params={"doctype": doctype, "name": row}),
				"print": session.get("/printview", params={"doctype": doctype, "name": row}, headers={"Accept": "text/html"}),
			}  # fmt: skip
			for route, response in single.items():
				assert response.status_code in (403, 404), f"{doctype} {route}: {response.status_code}"
				assert SECRET_FINDING not in response.text and "Dawn" not in response.text
				assert PROPOSAL_REASON not in response.text


@pytest.mark.parametrize("who", ["subject with every role", "QA Officer, nothing allocated",
	"Team Manager of another team"])  # fmt: skip
def test_files_letter_history_and_side_routes_reach_nobody_who_may_not_see(http, outsiders, sent, who):
	complaint, attachment = sent
	session = http(outsiders[who])
	name = complaint.name
	for url in (attachment, complaint.sent_letter):
		download = session.get(url, headers={"Accept": "*/*"})
		assert download.status_code == 403 and not download.content.startswith(b"%PDF"), url
		# a File row of one's own naming the private file would make it downloadable
		borrowed = session.post("/api/method/upload_file", data={"file_url": url, "is_private": 1})
		assert borrowed.status_code == 403, borrowed.text[:300]
		assert session.get(url, headers={"Accept": "*/*"}).status_code == 403
	by_reference = {
		"File": [["attached_to_name", "=", name]],
		"Version": [["docname", "=", name]],
		"Comment": [["reference_name", "=", name]],
		"Communication": [["reference_name", "=", name]],
		"ToDo": [["reference_name", "=", name]],
		"Email Queue": [["reference_name", "=", name]],
	}
	for doctype, filters in by_reference.items():
		response = session.get(f"/api/resource/{doctype}", params={"filters": json.dumps(filters),
			"fields": json.dumps(["name"])})  # fmt: skip
		assert response.status_code in (200, 403), doctype
		assert response.status_code == 403 or response.json()["data"] == [], (
			f"{doctype}: {response.text[:300]}"
		)
	side_routes = {
		"PDF": session.get("/api/method/frappe.utils.print_format.download_pdf",
			params={"doctype": "Complaint", "name": name, "format": "Stage 1 Outcome Letter"}),
		"link title": session.get("/api/method/frappe.desk.search.get_link_title",
			params={"doctype": "Complaint", "docname": name}),
		"linked documents": session.get("/api/method/frappe.desk.form.linked_with.get",
			params={"doctype": "Complaint", "docname": name}),
		"follow": session.post("/api/method/frappe.desk.form.document_follow.update_follow",
			data={"doctype": "Complaint", "doc_name": name, "following": 1}),
		"docinfo": session.get("/api/method/frappe.desk.form.load.get_docinfo",
			params={"doctype": "Complaint", "name": name}),
	}  # fmt: skip
	for route, response in side_routes.items():
		assert response.status_code in (403, 404), f"{route}: {response.status_code} {response.text[:200]}"
		assert "Dawn" not in response.text and SECRET_FINDING not in response.text, route
	searched = session.get("/api/method/frappe.desk.search.search_link", params={"doctype": "Complaint Point",
		"txt": "Late", "ignore_user_permissions": 1, "filters": json.dumps({"parent": name})})  # fmt: skip
	assert searched.status_code in (200, 403) and not any(
		r in searched.text for r in rows_of(complaint, "Complaint Point")
	)
	tagged = session.get("/api/method/frappe.desk.doctype.tag.tag.get_tagged_docs",
		params={"doctype": "Complaint", "tag": "%needs-follow-up%"})  # fmt: skip
	assert tagged.status_code in (200, 403) and name not in tagged.text
	heatmap = session.post("/api/method/frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
		data={"chart": json.dumps({"chart_type": "Count", "type": "Heatmap", "document_type": "Complaint",
			"based_on": "creation", "timeseries": 1}), "heatmap_year": 2026})  # fmt: skip
	assert heatmap.status_code == 403, heatmap.text[:200]
	attachment_name = frappe.db.get_value("File", {"file_url": attachment}, "name")
	emailed = session.post("/api/method/frappe.core.doctype.communication.email.make",
		data={"recipients": "outside@example.org", "subject": "files", "content": "see attached",
			"send_email": 0, "attachments": json.dumps([attachment_name])})  # fmt: skip
	assert emailed.status_code == 403, emailed.text[:200]
	grouped = session.get("/api/method/frappe.desk.listview.get_group_by_count", params={"doctype": "Complaint",
		"current_filters": json.dumps({"name": name}), "field": "assigned_to"})  # fmt: skip
	assert grouped.status_code in (200, 403) and (
		grouped.status_code == 403 or grouped.json()["message"] == []
	)


def test_the_complaints_own_team_still_reads_it_all(http, http_cast, sent):
	complaint, attachment = sent
	officer = http(http_cast.officer)
	points = officer.get("/api/resource/Complaint Point", params={"parent": "Complaint",
		"filters": json.dumps([["parent", "=", complaint.name]]), "fields": json.dumps(["finding"])})  # fmt: skip
	assert points.status_code == 200 and points.json()["data"] == [{"finding": SECRET_FINDING}]
	row = rows_of(complaint, "Complaint Point")[0]
	assert officer.get(f"/api/resource/Complaint Point/{row}").status_code == 200
	proposals = officer.get("/api/resource/Complaint Extension Proposal", params={"parent": "Complaint",
		"filters": json.dumps([["parent", "=", complaint.name]]), "fields": json.dumps(["rationale"])})  # fmt: skip
	assert proposals.status_code == 200 and proposals.json()["data"] == [{"rationale": PROPOSAL_REASON}]
	[proposal] = rows_of(complaint, "Complaint Extension Proposal")
	read = officer.get(f"/api/resource/Complaint Extension Proposal/{proposal}")
	assert read.status_code == 200 and PROPOSAL_REASON in read.text
	assert officer.get(attachment, headers={"Accept": "*/*"}).status_code == 200
	assert officer.get(complaint.sent_letter, headers={"Accept": "*/*"}).content.startswith(b"%PDF")
