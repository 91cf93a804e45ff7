"""Mediation after the stage 1 response: the mediator, the meeting and the outcome, resolved or on to
stage 2, each step by the Complaints Officer; stage 2 waits for it and its window restarts after it.

Stage 1 was answered on Monday 30 March 2026. Mediation met on Monday 11 May; it did not resolve the
complaint, so the 20 working days for asking for stage 2 run from then (25 May is a bank holiday,
12 May is day 1): to Tuesday 9 June."""

import re

import frappe
import pytest
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError, get_transitions
from helpers import (
	Cast,
	answered_at_stage_1,
	apply_action,
	as_user,
	ask_for,
	edit,
	on,
	refused,
	walk_to_quality_assurance,
)

MEDIATION = "Mediation"
STAGE_2 = "Stage 2 Investigation"


@pytest.fixture
def cast():
	return Cast()


def test_mediation_that_does_not_resolve_leads_to_stage_2_with_its_window_from_the_meeting(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-08"):
		mediation = ask_for(MEDIATION, complaint, cast.officer)
		with refused("To arrange mediation"):
			apply_action(mediation, "Arrange Mediation", cast.officer)
		mediation = edit(
			mediation, cast.officer, mediator="Jo Whitfield", mediator_organisation="Family Mediation Service"
		)
		mediation = apply_action(mediation, "Arrange Mediation", cast.officer)
		with refused("record its outcome before stage 2"):
			ask_for("Stage 2 Investigation", complaint, cast.officer)
	with on("2026-05-12"):
		with refused("To record that mediation did not resolve it"):
			apply_action(mediation, "Record No Resolution", cast.officer)
		mediation = edit(mediation, cast.officer, meeting_on="2026-05-11", stage_2_requested_on="2026-05-12")
		mediation = apply_action(mediation, "Record No Resolution", cast.officer)
	assert mediation.status == "Not Resolved"
	with on("2026-06-09"):
		stage_2 = ask_for("Stage 2 Investigation", complaint, cast.officer, requested_on="2026-05-12")
	assert str(stage_2.request_window_ends) == "2026-06-09" and not stage_2.request_is_late
	assert str(stage_2.previous_response_on) == "2026-05-11"


def test_mediation_that_resolves_the_complaint(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-20"):
		mediation = ask_for(MEDIATION, complaint, cast.officer, mediator="Jo Whitfield")
		mediation = apply_action(mediation, "Arrange Mediation", cast.officer)
		with refused("What Was Agreed"):
			edit(mediation, cast.officer, meeting_on="2026-04-20")
			apply_action(mediation, "Record Resolution", cast.officer)
		mediation = edit(
			mediation, cast.officer, resolution_summary="A meeting with Kai and his social worker by May."
		)
		mediation = apply_action(mediation, "Record Resolution", cast.officer)
	assert mediation.status == "Resolved"
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Stage 1"


def test_mediation_needs_the_stage_1_response_and_an_independent_mediator(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-04-01"), refused("follows the stage 1 response"):
		ask_for(MEDIATION, complaint, cast.officer)
	complaint = answered_at_stage_1(cast)
	with on("2026-04-01"), refused("cannot be someone involved"):
		ask_for(MEDIATION, complaint, cast.officer, mediator="Sam", mediator_user=cast.subject)
	assert not frappe.db.exists(MEDIATION, {"complaint": complaint.name})


def test_a_staff_subject_sees_no_mediation(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-01"):
		mediation = ask_for(MEDIATION, complaint, cast.officer)
	with as_user(cast.subject):
		assert mediation.name not in frappe.get_list(MEDIATION, pluck="name")
		assert not frappe.has_permission(MEDIATION, "read", doc=mediation.name, user=cast.subject)
	with as_user(cast.approver):
		assert mediation.name in frappe.get_list(MEDIATION, pluck="name")


def actions_for(doc, user) -> set[str]:
	"""The workflow actions the form offers this user on the record as stored."""
	with as_user(user):
		return {t.action for t in get_transitions(frappe.get_doc(doc.doctype, doc.name))}


def test_mediation_is_withdrawn_before_its_outcome_with_a_reason(cast):
	"""Arranged on Wednesday 8 April; the family withdraw on Thursday 9 April and ask for stage 2 the
	same day, which no longer waits for mediation (the stage 1 window runs to 29 April)."""
	complaint = answered_at_stage_1(cast)
	with on("2026-04-08"):
		mediation = ask_for(MEDIATION, complaint, cast.officer, mediator="Jo Whitfield")
		mediation = apply_action(mediation, "Arrange Mediation", cast.officer)
	with on("2026-04-09"):
		assert "Withdraw" in actions_for(mediation, cast.officer)
		with refused(re.escape("Record why the request was withdrawn.")):
			apply_action(mediation, "Withdraw", cast.officer)
		assert frappe.db.get_value(MEDIATION, mediation.name, ["status", "withdrawn_on"]) == (
			"Arranged",
			None,
		)
		edit(mediation, cast.officer, withdrawal_reason="The family would rather go straight to stage 2.")
		mediation = apply_action(mediation, "Withdraw", cast.officer)
		assert (mediation.status, str(mediation.withdrawn_on)) == ("Withdrawn", "2026-04-09")
		stage_2 = ask_for(STAGE_2, complaint, cast.officer)
	assert stage_2.status == "Requested" and str(stage_2.request_window_ends) == "2026-04-29"


def test_mediation_is_not_withdrawn_once_its_outcome_is_recorded(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-20"):
		mediation = ask_for(MEDIATION, complaint, cast.officer, mediator="Jo Whitfield")
		mediation = apply_action(mediation, "Arrange Mediation", cast.officer)
		mediation = edit(mediation, cast.officer, meeting_on="2026-04-20",
			resolution_summary="A meeting with Kai and his social worker by May.")  # fmt: skip
		mediation = apply_action(mediation, "Record Resolution", cast.officer)
	with on("2026-04-22"):
		# a reason is on record (the Complaints Manager may still edit a resolved mediation): what is
		# refused is the withdrawal itself
		mediation = edit(mediation, cast.manager, withdrawal_reason="The family changed their mind.")
		for user in (cast.officer, cast.manager):
			assert "Withdraw" not in actions_for(mediation, user)
			with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
				apply_action(mediation, "Withdraw", user)
		# nor by saving the state straight, past the action
		with pytest.raises(WorkflowPermissionError, match="Workflow State transition not allowed"):
			edit(mediation, cast.manager, workflow_state="Withdrawn")
	assert frappe.db.get_value(MEDIATION, mediation.name, ["status", "workflow_state", "withdrawn_on"]) == (
		"Resolved",
		"Resolved",
		None,
	)


def test_a_late_request_for_mediation_needs_a_recorded_decision(cast):
	"""Stage 1 answered on Monday 30 March: 20 working days over Easter (3 and 6 April) end on Wednesday
	29 April, so a request on Thursday 30 April is late."""
	complaint = answered_at_stage_1(cast)
	with on("2026-04-30"):
		with refused(re.escape("The request came after the window for asking closed on 29-04-2026: record the decision to accept it, and why.")):  # fmt: skip
			ask_for(MEDIATION, complaint, cast.officer)
		assert not frappe.db.exists(MEDIATION, {"complaint": complaint.name})
		mediation = ask_for(MEDIATION, complaint, cast.officer,
			late_request_decision="Accepted: the complainant was in hospital for most of April.")  # fmt: skip
	assert (mediation.request_is_late, str(mediation.request_window_ends)) == (1, "2026-04-29")
	assert mediation.late_request_decided_by == cast.officer and mediation.status == "Requested"


def test_a_complaint_already_at_stage_2_is_not_mediated(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-08"):
		ask_for(STAGE_2, complaint, cast.officer)
		with refused(re.escape("This complaint is already at stage 2.")):
			ask_for(MEDIATION, complaint, cast.officer, mediator="Jo Whitfield")
	assert not frappe.db.exists(MEDIATION, {"complaint": complaint.name})
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Stage 2"
