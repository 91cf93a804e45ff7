"""Over HTTP: a complaint's mediation, stage 2 investigation (its people and points), stage 3 panel and
Ombudsman enquiry reach nobody who may not see the complaint, by any route; the complaints team reads
them, and a QA Officer cannot adjudicate stage 2."""

import json

import frappe
import pytest
from helpers import (
	TEST_PASSWORD,
	answered_at_stage_2,
	apply_action,
	as_user,
	commit,
	edit,
	make_team,
	make_user,
	on,
	walk_to_quality_assurance,
)

from complaints_hc.security import roles

STAGE_2 = "Stage 2 Investigation"
STAGE_3 = "Stage 3 Review Panel"
ENQUIRY_REASON = "The placement is at risk; the council agreed to an early referral."
MEDIATION_CONCERN = "Kai was never asked about the move."
PANEL_CONCERN = "Nobody has explained the placement decision to Kai."
CONCERN = "The minutes still misquote Jayden's wishes."
CHILD_TABLES = ("Stage 2 Point", "Stage Person")


@pytest.fixture(scope="module")
def in_adjudication(http_cast, outsiders):
	cast = http_cast
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		edit(complaint, cast.approver, subjects=[{"user": outsiders["subject with every role"],
			"role_in_case": "Team manager at the time"}])  # fmt: skip
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		apply_action(complaint, "Send Response", cast.officer)
	with on("2026-04-20"), as_user(cast.officer):
		stage = frappe.get_doc({"doctype": STAGE_2, "complaint": complaint.name, "requested_on": "2026-04-01",
			"requested_via": "Email", "remaining_concerns": CONCERN, "statement_agreed_on": "2026-04-14",
			"investigation_report_on": "2026-04-17", "independent_person_report_on": "2026-04-17",
			"people": [{"role_in_stage": "Investigating Officer", "full_name": "Marcus Webb", "appointed_on": "2026-04-08"},
				{"role_in_stage": "Independent Person", "full_name": "Hannah Cole", "appointed_on": "2026-04-08"}]}).insert()  # fmt: skip
		stage = apply_action(stage, "Start Investigation", cast.officer)
		for point in stage.points:
			point.finding, point.outcome = "Found late again.", "Upheld"
		stage.save()
		stage = apply_action(stage, "Submit for Adjudication", cast.officer)
	commit()
	return stage


@pytest.mark.parametrize("who", ["subject with every role", "QA Officer, nothing allocated",
	"Team Manager of another team"])  # fmt: skip
def test_stage_2_reaches_nobody_who_may_not_see_the_complaint(http, outsiders, in_adjudication, who):
	stage = in_adjudication
	session = http(outsiders[who])
	by_complaint = json.dumps([["complaint", "=", stage.complaint]])
	listed = {
		"REST list": session.get(f"/api/resource/{STAGE_2}", params={"filters": by_complaint, "fields": '["*"]'}),
		"report view": session.post("/api/method/frappe.desk.reportview.get", data={"doctype": STAGE_2,
			"fields": json.dumps([f"`tab{STAGE_2}`.name", f"`tab{STAGE_2}`.remaining_concerns"]), "filters": by_complaint}),
		"count": session.get("/api/method/frappe.client.get_count", params={"doctype": STAGE_2, "filters": by_complaint}),
		"link search": session.get("/api/method/frappe.desk.search.search_link", params={"doctype": STAGE_2,
			"txt": stage.complaint, "ignore_user_permissions": 1}),
	}  # fmt: skip
	for route, response in listed.items():
		assert response.status_code in (200, 403), f"{route}: {response.status_code}"
		assert stage.name not in response.text and CONCERN not in response.text, (
			f"{route}: {response.text[:300]}"
		)
		if route == "count" and response.status_code == 200:
			assert response.json()["message"] == 0
	single = {
		"REST": session.get(f"/api/resource/{STAGE_2}/{stage.name}"),
		"form": session.get("/api/method/frappe.desk.form.load.getdoc", params={"doctype": STAGE_2, "name": stage.name}),
		"print": session.get("/printview", params={"doctype": STAGE_2, "name": stage.name}, headers={"Accept": "text/html"}),
	}  # fmt: skip
	for route, response in single.items():
		assert response.status_code in (403, 404), f"{route}: {response.status_code}"
		assert CONCERN not in response.text, route
	for doctype in CHILD_TABLES:
		rows = frappe.get_all(doctype, {"parenttype": STAGE_2, "parent": stage.name}, pluck="name")
		assert rows, doctype
		response = session.get(f"/api/resource/{doctype}", params={"parent": STAGE_2,
			"filters": json.dumps([["parent", "=", stage.name]]), "fields": '["*"]'})  # fmt: skip
		assert response.status_code in (200, 403) and not any(r in response.text for r in rows), doctype
		for row in rows:
			assert session.get(f"/api/resource/{doctype}/{row}").status_code in (403, 404), doctype


def test_the_team_reads_it_and_only_a_senior_manager_adjudicates(http, http_cast, in_adjudication):
	stage = in_adjudication
	officer = http(http_cast.officer)
	read = officer.get(f"/api/resource/{STAGE_2}/{stage.name}")
	assert read.status_code == 200 and CONCERN in read.text
	allocated_qa = http(
		http_cast.qa_officer
	)  # allocated the complaint at stage 1: sees it, may not decide it
	assert allocated_qa.get(f"/api/resource/{STAGE_2}/{stage.name}").status_code == 200
	refused = allocated_qa.post("/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(stage.as_dict(), default=str), "action": "Adjudicate"})  # fmt: skip
	assert refused.status_code in (403, 417), refused.text[:300]
	sneaked = allocated_qa.put(f"/api/resource/{STAGE_2}/{stage.name}",
		json={"adjudication": "Not upheld after all.", "workflow_state": "Adjudicated"})  # fmt: skip
	assert sneaked.status_code in (403, 417), sneaked.text[:300]
	frappe.db.rollback()
	assert frappe.db.get_value(STAGE_2, stage.name, ["status", "adjudication"]) == ("Adjudication", None)


@pytest.fixture(scope="module")
def a_panel(http_cast, outsiders):
	cast = http_cast
	complaint = answered_at_stage_2(cast)  # names cast.subject, a QA Approver who sees every other complaint
	with on("2026-12-14"), as_user(cast.officer):
		panel = frappe.get_doc({"doctype": STAGE_3, "complaint": complaint.name, "requested_on": "2026-12-14",
			"requested_via": "Email", "remaining_concerns": PANEL_CONCERN,
			"panel": [{"full_name": "Ruth Adeyemi", "chairs": 1}]}).insert()  # fmt: skip
	commit()
	return panel


@pytest.mark.parametrize("who", ["the complaint's subject, a QA Approver", "QA Officer, nothing allocated",
	"Team Manager of another team"])  # fmt: skip
def test_a_stage_3_panel_reaches_nobody_who_may_not_see_the_complaint(
	http, http_cast, outsiders, a_panel, who
):
	user = http_cast.subject if who == "the complaint's subject, a QA Approver" else outsiders[who]
	session = http(user)
	by_complaint = json.dumps([["complaint", "=", a_panel.complaint]])
	for response in (
		session.get(f"/api/resource/{STAGE_3}", params={"filters": by_complaint, "fields": '["*"]'}),
		session.get(
			"/api/method/frappe.client.get_count", params={"doctype": STAGE_3, "filters": by_complaint}
		),
		session.get(f"/api/resource/{STAGE_3}/{a_panel.name}"),
		session.get(
			"/api/method/frappe.desk.form.load.getdoc", params={"doctype": STAGE_3, "name": a_panel.name}
		),
		session.get(
			"/printview", params={"doctype": STAGE_3, "name": a_panel.name}, headers={"Accept": "text/html"}
		),
		session.get(
			"/api/resource/Panel Member",
			params={
				"parent": STAGE_3,
				"fields": '["*"]',
				"filters": json.dumps([["parent", "=", a_panel.name]]),
			},
		),
	):
		assert response.status_code in (200, 403, 404), response.url
		assert PANEL_CONCERN not in response.text and "Ruth Adeyemi" not in response.text, response.url
		if "get_count" in response.url and response.status_code == 200:
			assert response.json()["message"] == 0
	assert session.get(f"/api/resource/{STAGE_3}/{a_panel.name}").status_code in (403, 404)
	officer = http(http_cast.officer).get(f"/api/resource/{STAGE_3}/{a_panel.name}")
	assert officer.status_code == 200 and PANEL_CONCERN in officer.text


def only_the_team_sees(http, cast, outsiders, record, secret: str):
	"""The complaint's subject and two outsiders get nothing of the record (one document, a list, a
	count); the Complaints Officer reads it."""
	doctype, by_complaint = record.doctype, json.dumps([["complaint", "=", record.complaint]])
	for user in (
		cast.subject,
		outsiders["QA Officer, nothing allocated"],
		outsiders["Team Manager of another team"],
	):
		session = http(user)
		assert session.get(f"/api/resource/{doctype}/{record.name}").status_code in (403, 404), user
		listed = session.get(f"/api/resource/{doctype}", params={"filters": by_complaint, "fields": '["*"]'})
		counted = session.get(
			"/api/method/frappe.client.get_count", params={"doctype": doctype, "filters": by_complaint}
		)
		for response in (listed, counted):
			assert response.status_code in (200, 403) and secret not in response.text, user
		assert counted.status_code == 403 or counted.json()["message"] == 0, user
	officer = http(cast.officer).get(f"/api/resource/{doctype}/{record.name}")
	assert officer.status_code == 200 and secret in officer.text


def test_a_mediation_reaches_nobody_who_may_not_see_the_complaint(http, http_cast, outsiders):
	cast = http_cast
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)  # names cast.subject
	with on("2026-03-30"):
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		apply_action(complaint, "Send Response", cast.officer)
	with on("2026-04-08"), as_user(cast.officer):
		mediation = frappe.get_doc({"doctype": "Mediation", "complaint": complaint.name, "requested_on": "2026-04-08",
			"requested_via": "Phone", "remaining_concerns": MEDIATION_CONCERN, "mediator": "Jo Whitfield"}).insert()  # fmt: skip
	commit()
	only_the_team_sees(http, cast, outsiders, mediation, MEDIATION_CONCERN)


def test_an_ombudsman_enquiry_reaches_nobody_who_may_not_see_the_complaint(http, http_cast, outsiders):
	cast = http_cast
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)  # names cast.subject
	with on("2026-04-01"), as_user(cast.officer):
		enquiry = frappe.get_doc({"doctype": "Ombudsman Enquiry", "complaint": complaint.name,
			"ombudsman_reference": "26 900 900", "requested_on": "2026-04-01", "early_referral_agreed": 1,
			"early_referral_reason": ENQUIRY_REASON}).insert()  # fmt: skip
	commit()
	only_the_team_sees(http, cast, outsiders, enquiry, ENQUIRY_REASON)


def test_the_journey_panel_shows_every_stage_to_the_team_and_nothing_to_anyone_else(
	http, http_cast, outsiders, a_panel
):
	route = "/api/method/complaints_hc.api.journey.complaint_journey"
	for user in (http_cast.subject, outsiders["QA Officer, nothing allocated"]):
		response = http(user).get(route, params={"complaint": a_panel.complaint})
		assert response.status_code == 403 and a_panel.name not in response.text, user
	steps = http(http_cast.officer).get(route, params={"complaint": a_panel.complaint}).json()["message"]
	assert [(s["stage"], s["name"]) for s in steps][-1] == ("Stage 3", a_panel.name)
	assert [s["stage"] for s in steps] == ["Stage 1", "Stage 2", "Stage 3"]
