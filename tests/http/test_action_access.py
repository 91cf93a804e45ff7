"""Over HTTP: an action's owner sees their own actions only; a staff subject sees none about them."""

import json

import pytest
from helpers import (
	commit,
	make_action,
	make_complaint,
	make_team,
	make_user,
	private_file,
	walk_to_quality_assurance,
)

from complaints_hc.security import roles

RESOURCE = "/api/resource/Complaint Action"


@pytest.fixture(scope="module")
def two_owners_actions(http_cast):
	"""Two complaints about different teams, each with an action owned by that team's manager."""
	other_manager = make_user("http.other.manager", roles.TEAM_MANAGER, password="Test-Complaints-2026")
	other_team = make_team(team_manager=other_manager)
	ours = make_complaint(http_cast, child_name="Alfie Dyson")
	theirs = make_complaint(
		http_cast, child_name="Grace Hollis", service_team=other_team, team_manager=other_manager
	)
	our_action = make_action(ours, http_cast.officer, responsible=http_cast.team_manager,
		description="Share the conference minutes with Alfie's mother")  # fmt: skip
	their_action = make_action(theirs, http_cast.officer, responsible=other_manager,
		description="Return Grace's belongings from the previous placement")  # fmt: skip
	evidence = private_file(our_action, http_cast.officer, "minutes-sent.pdf")
	commit()
	return our_action, their_action, evidence


def test_an_owner_cannot_read_another_complaints_actions(http, http_cast, two_owners_actions):
	our_action, their_action, _evidence = two_owners_actions
	owner = http(http_cast.team_manager)
	assert owner.get(f"{RESOURCE}/{our_action.name}").status_code == 200
	refused = owner.get(f"{RESOURCE}/{their_action.name}")
	assert refused.status_code == 403 and "Grace" not in refused.text
	listed = owner.get(
		RESOURCE, params={"fields": json.dumps(["name", "description"]), "limit_page_length": 0}
	)
	names = {row["name"] for row in listed.json()["data"]}
	assert our_action.name in names and their_action.name not in names
	counted = owner.get("/api/method/frappe.client.get_count",
		params={"doctype": "Complaint Action", "filters": json.dumps({"name": their_action.name})})  # fmt: skip
	assert counted.json()["message"] == 0


def test_a_staff_subject_reaches_no_action_of_a_complaint_about_them(http, http_cast, two_owners_actions):
	our_action, _their_action, evidence = two_owners_actions
	subject = http(http_cast.subject)  # named in every cast complaint; holds QA roles
	assert subject.get(f"{RESOURCE}/{our_action.name}").status_code == 403
	assert subject.get(evidence, headers={"Accept": "*/*"}).status_code == 403
	listed = subject.get(RESOURCE, params={"fields": json.dumps(["name"]), "limit_page_length": 0})
	assert our_action.name not in listed.text
	counted = subject.get("/api/method/frappe.client.get_count",
		params={"doctype": "Complaint Action", "filters": json.dumps({"complaint": our_action.complaint})})  # fmt: skip
	assert counted.json()["message"] == 0
	search = subject.get("/api/method/frappe.desk.search.search_link",
		params={"doctype": "Complaint Action", "txt": our_action.name, "ignore_user_permissions": 1})  # fmt: skip
	assert our_action.name not in search.text


def test_an_action_cannot_be_shared_with_a_subject(http, http_cast, two_owners_actions):
	our_action, _their_action, _evidence = two_owners_actions
	shared = http(http_cast.officer).post("/api/method/frappe.share.add",
		data={"doctype": "Complaint Action", "name": our_action.name, "user": http_cast.subject, "read": 1})  # fmt: skip
	assert shared.status_code == 403


def test_the_owner_can_complete_their_action_over_rest_with_evidence(http, http_cast, two_owners_actions):
	our_action, _their_action, _evidence = two_owners_actions
	owner = http(http_cast.team_manager)
	response = owner.put(f"{RESOURCE}/{our_action.name}", json={"evidence": "Minutes emailed on Monday."})
	assert response.status_code == 200, response.text[:300]
	applied = owner.post("/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps({"doctype": "Complaint Action", "name": our_action.name}), "action": "Complete"})  # fmt: skip
	assert applied.status_code == 200, applied.text[:300]
	assert applied.json()["message"]["status"] == "Completed"


def test_link_search_still_finds_what_the_user_may_see(http, http_cast, two_owners_actions):
	our_action, _their_action, _evidence = two_owners_actions
	officer = http(http_cast.officer)
	for doctype, name in (("Complaint Action", our_action.name), ("Complaint", our_action.complaint)):
		found = officer.get("/api/method/frappe.desk.search.search_link",
			params={"doctype": doctype, "txt": name, "ignore_user_permissions": 1})  # fmt: skip
		assert found.status_code == 200 and name in found.text, (doctype, found.text[:200])


def test_an_owner_outside_the_case_sees_the_point_they_act_on_not_the_investigation(http, http_cast):
	outsider = make_user("http.point.owner", roles.TEAM_MANAGER, password="Test-Complaints-2026")
	make_team(team_manager=outsider)
	complaint = walk_to_quality_assurance(http_cast, http_cast.qa_officer)
	action = make_action(complaint, http_cast.officer, responsible=outsider, point_number=1,
		description="Send the minutes within five working days of each meeting")  # fmt: skip
	commit()
	owner = http(outsider)
	mine = owner.get(f"{RESOURCE}/{action.name}")
	assert mine.status_code == 200, mine.text[:300]
	assert mine.json()["data"]["point_summary"] == "Late minutes"
	assert "Sent six weeks late." not in mine.text  # the finding stays with the investigation
	assert owner.get(f"/api/resource/Complaint/{complaint.name}").status_code == 403
	point = owner.get("/api/method/frappe.client.get_value", params={"doctype": "Complaint Point",
		"filters": json.dumps({"parent": complaint.name}), "fieldname": json.dumps(["finding"]),
		"parent": "Complaint"})  # fmt: skip
	assert "Sent six weeks late." not in point.text
	assert point.status_code == 403 or not point.json().get("message"), point.text[:300]
