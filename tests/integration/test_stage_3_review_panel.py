"""Stage 3: the review panel asked for after the stage 2 response, its three independent members, the
meeting, the panel's report and the council's response, each on its own clock, each step by the person
whose job it is.

Counted by hand over Christmas 2026 (Friday 25 December, Boxing Day substituted on Monday 28 December,
New Year's Day Friday 1 January 2027): asked for on Monday 14 December 2026, the panel must meet by
Thursday 28 January 2027 (30 working days); meeting on Thursday 21 January, its report is due by
Thursday 28 January (5); received on Friday 29 January, the council responds by Friday 19 February (15).
"""

import frappe
import pytest
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
