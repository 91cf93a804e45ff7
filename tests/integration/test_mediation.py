"""Mediation after the stage 1 response: the mediator, the meeting and the outcome, resolved or on to
stage 2, each step by the Complaints Officer; stage 2 waits for it and its window restarts after it.

Stage 1 was answered on Monday 30 March 2026. Mediation met on Monday 11 May; it did not resolve the
complaint, so the 20 working days for asking for stage 2 run from then (25 May is a bank holiday,
12 May is day 1): to Tuesday 9 June."""

import frappe
import pytest
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
