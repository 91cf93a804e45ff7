"""Stage 2: the request after the stage 1 response, the independent investigation, the extension to at
most 65 working days, the adjudication and the response, each step by the person whose job it is.

Dates are counted by hand over Easter and the early May bank holiday 2026 (Good Friday 3 April, Easter
Monday 6 April, 4 May): requested Wed 1 April, the 25th working day is Mon 11 May, the 65th Tue 7 July.
The stage 1 response went on Mon 30 March, so the 20-working-day window for asking ends Wed 29 April.
"""

import re

import frappe
import pytest
from frappe.model.workflow import WorkflowTransitionError
from helpers import (
	Cast,
	answered_at_stage_1,
	apply_action,
	as_user,
	edit,
	on,
	refused,
	sent_letter_text,
	walk_to_quality_assurance,
)

STAGE_2 = "Stage 2 Investigation"


@pytest.fixture
def cast():
	return Cast()


def ask_for_stage_2(complaint, user, **values):
	request = {"doctype": STAGE_2, "complaint": complaint.name, "requested_on": frappe.utils.today(),
		"requested_via": "Letter", "remaining_concerns": "The minutes are still wrong about my son's wishes."}  # fmt: skip
	request.update(values)
	with as_user(user):
		return frappe.get_doc(request).insert()


PEOPLE = [
	{
		"role_in_stage": "Investigating Officer",
		"full_name": "Marcus Webb",
		"organisation": "Webb Investigations",
		"appointed_on": "2026-04-08",
	},
	{
		"role_in_stage": "Independent Person",
		"full_name": "Hannah Cole",
		"organisation": "Independent Person",
		"appointed_on": "2026-04-08",
	},
]


def test_a_complaint_goes_through_stage_2_with_an_extension_to_65_working_days(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-01"):
		stage = ask_for_stage_2(complaint, cast.officer)
	assert (stage.status, stage.workflow_state) == ("Requested", "Requested")
	assert str(stage.due_on) == "2026-05-11" and str(stage.longest_due_on) == "2026-07-07"
	assert str(stage.request_window_ends) == "2026-04-29" and not stage.request_is_late
	assert [(p.description, p.carried_from_stage_1) for p in stage.points] == [("Late minutes", 1)]
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Stage 2"

	with on("2026-04-15"):
		with refused("appoint one Investigating Officer"):
			apply_action(stage, "Start Investigation", cast.officer)  # nobody appointed yet
		stage = edit(stage, cast.officer, people=PEOPLE, statement_agreed_on="2026-04-14")
		stage = apply_action(stage, "Start Investigation", cast.officer)
	assert stage.status == "Investigating" and stage.timeliness == "On track"

	with on("2026-05-06"):
		with refused("65 working days"):
			edit(stage, cast.officer, extended_to="2026-07-08", extension_reason="More interviews",
				new_date_told_on="2026-05-06")  # fmt: skip  # the 66th working day
		with refused("Record when the complainant was told"):
			edit(stage, cast.officer, extended_to="2026-07-07", extension_reason="More interviews")
		stage = edit(stage, cast.officer, extended_to="2026-07-07", extension_reason="More interviews",
			new_date_told_on="2026-05-06")  # fmt: skip
	assert str(stage.response_due_on) == "2026-07-07"

	with on("2026-06-30"):
		fresh = frappe.get_doc(STAGE_2, stage.name)
		with as_user(cast.officer):
			fresh.investigation_report_on = "2026-06-26"
			fresh.independent_person_report_on = "2026-06-29"
			fresh.points[0].finding, fresh.points[0].outcome = "Minutes corrected late again.", "Upheld"
			fresh.save()
		stage = apply_action(fresh, "Submit for Adjudication", cast.officer)
		with pytest.raises(WorkflowTransitionError):
			apply_action(stage, "Adjudicate", cast.qa_officer)  # not a senior manager
		with refused("To adjudicate"):
			apply_action(stage, "Adjudicate", cast.approver)
		edit(stage, cast.approver, adjudication="The council accepts the findings and apologises.")
		stage = apply_action(stage, "Adjudicate", cast.approver)
	assert (stage.adjudicated_by, str(stage.adjudicated_on)) == (cast.approver, "2026-06-30")

	with on("2026-07-02"):
		with pytest.raises(frappe.PermissionError, match="adjudicated"):
			edit(stage, cast.officer, adjudication="Softer words.")
		stage = apply_action(stage, "Send Response", cast.officer)
	assert (stage.status, stage.timeliness, stage.working_days_taken) == ("Responded", "Met", 62)
	assert stage.response_sent_by == cast.officer
	assert stage.sent_letter_print_format == "Stage 2 Response Letter"
	letter = frappe.get_doc("File", {"file_url": stage.sent_letter, "attached_to_name": stage.name})
	assert letter.is_private and letter.attached_to_name == stage.name
	text = sent_letter_text(stage)
	assert complaint.name in text and "The council accepts the findings and apologises." in text


def test_stage_2_needs_a_stage_1_response(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-04-01"), refused("follows the stage 1 response"):
		ask_for_stage_2(complaint, cast.officer)
	assert not frappe.db.exists(STAGE_2, {"complaint": complaint.name})
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Stage 1"


def test_a_late_request_needs_a_recorded_decision(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-30"):
		with refused("window for asking closed"):
			ask_for_stage_2(complaint, cast.officer)
		stage = ask_for_stage_2(complaint, cast.officer,
			late_request_decision="Accepted: the complainant was in hospital in April.")  # fmt: skip
	assert stage.request_is_late and stage.late_request_decided_by == cast.officer


def test_the_people_appointed_must_be_independent(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-15"):
		stage = ask_for_stage_2(complaint, cast.officer, requested_on="2026-04-01")
		employed = [PEOPLE[0], {**PEOPLE[1], "council_employee": 1}]
		with refused("cannot be employed by the council"):
			edit(stage, cast.officer, people=employed)
		same = [PEOPLE[0], {**PEOPLE[1], "full_name": "Marcus Webb"}]
		with refused("must be different people"):
			edit(stage, cast.officer, people=same)
		involved = [{**PEOPLE[0], "user": cast.subject}, PEOPLE[1]]
		with refused("involved in the complaint"):
			edit(stage, cast.officer, people=involved)
	assert frappe.db.count("Stage Person", {"parent": stage.name}) == 0


def test_someone_appointed_to_the_investigation_cannot_adjudicate_it(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-15"):
		stage = ask_for_stage_2(complaint, cast.officer, requested_on="2026-04-01")
		appointed = [{**PEOPLE[0], "user": cast.qa_manager}, PEOPLE[1]]
		stage = edit(stage, cast.officer, people=appointed, statement_agreed_on="2026-04-14")
		stage = apply_action(stage, "Start Investigation", cast.officer)
		stage = edit(
			stage,
			cast.officer,
			investigation_report_on="2026-04-15",
			independent_person_report_on="2026-04-15",
		)
		fresh = frappe.get_doc(STAGE_2, stage.name)
		with as_user(cast.officer):
			fresh.points[0].finding, fresh.points[0].outcome = "Found late.", "Upheld"
			fresh.save()
		stage = apply_action(fresh, "Submit for Adjudication", cast.officer)
		edit(stage, cast.qa_manager, adjudication="Upheld.")
		with pytest.raises(frappe.PermissionError, match="someone else must adjudicate"):
			apply_action(stage, "Adjudicate", cast.qa_manager)
		stage = apply_action(stage, "Adjudicate", cast.approver)
	assert stage.adjudicated_by == cast.approver


def investigating(cast):
	"""Stage 1 answered on 30 March; stage 2 asked for on Wednesday 1 April (due Monday 11 May) and under
	investigation from 15 April, by the Complaints Officer."""
	complaint = answered_at_stage_1(cast)
	with on("2026-04-15"):
		stage = ask_for_stage_2(complaint, cast.officer, requested_on="2026-04-01")
		stage = edit(stage, cast.officer, people=PEOPLE, statement_agreed_on="2026-04-14")
		return apply_action(stage, "Start Investigation", cast.officer)


def decide_point(stage, user, outcome, finding, idx=1):
	"""This user writes a stage 2 point's outcome and finding, as the form saves the table."""
	with as_user(user):
		fresh = frappe.get_doc(STAGE_2, stage.name)
		fresh.points[idx - 1].outcome, fresh.points[idx - 1].finding = outcome, finding
		fresh.save()
	return frappe.get_doc(STAGE_2, stage.name)


def at_adjudication(cast):
	"""Both reports in and the one point decided; put to adjudication on Wednesday 6 May."""
	stage = investigating(cast)
	with on("2026-05-06"):
		stage = edit(stage, cast.officer, investigation_report_on="2026-05-01",
			independent_person_report_on="2026-05-05")  # fmt: skip
		stage = decide_point(stage, cast.officer, "Upheld", "The minutes were corrected late again.")
		return apply_action(stage, "Submit for Adjudication", cast.officer)


def status_of(stage):
	return frappe.db.get_value(STAGE_2, stage.name, "status")


def test_adjudication_needs_both_reports_and_a_finding_and_outcome_on_every_point(cast):
	stage = investigating(cast)
	submit = "Submit for Adjudication"
	with on("2026-05-06"):
		with refused(re.escape("To put it to adjudication: record Investigating Officer's Report On, Independent Person's Report On.")):  # fmt: skip
			apply_action(stage, submit, cast.officer)
		stage = edit(stage, cast.officer, investigation_report_on="2026-05-01")
		with refused(re.escape("To put it to adjudication: record Independent Person's Report On.")):
			apply_action(stage, submit, cast.officer)
		# a new point, decided, beside the carried stage 1 point, still undecided
		stage = edit(stage, cast.officer, independent_person_report_on="2026-05-05",
			points=[{"description": "Nobody explained why the placement ended", "outcome": "Not upheld",
				"finding": "The letter of 2 March explained it."}])  # fmt: skip
		undecided = re.escape(
			"Give every point a stage 2 finding and outcome before adjudication (points 1)."
		)
		with refused(undecided):
			apply_action(stage, submit, cast.officer)
		stage = decide_point(stage, cast.officer, None, "The minutes were corrected late again.")
		with refused(undecided):  # a finding without an outcome
			apply_action(stage, submit, cast.officer)
		stage = decide_point(stage, cast.officer, "Upheld", "  ")
		with refused(undecided):  # an outcome with a blank finding
			apply_action(stage, submit, cast.officer)
		assert status_of(stage) == "Investigating"
		stage = decide_point(stage, cast.officer, "Upheld", "The minutes were corrected late again.")
		stage = apply_action(stage, submit, cast.officer)
	assert (stage.status, [p.outcome for p in stage.points]) == ("Adjudication", ["Upheld", "Not upheld"])


def test_the_adjudicator_returns_the_investigation_for_changes(cast):
	stage = at_adjudication(cast)
	with on("2026-05-07"):
		# with the adjudicator, the investigation is not the Complaints Officer's to change or return
		with pytest.raises(frappe.PermissionError, match="only QA Approver or QA Service Manager can change"):
			decide_point(stage, cast.officer, "Partially upheld", "Late, but the family had a draft.")
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(stage, "Return for Changes", cast.officer)
		assert status_of(stage) == "Adjudication"
		stage = apply_action(stage, "Return for Changes", cast.approver)
	assert (stage.status, stage.adjudicated_on, stage.adjudicated_by) == ("Investigating", None, None)
	with on("2026-05-08"):
		stage = decide_point(stage, cast.officer, "Partially upheld", "Late, but the family had a draft.")
		stage = apply_action(stage, "Submit for Adjudication", cast.officer)
		edit(
			stage, cast.approver, adjudication="The council accepts the finding and apologises for the delay."
		)
		stage = apply_action(stage, "Adjudicate", cast.approver)
	assert (stage.status, stage.points[0].outcome, stage.adjudicated_by) == (
		"Adjudicated",
		"Partially upheld",
		cast.approver,
	)


def test_the_complaints_officer_withdraws_stage_2_with_a_reason(cast):
	stage = investigating(cast)
	with on("2026-04-20"):
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(stage, "Withdraw", cast.approver)  # not the adjudicator's call
		with refused(re.escape("Record why the request was withdrawn.")):
			apply_action(stage, "Withdraw", cast.officer)
		assert frappe.db.get_value(STAGE_2, stage.name, ["status", "withdrawn_on"]) == ("Investigating", None)
		edit(stage, cast.officer, withdrawal_reason="The family moved away and asked us to stop.")
		stage = apply_action(stage, "Withdraw", cast.officer)
	assert (stage.status, str(stage.withdrawn_on), stage.response_sent_on) == (
		"Withdrawn",
		"2026-04-20",
		None,
	)
	assert not stage.timeliness  # no longer on a clock


def test_a_response_in_adjudication_is_withdrawn_with_its_reason_by_the_officer(cast):
	"""Only the senior managers edit a stage 2 response in adjudication, but the officer who may withdraw
	it records why; anything else the officer changes there is still refused."""
	stage = at_adjudication(cast)
	with on("2026-05-07"):
		with pytest.raises(frappe.PermissionError, match="only QA Approver or QA Service Manager"):
			edit(stage, cast.officer, withdrawal_reason="The family asked us to stop.",
				adjudication="Written by the officer.")  # fmt: skip
		edit(stage, cast.officer, withdrawal_reason="The family moved away and asked us to stop.")
		stage = apply_action(stage, "Withdraw", cast.officer)
	assert (stage.status, str(stage.withdrawn_on), stage.adjudication) == ("Withdrawn", "2026-05-07", None)
	assert stage.withdrawal_reason == "The family moved away and asked us to stop."


def test_the_complaints_officer_closes_stage_2_once_the_response_has_gone(cast):
	"""Asked for on 1 April and answered on Friday 8 May: the 24th working day (Easter and 4 May out),
	within the 25 due on Monday 11 May."""
	stage = at_adjudication(cast)
	with on("2026-05-07"):
		edit(stage, cast.approver, adjudication="The council accepts the findings and apologises.")
		stage = apply_action(stage, "Adjudicate", cast.approver)
	with on("2026-05-08"):
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(stage, "Close", cast.officer)  # not before the response
		assert status_of(stage) == "Adjudicated"
		stage = apply_action(stage, "Send Response", cast.officer)
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(stage, "Close", cast.approver)
		assert status_of(stage) == "Responded"
		stage = apply_action(stage, "Close", cast.officer)
	assert (stage.status, stage.timeliness, stage.working_days_taken) == ("Closed", "Met", 24)
	with on("2026-05-11"), pytest.raises(frappe.PermissionError, match="has been adjudicated"):
		edit(stage, cast.manager, adjudication="Softer words.")
	assert frappe.db.get_value(STAGE_2, stage.name, "adjudication") == (
		"The council accepts the findings and apologises."
	)


def test_a_staff_subject_of_the_complaint_sees_no_stage_2(cast):
	complaint = answered_at_stage_1(cast)
	with on("2026-04-01"):
		stage = ask_for_stage_2(complaint, cast.officer)
	with as_user(cast.subject):
		assert stage.name not in frappe.get_list(STAGE_2, pluck="name")
		assert not frappe.has_permission(STAGE_2, "read", doc=stage.name, user=cast.subject)
		assert frappe.get_list("Stage 2 Point", {"parent": stage.name}, parent_doctype=STAGE_2) == []
	with as_user(cast.approver):
		assert stage.name in frappe.get_list(STAGE_2, pluck="name")


def test_the_daily_job_marks_stage_2_due_soon_then_overdue_and_alerts_once_each(cast):
	from complaints_hc.complaints.daily_jobs import refresh_stage_2_timeliness

	complaint = answered_at_stage_1(cast)
	with on("2026-04-01"):
		stage = ask_for_stage_2(complaint, cast.officer)
	assert stage.timeliness == "On track"
	for day, expected in (("2026-05-06", "Due soon"), ("2026-05-07", "Due soon"), ("2026-05-12", "Overdue")):
		with on(day):
			refresh_stage_2_timeliness()
		assert frappe.db.get_value(STAGE_2, stage.name, "timeliness") == expected, day
	subjects = [
		frappe.db.get_value("Email Queue", q, "message").split("Subject: ", 1)[-1].split("\n", 1)[0]
		for q in frappe.get_all(
			"Email Queue", {"reference_doctype": STAGE_2, "reference_name": stage.name}, pluck="name"
		)
	]
	assert sorted(s.split(":")[0] for s in subjects) == ["Due soon", "Overdue"], subjects


def test_the_annual_report_counts_stage_2_from_its_own_records(cast):
	"""Hand count for this cast's team in 2026-27: one complaint answered at stage 1 (within 10 days),
	asked for stage 2 on 1 April, answered on 2 July within its extended date; one point upheld at stage
	1 and at stage 2; one more stage 2 asked for and still open."""
	from complaints_hc.complaints_hc.report.annual_complaints_report.annual_complaints_report import execute

	test_a_complaint_goes_through_stage_2_with_an_extension_to_65_working_days(cast)
	second = answered_at_stage_1(cast)
	with on("2026-04-02"):
		ask_for_stage_2(second, cast.officer)
	with on("2026-07-03"), as_user(cast.qa_manager):
		_columns, rows, *_ = execute({"financial_year": "2026-27", "team": cast.team})
	measures = {(r["section"], r["measure"]): r for r in rows}
	received = measures[("Complaints", "Complaints received")]
	responded = measures[("Complaints", "Responses sent")]
	within = measures[("Complaints", "Responses within the time limit")]
	extended = measures[("Complaints", "Extensions agreed")]
	assert (received["stage_1"], received["stage_2"], received["stage_3"], received["ombudsman"]) == (
		0,
		2,
		0,
		0,
	)
	assert (responded["stage_1"], responded["stage_2"], within["stage_2"], extended["stage_2"]) == (
		0,
		1,
		1,
		1,
	)
	upheld = measures[("Outcomes of points", "Upheld")]
	assert upheld["stage_2"] == 1
