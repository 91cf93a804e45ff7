"""Over HTTP, as real users: every route to a complaint for a staff subject, and approval bypasses.

A staff subject here holds the QA Officer and QA Approver roles, so the DocType itself is readable
to them: only the app's row-level rules stand between them and the complaint about them.
"""

import json

import frappe
import pytest
from helpers import (
	commit,
	make_category,
	make_complaint,
	make_user,
	private_file,
	walk_to_quality_assurance,
)

from complaints_hc.security import roles

RESOURCE = "/api/resource/Complaint"


def stored(name: str, field: str):
	frappe.db.rollback()  # a fresh snapshot: the server changed (or did not change) the row
	return frappe.db.get_value("Complaint", name, field)


@pytest.fixture(scope="module")
def about_the_subject(http_cast):
	"""A complaint naming http_cast.subject, with a point, a private attachment and a comment."""
	family = f"Ravenscroft-Lyle-{frappe.generate_hash(length=5)}"  # this run's alone: the site keeps others
	complaint = make_complaint(http_cast, complainant_name=f"Dawn {family}", child_name=f"Tyrone {family}",
		points=[{"description": "Late minutes at the conference", "category": make_category()}])  # fmt: skip
	file_url = private_file(complaint, http_cast.officer, "complaint-letter.pdf")
	complaint.add_comment("Comment", "Spoke to Dawn about the late minutes.")
	commit()
	return complaint, file_url


@pytest.fixture(scope="module")
def drafted_by_an_approver(http_cast):
	"""A complaint in quality assurance, drafted by a QA Officer who also holds the QA Approver role."""
	drafter = make_user("http.drafter", roles.QA_OFFICER, roles.QA_APPROVER, password="Test-Complaints-2026")
	complaint = walk_to_quality_assurance(http_cast, drafter)
	commit()
	return complaint, drafter


# --- a staff subject gets nothing, by any route -------------------------------------------------


def test_subject_cannot_read_the_complaint_by_any_route(http, http_cast, about_the_subject):
	complaint, file_url = about_the_subject
	name = complaint.name
	subject = http(http_cast.subject)

	refused = {
		"REST": subject.get(f"{RESOURCE}/{name}"),
		"form load": subject.get("/api/method/frappe.desk.form.load.getdoc", params={"doctype": "Complaint", "name": name}),
		"docinfo": subject.get("/api/method/frappe.desk.form.load.get_docinfo", params={"doctype": "Complaint", "name": name}),
		"private file": subject.get(file_url, headers={"Accept": "*/*"}),
		"count of subjects": subject.get("/api/method/frappe.client.get_count", params={"doctype": "Complaint Subject"}),
	}  # fmt: skip
	for route, response in refused.items():
		assert response.status_code == 403, f"{route}: {response.status_code} {response.text[:200]}"
		assert "Tyrone" not in response.text and "Ravenscroft-Lyle" not in response.text, route

	# The print view: the officer's copy shows the child; the subject's answer is a refusal page.
	print_view = {"doctype": "Complaint", "name": name}
	officer_copy = http(http_cast.officer).get(
		"/printview", params=print_view, headers={"Accept": "text/html"}
	)
	assert officer_copy.status_code == 200 and "Tyrone Ravenscroft-Lyle" in officer_copy.text
	subject_copy = subject.get("/printview", params=print_view, headers={"Accept": "text/html"})
	assert subject_copy.status_code in (403, 404) and "Tyrone" not in subject_copy.text

	# get_value filters through the permission-aware list: an empty answer, not an error.
	value = subject.get("/api/method/frappe.client.get_value",
		params={"doctype": "Complaint", "filters": json.dumps({"name": name}), "fieldname": "child_name"})  # fmt: skip
	assert value.status_code in (200, 403) and not value.json().get("message"), value.text[:200]


def family_of(complaint) -> str:
	return complaint.complainant_name.split(" ", 1)[1]


def what_each_route_finds(session, complaint) -> dict[str, bool]:
	"""Whether each list, count and search route turns up the complaint or something of it."""
	name = complaint.name
	found = {}
	listed = session.get(RESOURCE, params={"fields": json.dumps(["name"]), "limit_page_length": 0})
	assert listed.status_code == 200, listed.text[:200]
	found["REST list"] = name in {row["name"] for row in listed.json()["data"]}
	for label, params in (("by name", {"name": name}), ("by complainant", {"complainant_name": ["like",
		f"%{family_of(complaint)}%"]}), ("by child", {"child_name": ["like", f"%Tyrone {family_of(complaint)}%"]})):  # fmt: skip
		for method in ("frappe.client.get_count", "frappe.desk.reportview.get_count"):
			counted = session.get(f"/api/method/{method}", params={"doctype": "Complaint",
				"filters": json.dumps(params)})  # fmt: skip
			assert counted.status_code == 200, counted.text[:200]
			found[f"{method} {label}"] = counted.json()["message"] > 0
	view = session.post("/api/method/frappe.desk.reportview.get", data={"doctype": "Complaint",
		"fields": json.dumps(["`tabComplaint`.`name`"]), "page_length": 500})  # fmt: skip
	assert view.status_code == 200, view.text[:200]
	found["report view"] = name in view.text
	for ignore in (0, 1):
		search = session.get("/api/method/frappe.desk.search.search_link",
			params={"doctype": "Complaint", "txt": name, "ignore_user_permissions": ignore})  # fmt: skip
		assert search.status_code == 200, search.text[:200]
		found[f"link search {ignore}"] = name in search.text
	by_reference = {
		"files": ("File", "attached_to_name", "file_name", "complaint-letter"),
	}
	for label, (doctype, field, shown, text) in by_reference.items():
		rows = session.get(f"/api/resource/{doctype}", params={"filters": json.dumps([[field, "=", name]]),
			"fields": json.dumps([shown])})  # fmt: skip
		assert rows.status_code in (200, 403), rows.text[:200]
		found[label] = rows.status_code == 200 and text in rows.text
	points = session.get("/api/resource/Complaint Point", params={"parent": "Complaint",
		"filters": json.dumps([["parent", "=", name]]), "fields": json.dumps(["description"])})  # fmt: skip
	assert points.status_code in (200, 403), points.text[:200]
	found["points"] = points.status_code == 200 and "Late minutes at the conference" in points.text
	return found


def test_subject_does_not_find_it_in_lists_counts_or_searches(http, http_cast, about_the_subject):
	complaint, _file_url = about_the_subject
	by_the_officer = what_each_route_finds(http(http_cast.officer), complaint)
	assert all(by_the_officer.values()), by_the_officer  # each route would show it to someone who may see it
	by_the_subject = what_each_route_finds(http(http_cast.subject), complaint)
	assert not any(by_the_subject.values()), by_the_subject


def test_subject_cannot_be_given_access_by_sharing_or_assignment(http, http_cast, about_the_subject):
	complaint, _file_url = about_the_subject
	officer = http(http_cast.officer)
	shared = officer.post("/api/method/frappe.share.add",
		data={"doctype": "Complaint", "name": complaint.name, "user": http_cast.subject, "read": 1})  # fmt: skip
	assert shared.status_code == 403, shared.text[:300]
	assigned = officer.post("/api/method/frappe.desk.form.assign_to.add",
		data={"doctype": "Complaint", "name": complaint.name, "assign_to": json.dumps([http_cast.subject])})  # fmt: skip
	assert assigned.status_code == 403, assigned.text[:300]
	assert http(http_cast.subject).get(f"{RESOURCE}/{complaint.name}").status_code == 403


def test_ordinary_staff_and_portal_users_see_no_complaint(http, http_cast, about_the_subject):
	complaint, _file_url = about_the_subject
	staff = make_user("http.staff", password="Test-Complaints-2026")
	booker = make_user("http.booker", roles.WORKSHOP_BOOKER, password="Test-Complaints-2026")
	commit()
	for user in (staff, booker):
		session = http(user)
		assert session.get(f"{RESOURCE}/{complaint.name}").status_code == 403
		assert session.get(RESOURCE).status_code == 403
		counted = session.get("/api/method/frappe.client.get_count", params={"doctype": "Complaint"})
		assert counted.status_code == 403


# --- approvals and states --------------------------------------------------------------------


def test_drafter_cannot_approve_by_any_route(http, drafted_by_an_approver):
	complaint, drafter = drafted_by_an_approver
	session = http(drafter)
	attempts = {
		"apply_workflow": session.post("/api/method/frappe.model.workflow.apply_workflow",
			data={"doc": json.dumps(complaint.as_dict(), default=str), "action": "Approve"}),
		"PUT workflow_state": session.put(f"{RESOURCE}/{complaint.name}", json={"workflow_state": "Approved"}),
		"set_value": session.post("/api/method/frappe.client.set_value",
			data={"doctype": "Complaint", "name": complaint.name, "fieldname": "workflow_state", "value": "Approved"}),
	}  # fmt: skip
	for route, response in attempts.items():
		assert response.status_code == 403, f"{route}: {response.status_code} {response.text[:300]}"
		assert "someone else must quality-assure" in response.text, route
	assert stored(complaint.name, "status") == "Quality Assurance"


def test_bulk_approval_by_get_changes_nothing(http, http_cast, drafted_by_an_approver):
	complaint, _drafter = drafted_by_an_approver
	response = http(http_cast.approver).get("/api/method/frappe.model.workflow.bulk_workflow_approval",
		params={"docnames": json.dumps([complaint.name]), "doctype": "Complaint", "action": "Approve"})  # fmt: skip
	assert response.status_code in (403, 405), response.status_code
	assert stored(complaint.name, "status") == "Quality Assurance"


def test_skipping_a_state_by_put_is_refused(http, http_cast):
	complaint = make_complaint(http_cast)
	commit()
	response = http(http_cast.officer).put(f"{RESOURCE}/{complaint.name}", json={"workflow_state": "Closed"})
	assert response.status_code in (403, 417), response.status_code
	assert stored(complaint.name, "status") == "Received"


def test_derived_dates_and_status_sent_by_a_client_are_ignored(http, http_cast):
	complaint = make_complaint(http_cast)
	commit()
	due = stored(complaint.name, "due_date")
	response = http(http_cast.officer).put(f"{RESOURCE}/{complaint.name}",
		json={"due_date": "2031-01-01", "status": "Closed", "qa_by": "2031-01-01", "allocated_by": http_cast.officer,
			"complainant_phone": "01432 260000"})  # fmt: skip
	assert response.status_code == 200, response.text[:300]
	data = response.json()["data"]
	assert (str(data["due_date"]), data["status"], data.get("allocated_by")) == (str(due), "Received", None)
	assert (stored(complaint.name, "due_date"), stored(complaint.name, "complainant_phone")) == (
		due,
		"01432 260000",
	)


def test_a_stale_save_is_refused(http, http_cast):
	complaint = make_complaint(http_cast)
	commit()
	stale_modified = str(complaint.modified)
	first = http(http_cast.officer).put(
		f"{RESOURCE}/{complaint.name}", json={"complainant_phone": "01432 111111"}
	)
	assert first.status_code == 200
	second = http(http_cast.manager).put(f"{RESOURCE}/{complaint.name}",
		json={"complainant_phone": "01432 222222", "modified": stale_modified})  # fmt: skip
	assert second.status_code != 200
	assert "modified after you have opened it" in second.text
	assert stored(complaint.name, "complainant_phone") == "01432 111111"
