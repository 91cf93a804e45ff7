"""Stage 3: the review panel asked for after the stage 2 response, its three independent members, the
meeting, the panel's report and the council's response, each on its own clock, each step by the person
whose job it is.

Counted by hand over Christmas 2026 (Friday 25 December, Boxing Day substituted on Monday 28 December,
New Year's Day Friday 1 January 2027): asked for on Monday 14 December 2026, the panel must meet by
Thursday 28 January 2027 (30 working days); meeting on Thursday 21 January, its report is due by
Thursday 28 January (5); received on Friday 29 January, the council responds by Friday 19 February (15).
"""

import email
import email.policy
import re

import frappe
import pytest
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError
from helpers import (
	Cast,
	answered_at_stage_2,
	apply_action,
	as_user,
	edit,
	on,
	refused,
	sent_letter_text,
	walk_to_quality_assurance,
)

STAGE_3 = "Stage 3 Review Panel"
PANEL = [
	{
		"full_name": "Ruth Adeyemi",
		"organisation": "Independent chair",
		"chairs": 1,
		"appointed_on": "2026-12-16",
	},
	{"full_name": "Colin Marsh", "organisation": "Independent member", "appointed_on": "2026-12-16"},
	{"full_name": "Priya Nair", "organisation": "Independent member", "appointed_on": "2026-12-16"},
]


@pytest.fixture
def cast():
	return Cast()


def ask_for_a_panel(complaint, user, **values):
	request = {"doctype": STAGE_3, "complaint": complaint.name, "requested_on": frappe.utils.today(),
		"requested_via": "Email", "remaining_concerns": "The apology did not say what will change."}  # fmt: skip
	request.update(values)
	with as_user(user):
		return frappe.get_doc(request).insert()


def test_a_panel_meets_reports_and_the_council_responds_over_christmas(cast):
	complaint = answered_at_stage_2(cast)
	with on("2026-12-14"):
		panel = ask_for_a_panel(complaint, cast.officer)
	assert str(panel.meeting_due_on) == "2027-01-28" and str(panel.next_due_on) == "2027-01-28"
	assert str(panel.request_window_ends) == "2027-01-06" and panel.timeliness == "On track"
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Stage 3"

	with on("2026-12-17"):
		with refused("Independent Person from this complaint's stage 2"):
			edit(panel, cast.officer, panel=[*PANEL[:2], {**PANEL[2], "full_name": "Hannah Cole"}])
		with refused("One member of the panel chairs it"):
			edit(panel, cast.officer, panel=[PANEL[0], {**PANEL[1], "chairs": 1}, PANEL[2]])
		panel = edit(panel, cast.officer, panel=PANEL[:2])  # a panel still being formed
		with refused("three independent people"):
			apply_action(panel, "Convene Panel", cast.officer)
		panel = edit(panel, cast.officer, panel=PANEL)
		panel = apply_action(panel, "Convene Panel", cast.officer)
	assert panel.status == "Convened" and len(panel.panel) == 3

	with on("2027-01-21"):
		panel = edit(panel, cast.officer, meeting_on="2027-01-21")
		panel = apply_action(panel, "Record Meeting", cast.officer)
	assert (panel.meeting_met, str(panel.report_due_on), str(panel.next_due_on)) == (
		"Met",
		"2027-01-28",
		"2027-01-28",
	)

	with on("2027-01-29"):
		with refused("cannot be dated before the panel met"):
			edit(panel, cast.officer, report_on="2027-01-20")
		panel = edit(panel, cast.officer, report_on="2027-01-29", report_received_on="2027-01-29",
			recommendations="Explain the placement decision to Kai in person; review the family time plan.")  # fmt: skip
		panel = apply_action(panel, "Receive Report", cast.officer)
	assert (panel.report_met, str(panel.response_due_on)) == ("Missed", "2027-02-19")

	with on("2027-02-19"):
		with pytest.raises(frappe.ValidationError, match="council's response"):
			apply_action(panel, "Send Response", cast.approver)
		edit(
			panel,
			cast.approver,
			council_response="We accept both recommendations and will report back by March.",
		)
		panel = apply_action(panel, "Send Response", cast.approver)
	assert (panel.status, panel.response_met, panel.timeliness) == ("Responded", "Met", "Missed")
	assert str(panel.response_sent_on) == "2027-02-19" and panel.response_sent_by == cast.approver
	text = sent_letter_text(panel)
	assert complaint.name in text and "We accept both recommendations" in text

	with on("2027-02-22"), pytest.raises(frappe.PermissionError, match="responded"):
		edit(panel, cast.officer, recommendations="Different words.")


def test_a_panel_needs_the_stage_2_response(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-04-01"), refused("follows the stage 2 response"):
		ask_for_a_panel(complaint, cast.officer)
	assert not frappe.db.exists(STAGE_3, {"complaint": complaint.name})


def test_the_daily_job_follows_the_panels_next_deadline(cast):
	from complaints_hc.complaints.daily_jobs import refresh_stage_3_timeliness

	complaint = answered_at_stage_2(cast)
	with on("2026-12-14"):
		panel = ask_for_a_panel(complaint, cast.officer)
	with on("2027-01-25"):
		refresh_stage_3_timeliness()
	assert frappe.db.get_value(STAGE_3, panel.name, "timeliness") == "Due soon"
	with on("2027-01-29"):
		refresh_stage_3_timeliness()
	assert frappe.db.get_value(STAGE_3, panel.name, "timeliness") == "Overdue"


def alerts_about(panel) -> list[tuple[str, str]]:
	"""(subject, recipient) of every email queued about this panel (one alert to many people may be
	queued as one email or as one per person)."""
	found = []
	for queued in frappe.get_all("Email Queue", {"reference_doctype": STAGE_3, "reference_name": panel.name},
		pluck="name"):  # fmt: skip
		raw = frappe.db.get_value("Email Queue", queued, "message")
		subject = str(email.message_from_string(raw, policy=email.policy.default)["Subject"])
		found += [
			(subject, r)
			for r in frappe.get_all("Email Queue Recipient", {"parent": queued}, pluck="recipient")
		]
	return found


def test_the_daily_job_alerts_once_as_the_panels_deadline_nears_and_once_when_it_passes(cast):
	"""Asked for on 14 December 2026, the panel must meet by Thursday 28 January 2027: due soon from
	Monday 25 January (3 working days ahead), overdue on Friday 29 January. The job runs twice on each
	of those days, as a rerun of the scheduler would, and sends nothing new on the days between."""
	from complaints_hc.complaints.daily_jobs import refresh_stage_3_timeliness

	def run_twice_on(day):
		with on(day):
			refresh_stage_3_timeliness()
			once = sorted(alerts_about(panel))
			refresh_stage_3_timeliness()
		assert sorted(alerts_about(panel)) == once, day  # the second run queued nothing
		return once

	complaint = answered_at_stage_2(cast)
	with on("2026-12-14"):
		panel = ask_for_a_panel(complaint, cast.officer)
	before = sorted(alerts_about(panel))
	due_soon = f"Due soon: the stage 3 panel for {complaint.name} has a deadline on 28-01-2027"
	overdue = f"Overdue: the stage 3 panel for {complaint.name} missed its deadline of 28-01-2027"

	assert run_twice_on("2027-01-22") == before  # on track
	after_due_soon = run_twice_on("2027-01-25")
	assert frappe.db.get_value(STAGE_3, panel.name, "timeliness") == "Due soon"
	assert {alert[0] for alert in after_due_soon if alert not in before} == {due_soon}
	assert run_twice_on("2027-01-26") == after_due_soon  # still due soon
	after_overdue = run_twice_on("2027-01-29")
	assert frappe.db.get_value(STAGE_3, panel.name, "timeliness") == "Overdue"

	new = [alert for alert in after_overdue if alert not in before]
	assert {subject for subject, _to in new} == {due_soon, overdue}
	for person in (cast.officer, cast.manager):  # who recorded the request, and the Complaints Managers
		assert sorted(subject for subject, to in new if to == person) == [due_soon, overdue], person
	assert len(new) == len(set(new))  # nobody was sent either alert twice


def panel_that_has_reported(cast):
	"""Asked for on Monday 14 December 2026, convened on 17 December, met on Thursday 21 January 2027
	and its report, dated Friday 22 January, received that day: the council responds by Friday 12
	February (15 working days)."""
	complaint = answered_at_stage_2(cast)
	panel = panel_that_has_met(cast, complaint)
	with on("2027-01-22"):
		panel = edit(panel, cast.officer, report_on="2027-01-22", report_received_on="2027-01-22",
			recommendations="Explain the placement decision to Kai in person.")  # fmt: skip
		return apply_action(panel, "Receive Report", cast.officer)


def panel_that_has_met(cast, complaint):
	with on("2026-12-14"):
		panel = ask_for_a_panel(complaint, cast.officer)
	with on("2026-12-17"):
		panel = edit(panel, cast.officer, panel=PANEL)
		panel = apply_action(panel, "Convene Panel", cast.officer)
	with on("2027-01-21"):
		panel = edit(panel, cast.officer, meeting_on="2027-01-21")
		return apply_action(panel, "Record Meeting", cast.officer)


def test_a_panel_is_withdrawn_with_a_reason_before_it_reports(cast):
	panel = panel_that_has_met(cast, answered_at_stage_2(cast))
	with on("2027-01-22"):
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(panel, "Withdraw", cast.approver)  # not a senior manager's call
		with refused(re.escape("Record why the request was withdrawn.")):
			apply_action(panel, "Withdraw", cast.officer)
		assert frappe.db.get_value(STAGE_3, panel.name, ["status", "withdrawn_on"]) == ("Met", None)
		edit(panel, cast.officer, withdrawal_reason="Kai and his mother met the Director and are content.")
		panel = apply_action(panel, "Withdraw", cast.officer)
	assert (panel.status, str(panel.withdrawn_on)) == ("Withdrawn", "2027-01-22")


def test_a_panel_cannot_be_withdrawn_once_it_has_reported(cast):
	panel = panel_that_has_reported(cast)
	assert panel.status == "Reported"
	with on("2027-01-25"):
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(panel, "Withdraw", cast.officer)
		# the Complaints Manager may still edit a reported panel, so records a reason: still refused
		edit(panel, cast.manager, withdrawal_reason="The family no longer want a response.")
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(panel, "Withdraw", cast.manager)
		# nor by saving the state straight, past the action
		with pytest.raises(WorkflowPermissionError, match="Workflow State transition not allowed"):
			edit(panel, cast.manager, workflow_state="Withdrawn")
	assert frappe.db.get_value(STAGE_3, panel.name, ["status", "workflow_state", "withdrawn_on"]) == (
		"Reported",
		"Reported",
		None,
	)


def test_the_complaints_officer_closes_a_panel_once_the_council_has_responded(cast):
	panel = panel_that_has_reported(cast)
	assert str(panel.response_due_on) == "2027-02-12"
	with on("2027-02-10"):
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(panel, "Close", cast.officer)  # not before the council's response
		edit(
			panel, cast.approver, council_response="We accept the recommendation and will meet Kai in March."
		)
		panel = apply_action(panel, "Send Response", cast.approver)
		with pytest.raises(WorkflowTransitionError, match="Not a valid Workflow Action"):
			apply_action(panel, "Close", cast.approver)  # closing is the complaints team's
		assert frappe.db.get_value(STAGE_3, panel.name, "status") == "Responded"
		panel = apply_action(panel, "Close", cast.officer)
	# met on the 25th working day of 30, reported the next working day, answered on the 13th of 15
	assert (panel.status, panel.meeting_met, panel.report_met, panel.response_met, panel.timeliness) == (
		"Closed",
		"Met",
		"Met",
		"Met",
		"Met",
	)
	with on("2027-02-11"), pytest.raises(frappe.PermissionError, match="The council has responded"):
		edit(panel, cast.manager, recommendations="Different words.")
	assert frappe.db.get_value(STAGE_3, panel.name, "recommendations") == (
		"Explain the placement decision to Kai in person."
	)
