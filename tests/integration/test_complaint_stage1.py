"""A complaint walked through the default stage 1 workflow by the real people of each step.

Time is frozen at each step so that every clock can be checked against dates counted by hand.
"""

import datetime
import re

import frappe
import pytest
from frappe.model.workflow import WorkflowTransitionError
from helpers import (
	apply_action,
	as_user,
	edit,
	make_category,
	make_complaint,
	make_team,
	make_theme,
	make_user,
	on,
	private_file,
	refused,
	walk_to_quality_assurance,
	without_conditions,
	workflow_reshaped,
)

D = datetime.date


def points(*outcomes):
	category, theme = make_category(), make_theme()
	return [
		{
			"description": f"Point {i}: meeting minutes were not shared",
			"category": category,
			"learning_theme": theme,
			"outcome": outcome,
			"finding": "The minutes were sent six weeks late." if outcome else None,
		}
		for i, outcome in enumerate(outcomes, start=1)
	]


def allocate(cast, complaint, day="2026-03-24"):
	with on(day):
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		return apply_action(complaint, "Allocate", cast.qa_manager)


def hold_initial_meeting(cast, complaint, day="2026-03-26", **values):
	with on(day):
		edit(complaint, cast.officer, complainant_contacted_on="2026-03-25")
		return edit(complaint, cast.qa_officer, initial_meeting_on=day, **values)


def test_full_investigation_with_two_extensions_and_a_qa_return(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
	assert (complaint.status, complaint.workflow_state) == ("Received", "Received")
	assert complaint.name.startswith("CMP-2026-")
	assert complaint.complaints_officer == cast.officer
	assert (complaint.contact_by, complaint.due_date) == (D(2026, 3, 25), D(2026, 4, 8))

	complaint = allocate(cast, complaint)
	assert (complaint.status, complaint.allocated_on, complaint.allocated_by) == (
		"Allocated",
		D(2026, 3, 24),
		cast.qa_manager,
	)

	hold_initial_meeting(
		cast,
		complaint,
		points=points(None, None, None),
		agreed_timescale_days=15,
		timescale_agreed_on="2026-03-26",
	)
	with on("2026-03-26"):
		complaint = apply_action(complaint, "Establish Points", cast.qa_officer)
	assert complaint.status == "In Progress"
	assert (complaint.day_zero, complaint.draft_by, complaint.due_date, complaint.qa_by) == (
		D(2026, 3, 23), D(2026, 4, 8), D(2026, 4, 15), D(2026, 4, 13),
	)  # fmt: skip

	with on("2026-04-10"):
		agreement = private_file(complaint, cast.officer)
		complaint = edit(complaint, cast.officer, extensions=[{
			"requested_on": "2026-04-09", "new_due_date": "2026-04-22", "rationale": "A key witness is on leave",
			"complainant_agreed_on": "2026-04-10", "agreement_attachment": agreement,
		}])  # fmt: skip
	assert (complaint.due_date, complaint.qa_by) == (D(2026, 4, 22), D(2026, 4, 20))
	with on("2026-04-21"):
		agreement = private_file(complaint, cast.officer, "second-agreement.pdf")
		complaint = edit(complaint, cast.officer, extensions=[{
			"requested_on": "2026-04-20", "new_due_date": "2026-04-29", "rationale": "Records from health arrived late",
			"complainant_agreed_on": "2026-04-21", "agreement_attachment": agreement,
		}])  # fmt: skip
	assert [e.new_due_date for e in complaint.extensions] == [D(2026, 4, 22), D(2026, 4, 29)]
	assert [e.recorded_by for e in complaint.extensions] == [cast.officer, cast.officer]
	assert (complaint.due_date, complaint.qa_by) == (D(2026, 4, 29), D(2026, 4, 27))

	with on("2026-04-24"):
		complaint = frappe.get_doc("Complaint", complaint.name)
		with as_user(cast.qa_officer):
			for point, outcome in zip(
				complaint.points, ("Upheld", "Not upheld", "Partially upheld"), strict=True
			):
				point.outcome, point.finding = outcome, "Found on the case file."
			complaint.save()
		assert complaint.overall_outcome == "Partially upheld"
		complaint = apply_action(complaint, "Submit for QA", cast.qa_officer)
	assert (complaint.status, complaint.drafted_by, complaint.draft_submitted_on) == (
		"Quality Assurance", cast.qa_officer, D(2026, 4, 24),
	)  # fmt: skip

	with on("2026-04-27"):
		complaint = apply_action(complaint, "Return for Changes", cast.approver)
	assert (complaint.status, complaint.qa_returns) == ("In Progress", 1)
	with on("2026-04-27"):
		complaint = apply_action(complaint, "Submit for QA", cast.qa_officer)
	with on("2026-04-28"):
		complaint = apply_action(complaint, "Approve", cast.qa_manager)
	assert (complaint.status, complaint.qa_approved_by, complaint.qa_approved_on) == (
		"Approved", cast.qa_manager, D(2026, 4, 28),
	)  # fmt: skip

	with on("2026-04-29"):
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-04-29",
			outcome_letter_sent_on="2026-04-29", outcome_letter_sent_by=cast.officer)  # fmt: skip
		complaint = apply_action(complaint, "Send Response", cast.officer)
	assert complaint.status == "Responded"
	assert (complaint.responded_on, complaint.working_days_taken, complaint.timescale_met, complaint.rag_status) == (
		D(2026, 4, 29), 25, "Met", "Met",
	)  # fmt: skip

	with on("2026-04-30"):
		edit(complaint, cast.officer, child_file_copy_on="2026-04-30", child_file_copy_by=cast.qa_officer)
		complaint = apply_action(complaint, "Close", cast.officer)
	assert (complaint.status, complaint.closed_on) == ("Closed", D(2026, 4, 30))
	assert complaint.child_file_label == "stage 1 complaint response"


def test_early_resolution_at_the_initial_meeting(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
	allocate(cast, complaint)
	hold_initial_meeting(
		cast,
		complaint,
		early_resolution=1,
		resolution_agreed_with="Joanne Pritchard and Mark Bennett (Team Manager)",
		resolution_summary="Minutes to be sent by Friday; a new social worker introduced within two weeks.",
	)
	with on("2026-03-26"):
		complaint = apply_action(complaint, "Resolve Early", cast.qa_officer)
	assert (complaint.status, complaint.responded_on, complaint.working_days_taken) == (
		"Responded",
		D(2026, 3, 26),
		3,
	)
	assert complaint.timescale_met == "Met"
	with on("2026-03-27"):
		complaint = apply_action(complaint, "Close", cast.officer)
	assert complaint.status == "Closed"


def test_a_restart_agreed_by_the_complaints_manager(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
	allocate(cast, complaint)
	with on("2026-03-27"):
		edit(complaint, cast.officer, complainant_contacted_on="2026-03-25")
		# The agreement is the Complaints Manager's own act: nobody records it for them.
		with pytest.raises(frappe.PermissionError, match="Complaints Manager"):
			edit(complaint, cast.qa_officer, initial_meeting_on="2026-03-27", clock_restarted_on="2026-03-27",
				restart_agreed_by=cast.manager, restart_reason="Two more points raised")  # fmt: skip
		assert stored(complaint.name, "clock_restarted_on") is None
		edit(complaint, cast.qa_officer, initial_meeting_on="2026-03-27", points=points(None, None),
			agreed_timescale_days=10, timescale_agreed_on="2026-03-27")  # fmt: skip
		complaint = edit(complaint, cast.manager, clock_restarted_on="2026-03-27",
			restart_reason="Two more points raised at the meeting")  # fmt: skip
	assert complaint.restart_agreed_by == cast.manager
	assert (complaint.day_zero, complaint.due_date, complaint.contact_by) == (
		D(2026, 3, 27),
		D(2026, 4, 14),
		D(2026, 3, 25),
	)


def test_clocks_over_christmas(cast):
	with on("2025-12-19"):
		complaint = make_complaint(cast, received_on="2025-12-19")
	assert (complaint.contact_by, complaint.draft_by, complaint.due_date, complaint.qa_by) == (
		D(2025, 12, 23), D(2026, 1, 7), D(2026, 1, 7), D(2026, 1, 5),
	)  # fmt: skip
	with on("2026-01-06"):
		edit(complaint, cast.officer)  # the officer's next save of the form
	assert frappe.db.get_value("Complaint", complaint.name, "rag_status") == "Due soon"
	with on("2026-01-08"):
		edit(complaint, cast.officer)
	assert frappe.db.get_value("Complaint", complaint.name, "rag_status") == "Overdue"


def test_derived_dates_sent_by_a_client_are_recomputed(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23", due_date="2030-01-01", status="Closed",
			allocated_by=cast.officer, overall_outcome="Upheld")  # fmt: skip
		assert (complaint.due_date, complaint.status, complaint.allocated_by, complaint.overall_outcome) == (
			D(2026, 4, 8), "Received", None, "",
		)  # fmt: skip
		complaint = edit(complaint, cast.officer, due_date="2030-01-01", qa_approved_by=cast.officer)
		assert (complaint.due_date, complaint.qa_approved_by) == (D(2026, 4, 8), None)


# --- bad input: a clear message, and nothing changes ------------------------------------------


def stored(name, field):
	return frappe.db.get_value("Complaint", name, field)


@pytest.mark.parametrize("days", [9, 21])
def test_timescale_outside_10_to_20_is_refused(cast, days):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		with pytest.raises(frappe.ValidationError, match="10 to 20 working days"):
			edit(complaint, cast.officer, agreed_timescale_days=days, timescale_agreed_on="2026-03-23")
	assert stored(complaint.name, "agreed_timescale_days") == 0


def test_a_received_date_in_the_future_is_refused(cast):
	with on("2026-03-23"):
		with pytest.raises(frappe.ValidationError, match="cannot be in the future"):
			make_complaint(cast, received_on="2026-03-24")
	assert not frappe.db.exists("Complaint", {"case_reference": "LCS-204811", "received_on": "2026-03-24"})


def test_an_extension_without_the_complainants_agreement_is_refused(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
	with on("2026-04-01"):
		with pytest.raises(frappe.ValidationError, match="written agreement"):
			edit(complaint, cast.officer, extensions=[
				{"requested_on": "2026-03-31", "new_due_date": "2026-04-20", "rationale": "Staff sickness"}
			])  # fmt: skip
		public = frappe.get_doc(
			{"doctype": "File", "file_name": "a.txt", "content": b"x", "is_private": 0}
		).insert()
		with pytest.raises(frappe.ValidationError, match="private file"):
			edit(complaint, cast.officer, extensions=[{
				"requested_on": "2026-03-31", "new_due_date": "2026-04-20", "rationale": "Staff sickness",
				"complainant_agreed_on": "2026-04-01", "agreement_attachment": public.file_url,
			}])  # fmt: skip
	assert stored(complaint.name, "due_date") == D(2026, 4, 8)
	assert not frappe.get_all("Complaint Extension", {"parent": complaint.name})


@pytest.mark.parametrize("involvement", ["subject", "social_worker", "team_manager", "team_member"])
def test_a_qa_officer_involved_with_the_case_is_refused(cast, involvement):
	from complaints_hc.security import roles

	involved = make_user("involved.qa", roles.QA_OFFICER)
	values = {
		"subject": {"subjects": [{"user": involved}]},
		"social_worker": {"social_worker": involved},
		"team_manager": {"team_manager": involved},
		"team_member": {"service_team": make_team(members=[involved])},
	}[involvement]
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23", **values)
		with pytest.raises(frappe.ValidationError, match="cannot investigate"):
			edit(complaint, cast.qa_manager, qa_officer=involved)
	assert stored(complaint.name, "qa_officer") is None


def test_a_point_added_after_the_response_is_refused(cast):
	complaint = walk_to_responded(cast)
	with on("2026-04-20"):
		with pytest.raises(frappe.PermissionError, match="Quality assurance approved"):
			edit(complaint, cast.officer, child_file_copy_on="2026-04-20", child_file_copy_by=cast.officer,
				points=[{"description": "A late point", "category": make_category()}])  # fmt: skip
	assert len(frappe.get_all("Complaint Point", {"parent": complaint.name})) == 1
	assert stored(complaint.name, "status") == "Responded"


def walk_to_responded(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
	allocate(cast, complaint)
	hold_initial_meeting(
		cast, complaint, points=points("Upheld"), agreed_timescale_days=10, timescale_agreed_on="2026-03-26"
	)
	with on("2026-03-30"):
		apply_action(complaint, "Establish Points", cast.qa_officer)
		apply_action(complaint, "Submit for QA", cast.qa_officer)
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		return apply_action(complaint, "Send Response", cast.officer)


def test_withdrawal_needs_a_reason(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		with pytest.raises(frappe.ValidationError, match="why the complaint was withdrawn"):
			apply_action(complaint, "Withdraw", cast.officer)
		edit(complaint, cast.officer, withdrawal_reason="The family moved out of the area and asked to stop.")
		complaint = apply_action(complaint, "Withdraw", cast.officer)
	assert (complaint.status, complaint.withdrawn_on, complaint.rag_status) == (
		"Withdrawn",
		D(2026, 3, 23),
		"",
	)


def test_a_complaint_in_quality_assurance_is_withdrawn_with_its_reason_by_the_officer(cast):
	"""Only the approvers edit a response in quality assurance, but the officer who may withdraw it records
	why; the QA Officer, who may not withdraw it, may not write a reason either."""
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-31"):
		with pytest.raises(frappe.PermissionError, match="only QA Approver or QA Service Manager"):
			edit(complaint, cast.qa_officer, withdrawal_reason="Typed by someone who may not withdraw it")
		edit(
			complaint, cast.officer, withdrawal_reason="Ms Pritchard asked us to stop: the plan has changed."
		)
		complaint = apply_action(complaint, "Withdraw", cast.officer)
	assert (complaint.status, complaint.withdrawn_on) == ("Withdrawn", D(2026, 3, 31))
	assert complaint.withdrawal_reason == "Ms Pritchard asked us to stop: the plan has changed."


def test_the_withdraw_action_is_still_offered_once_the_response_is_approved(cast):
	"""Approved but not yet sent: the officer is offered Withdraw beside Send Response, and it withdraws."""
	from frappe.model.workflow import get_transitions

	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-31"):
		complaint = apply_action(complaint, "Approve", cast.approver)
		with as_user(cast.officer):
			offered = {row.action for row in get_transitions(complaint)}
		assert {"Send Response", "Withdraw"} <= offered
		edit(complaint, cast.officer, withdrawal_reason="Ms Pritchard has moved away and asked us to stop.")
		complaint = apply_action(complaint, "Withdraw", cast.officer)
	assert (complaint.status, complaint.withdrawn_on) == ("Withdrawn", D(2026, 3, 31))
	assert complaint.withdrawal_reason == "Ms Pritchard has moved away and asked us to stop."


# --- safeguards ---------------------------------------------------------------------------------


def ready_to_investigate(cast, **values):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23", **values)
	allocate(cast, complaint)
	hold_initial_meeting(
		cast, complaint, points=points(None), agreed_timescale_days=10, timescale_agreed_on="2026-03-26"
	)
	return complaint


def test_a_late_complaint_needs_a_recorded_decision(cast):
	complaint = ready_to_investigate(cast, events_date="2025-01-10")
	assert frappe.db.get_value("Complaint", complaint.name, "late_complaint") == 1
	with on("2026-03-26"), pytest.raises(frappe.ValidationError, match="more than a year old"):
		apply_action(complaint, "Establish Points", cast.qa_officer)
	with on("2026-03-26"):
		with pytest.raises(frappe.PermissionError, match="decided by a Complaints Manager"):
			edit(complaint, cast.officer, late_decision="Accepted", late_decision_by=cast.manager,
				late_decision_reason="The family only learned of the decision in February.")  # fmt: skip
		edit(complaint, cast.manager, late_decision="Accepted",
			late_decision_reason="The family only learned of the decision in February.")  # fmt: skip
		assert stored(complaint.name, "late_decision_by") == cast.manager
		assert apply_action(complaint, "Establish Points", cast.qa_officer).status == "In Progress"


def test_a_child_complaining_is_offered_an_advocate_and_a_meeting_first(cast):
	complaint = ready_to_investigate(
		cast, relationship_to_child="Child or young person", complainant_name="Kai Pritchard"
	)
	assert frappe.db.get_value("Complaint", complaint.name, "age_appropriate_letters") == 1
	with (
		on("2026-03-26"),
		pytest.raises(frappe.ValidationError, match="A child or young person is complaining"),
	):
		apply_action(complaint, "Establish Points", cast.qa_officer)
	assert frappe.db.get_value("Complaint", complaint.name, "status") == "Allocated"
	with on("2026-03-26"):
		edit(complaint, cast.officer, advocate_offered_on="2026-03-24", advocate_response="Declined",
			advocate_response_recorded_by=cast.officer, face_to_face_offered_on="2026-03-24")  # fmt: skip
		assert apply_action(complaint, "Establish Points", cast.qa_officer).status == "In Progress"


@pytest.mark.parametrize(
	"values, refusal, message, unchanged",
	[
		({"remedy_amount": 150}, frappe.ValidationError, "needs its reason", "remedy_amount"),
		(
			{"remedy_amount": 150, "remedy_reason": "Missed birthday"},
			frappe.PermissionError,
			"must be approved by a Complaints Manager, QA Service Manager or QA Approver",
			"remedy_amount",
		),
		(
			{"complaints_officer": "subject"},
			frappe.ValidationError,
			"cannot be a subject",
			"complaints_officer",
		),
	],
)
def test_remedies_and_people_are_checked(cast, values, refusal, message, unchanged):
	people = {"subject": cast.subject}
	values = {key: people.get(value, value) for key, value in values.items()}
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		before = frappe.db.get_value("Complaint", complaint.name, unchanged)
		with pytest.raises(refusal, match=message) as refused_with:
			edit(complaint, cast.officer, **values)
	assert type(refused_with.value) is refusal or refusal is frappe.PermissionError
	assert frappe.db.get_value("Complaint", complaint.name, unchanged) == before != values[unchanged]


def test_guidance_to_a_staff_subject_records_when_and_by_whom(cast):
	with on("2026-03-23"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		doc = frappe.get_doc("Complaint", complaint.name)
		with as_user(cast.officer):
			doc.subjects[0].guidance_sent_on = "2026-03-23"
			with pytest.raises(frappe.ValidationError, match="record both"):
				doc.save()
			doc = frappe.get_doc("Complaint", complaint.name)  # a fresh copy, as the form reloads
			doc.subjects[0].guidance_sent_on = "2026-03-23"
			doc.subjects[0].guidance_sent_by = cast.officer
			doc.save()
	assert frappe.db.get_value("Complaint Subject", doc.subjects[0].name, "guidance_sent_by") == cast.officer


# --- what each status needs, refused until it is recorded --------------------------------------

READY_TO_INVESTIGATE = {"complainant_contacted_on": "2026-03-24", "initial_meeting_on": "2026-03-25",
	"agreed_timescale_days": 10, "timescale_agreed_on": "2026-03-25"}  # fmt: skip


def label(fieldname: str) -> str:
	return frappe.get_meta("Complaint").get_label(fieldname)


def status_of(complaint) -> str:
	return frappe.db.get_value("Complaint", complaint.name, "status")


def received_on_23_march(cast):
	with on("2026-03-30"):
		return make_complaint(cast, received_on="2026-03-23")


def allocated(cast):
	complaint = received_on_23_march(cast)
	with on("2026-03-30"):
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		return apply_action(complaint, "Allocate", cast.qa_manager)


def test_allocating_needs_the_qa_officer(cast):
	"""The shipped workflow offers Allocate only once a QA Officer is named; without that condition (the
	council may remove it) the server still refuses."""
	complaint = received_on_23_march(cast)
	with on("2026-03-30"), pytest.raises(WorkflowTransitionError):
		apply_action(complaint, "Allocate", cast.qa_manager)
	with workflow_reshaped(cast.manager, "Complaint", without_conditions):
		with on("2026-03-30"), refused(f"To allocate the complaint: record {label('qa_officer')}"):
			apply_action(complaint, "Allocate", cast.qa_manager)
		assert status_of(complaint) == "Received"


def test_the_qa_officer_must_hold_that_role(cast):
	complaint = received_on_23_march(cast)
	with on("2026-03-30"), refused("is not a QA Officer"):
		edit(complaint, cast.qa_manager, qa_officer=cast.team_manager)
	assert frappe.db.get_value("Complaint", complaint.name, "qa_officer") is None


@pytest.mark.parametrize(
	"missing", ["complainant_contacted_on", "initial_meeting_on", "agreed_timescale_days"]
)
def test_investigating_needs_contact_the_meeting_and_the_timescale(cast, missing):
	complaint = allocated(cast)
	facts = {k: v for k, v in READY_TO_INVESTIGATE.items() if k != missing}
	if missing == "agreed_timescale_days":
		del facts["timescale_agreed_on"]  # goes with the timescale
	with on("2026-03-30"):
		edit(complaint, cast.qa_officer, points=[{"description": "Late minutes", "category": make_category()}],
			**facts)  # fmt: skip
		with refused(re.escape(f"To start the investigation: record {label(missing)}.")):
			apply_action(complaint, "Establish Points", cast.qa_officer)
	assert status_of(complaint) == "Allocated"


def test_investigating_needs_a_point(cast):
	complaint = allocated(cast)
	with on("2026-03-30"):
		edit(complaint, cast.qa_officer, **READY_TO_INVESTIGATE)
		with refused("Establish at least one complaint point"):
			apply_action(complaint, "Establish Points", cast.qa_officer)
	assert status_of(complaint) == "Allocated"


@pytest.mark.parametrize("point", [{"outcome": "Upheld"}, {"finding": "Sent six weeks late."}])
def test_quality_assurance_needs_an_outcome_and_a_finding_on_every_point(cast, point):
	complaint = allocated(cast)
	with on("2026-03-30"):
		edit(complaint, cast.qa_officer, points=[{"description": "Late minutes", "category": make_category(),
			**point}], **READY_TO_INVESTIGATE)  # fmt: skip
		complaint = apply_action(complaint, "Establish Points", cast.qa_officer)
		with refused(r"Give every point an outcome and a finding before quality assurance \(points 1\)"):
			apply_action(complaint, "Submit for QA", cast.qa_officer)
	assert status_of(complaint) == "In Progress"


def test_sending_the_response_needs_the_letter_sent_and_keeps_nothing_until_then(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		complaint = apply_action(complaint, "Approve", cast.approver)
		with refused(f"To send the response: record {label('response_sent_to_manager_on')}"):
			apply_action(complaint, "Send Response", cast.officer)
	assert status_of(complaint) == "Approved"
	assert not frappe.db.exists(
		"File", {"attached_to_name": complaint.name, "attached_to_field": "sent_letter"}
	)


def test_closing_needs_the_copy_on_the_childs_file(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		complaint = apply_action(complaint, "Send Response", cast.officer)
	with on("2026-03-31"):
		with refused(f"To close the complaint: record {label('child_file_copy_on')}"):
			apply_action(complaint, "Close", cast.officer)
		assert status_of(complaint) == "Responded"
		edit(complaint, cast.officer, child_file_copy_on="2026-03-31", child_file_copy_by=cast.officer)
		assert apply_action(complaint, "Close", cast.officer).status == "Closed"


def test_an_early_resolution_needs_who_agreed_it_and_a_summary(cast):
	complaint = allocated(cast)
	with on("2026-03-26"):
		edit(complaint, cast.qa_officer, complainant_contacted_on="2026-03-24", initial_meeting_on="2026-03-25",
			early_resolution=1)  # fmt: skip
		with refused(f"To record an early resolution: record {label('resolution_agreed_with')}, "
			f"{label('resolution_summary')}"):  # fmt: skip
			apply_action(complaint, "Resolve Early", cast.qa_officer)
	assert status_of(complaint) == "Allocated"


def test_a_complaint_resolved_early_is_not_investigated(cast):
	complaint = allocated(cast)
	with on("2026-03-26"):
		edit(complaint, cast.qa_officer, early_resolution=1, resolution_agreed_with="Joanne Pritchard",
			resolution_summary="Minutes by Friday.", points=[{"description": "Late minutes",
			"category": make_category()}], **READY_TO_INVESTIGATE)  # fmt: skip
		with refused("resolved at the initial meeting: record the resolution instead"):
			apply_action(complaint, "Establish Points", cast.qa_officer)
	assert status_of(complaint) == "Allocated"


def test_only_a_complaint_resolved_early_is_answered_before_investigation(cast):
	"""Even where the council's workflow offers Resolve Early unconditionally, the server refuses it for a
	complaint not marked resolved early."""
	complaint = allocated(cast)
	with on("2026-03-26"):
		edit(complaint, cast.qa_officer, complainant_contacted_on="2026-03-24", initial_meeting_on="2026-03-25",
			resolution_agreed_with="Joanne Pritchard", resolution_summary="Minutes by Friday.")  # fmt: skip
	with workflow_reshaped(cast.manager, "Complaint", without_conditions), on("2026-03-26"):
		with refused(
			"Only a complaint resolved at the initial meeting can be responded to before investigation"
		):
			apply_action(complaint, "Resolve Early", cast.qa_officer)
		assert status_of(complaint) == "Allocated"
