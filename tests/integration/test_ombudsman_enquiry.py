"""The Ombudsman's enquiry after the council's procedure: its reference, the decisions, and a
recommendation tracked to completion as a Complaint Action with its evidence sent back, each step by
the person whose job it is."""

import frappe
import pytest
from helpers import Cast, answered_at_stage_2, apply_action, as_user, edit, on, walk_to_quality_assurance

ENQUIRY = "Ombudsman Enquiry"


@pytest.fixture
def cast():
	return Cast()


def answered_at_stage_3(cast):
	complaint = answered_at_stage_2(cast)
	with on("2027-02-19"), as_user(cast.officer):
		panel = frappe.get_doc({"doctype": "Stage 3 Review Panel", "complaint": complaint.name,
			"requested_on": "2026-12-14", "requested_via": "Email", "remaining_concerns": "Still unhappy.",
			"meeting_on": "2027-01-21", "report_on": "2027-01-28", "report_received_on": "2027-01-29",
			"recommendations": "Apologise in person.", "panel": [
				{"full_name": "Ruth Adeyemi", "chairs": 1, "appointed_on": "2026-12-16"},
				{"full_name": "Colin Marsh", "appointed_on": "2026-12-16"},
				{"full_name": "Priya Nair", "appointed_on": "2026-12-16"}]}).insert()  # fmt: skip
	with on("2027-02-19"):
		for action in ("Convene Panel", "Record Meeting", "Receive Report"):
			panel = apply_action(panel, action, cast.officer)
		edit(panel, cast.approver, council_response="We accept the panel's recommendation.")
		apply_action(panel, "Send Response", cast.approver)
	return complaint


def test_an_enquiry_whose_recommendation_is_done_verified_and_evidenced(cast):
	complaint = answered_at_stage_3(cast)
	with on("2027-03-01"), as_user(cast.officer):
		enquiry = frappe.get_doc({"doctype": ENQUIRY, "complaint": complaint.name, "ombudsman_reference": "26 012 345",
			"requested_on": "2027-03-01", "information_requested": "The stage 2 and 3 reports",
			"information_due_on": "2027-03-29"}).insert()  # fmt: skip
	assert enquiry.council_procedure_complete and enquiry.status == "Enquiry"
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Ombudsman"
	with on("2027-05-03"):
		enquiry = edit(enquiry, cast.officer, information_sent_on="2027-03-20", draft_decision_on="2027-04-30",
			draft_comments_due_on="2027-05-28")  # fmt: skip
		enquiry = apply_action(enquiry, "Record Draft Decision", cast.officer)
	with on("2027-06-07"):
		with pytest.raises(frappe.ValidationError, match="To record the final decision"):
			apply_action(enquiry, "Record Final Decision", cast.officer)
		fresh = frappe.get_doc(ENQUIRY, enquiry.name)
		with as_user(cast.officer):
			fresh.update({"final_decision_on": "2027-06-04", "fault_found": "Fault found", "injustice": 1,
				"decision_summary": "Fault causing injustice: the plan ended without reasons given.",
				"remedy_paid": 250})  # fmt: skip
			fresh.append("recommendations", {"description": "Remind staff to give written reasons when a plan ends",
				"due_on": "2027-07-05", "responsible": cast.team_manager})  # fmt: skip
			fresh.save()
		enquiry = apply_action(fresh, "Record Final Decision", cast.officer)
	action_name = enquiry.recommendations[0].action
	assert action_name, "the recommendation is tracked as an action"
	action = frappe.get_doc("Complaint Action", action_name)
	assert (str(action.due_date), action.responsible, action.complaint) == (
		"2027-07-05",
		cast.team_manager,
		complaint.name,
	)
	assert "26 012 345" in action.description

	with on("2027-06-14"):
		with pytest.raises(frappe.ValidationError, match="Recommendation 1 must be done"):
			apply_action(enquiry, "Close", cast.officer)
		action = apply_action(action, "Start", cast.team_manager)
		edit(action, cast.team_manager, evidence="Briefing sent to all team managers on 10 June.")
		action = apply_action(action, "Complete", cast.team_manager)
		action = apply_action(action, "Verify", cast.qa_manager)
		with pytest.raises(frappe.ValidationError, match="evidence sent to the Ombudsman"):
			apply_action(enquiry, "Close", cast.officer)
		fresh = frappe.get_doc(ENQUIRY, enquiry.name)
		with as_user(cast.officer):
			fresh.recommendations[0].evidence_sent_on = "2027-06-14"
			fresh.remedy_paid_on = "2027-06-11"
			fresh.save()
		enquiry = apply_action(fresh, "Close", cast.officer)
	assert enquiry.status == "Closed" and enquiry.recommendations[0].action == action_name


def test_an_enquiry_before_the_procedure_ends_needs_the_councils_agreement(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-04-01"), as_user(cast.officer):
		with pytest.raises(frappe.ValidationError, match="after the council's procedure ends"):
			frappe.get_doc({"doctype": ENQUIRY, "complaint": complaint.name, "ombudsman_reference": "26 000 001",
				"requested_on": "2026-04-01"}).insert()  # fmt: skip
		early = frappe.get_doc({"doctype": ENQUIRY, "complaint": complaint.name, "ombudsman_reference": "26 000 001",
			"requested_on": "2026-04-01", "early_referral_agreed": 1,
			"early_referral_reason": "The child's placement is at risk; the council agreed to an early referral."}).insert()  # fmt: skip
	assert not early.council_procedure_complete


def test_a_staff_subject_sees_no_enquiry(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-04-01"), as_user(cast.officer):
		enquiry = frappe.get_doc({"doctype": ENQUIRY, "complaint": complaint.name, "ombudsman_reference": "26 000 002",
			"requested_on": "2026-04-01", "early_referral_agreed": 1, "early_referral_reason": "Agreed."}).insert()  # fmt: skip
	with as_user(cast.subject):
		assert enquiry.name not in frappe.get_list(ENQUIRY, pluck="name")
		assert (
			frappe.get_list("Ombudsman Recommendation", {"parent": enquiry.name}, parent_doctype=ENQUIRY)
			== []
		)
	with as_user(cast.approver):
		assert enquiry.name in frappe.get_list(ENQUIRY, pluck="name")
