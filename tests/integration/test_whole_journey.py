"""One complaint's whole life under the statutory procedure: stage 1, mediation that does not resolve
it, a stage 2 investigation extended to its 65th working day, a stage 3 review panel, and the
Ombudsman, whose recommendation becomes an action done and evidenced. Each step is taken by the
person whose job it is, with time frozen on the day it happens; every date is counted by hand.

- Stage 1 answered Mon 30 March 2026 (the helper's walk over Easter).
- Mediation met Mon 11 May; not resolved, stage 2 asked for on Tue 12 May.
- Stage 2 from Tue 12 May, over the spring bank holiday (Mon 25 May): the 25th working day is
  Wed 17 June, the 65th Wed 12 August; Thu 13 August would be the 66th.
- Stage 2 answered Wed 12 August; the panel asked for on Mon 17 August, over the summer bank holiday
  (Mon 31 August): it must meet by Tue 29 September (30 working days). It meets Thu 24 September;
  its report is due by Thu 1 October (5); received that day, the council responds by Thu 22 October (15).
- The Ombudsman's enquiry opens Mon 2 November 2026.
"""

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
	sent_letter_text,
)


@pytest.fixture
def cast():
	return Cast()


def dates(doc, *fieldnames):
	return tuple(str(doc.get(f)) if doc.get(f) else None for f in fieldnames)


INDEPENDENT_PERSON = "Hannah Cole"
PANEL = [
	{"full_name": "Ruth Adeyemi", "chairs": 1, "appointed_on": "2026-08-19"},
	{"full_name": "Colin Marsh", "appointed_on": "2026-08-19"},
	{"full_name": "Priya Nair", "appointed_on": "2026-08-19"},
]


def test_a_complaint_from_stage_1_to_the_ombudsman(cast):
	complaint = answered_at_stage_1(cast)
	assert dates(complaint, "responded_on") == ("2026-03-30",)

	# Mediation: arranged, met, did not resolve it; the complainant asks for stage 2 the next day.
	with on("2026-04-08"):
		mediation = ask_for("Mediation", complaint, cast.officer, mediator="Jo Whitfield")
		mediation = apply_action(mediation, "Arrange Mediation", cast.officer)
	with on("2026-05-12"):
		mediation = edit(mediation, cast.officer, meeting_on="2026-05-11", stage_2_requested_on="2026-05-12")
		mediation = apply_action(mediation, "Record No Resolution", cast.officer)
		stage_2 = ask_for("Stage 2 Investigation", complaint, cast.officer)
	assert mediation.status == "Not Resolved"
	assert dates(stage_2, "previous_response_on", "request_window_ends", "due_on", "longest_due_on") == (
		"2026-05-11",
		"2026-06-09",
		"2026-06-17",
		"2026-08-12",
	)
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Stage 2"
	assert stage_2.procedure == "Statutory (Children Act 1989)"  # carried from the complaint, for the reports

	# Stage 2: the Investigating Officer and the Independent Person, the statement, the extension.
	with on("2026-05-19"):
		stage_2 = edit(stage_2, cast.officer, statement_agreed_on="2026-05-19", people=[
			{"role_in_stage": "Investigating Officer", "full_name": "Marcus Webb", "appointed_on": "2026-05-14"},
			{"role_in_stage": "Independent Person", "full_name": INDEPENDENT_PERSON, "appointed_on": "2026-05-14"}])  # fmt: skip
		stage_2 = apply_action(stage_2, "Start Investigation", cast.officer)
	with on("2026-06-10"):
		extension = {
			"extension_reason": "Two foster carers are away until August",
			"new_date_told_on": "2026-06-10",
		}
		with refused("65 working days"):
			edit(stage_2, cast.officer, extended_to="2026-08-13", **extension)  # the 66th working day
		stage_2 = edit(stage_2, cast.officer, extended_to="2026-08-12", **extension)
	assert dates(stage_2, "response_due_on") == ("2026-08-12",) and stage_2.timeliness == "On track"
	with on("2026-08-10"):
		fresh = frappe.get_doc("Stage 2 Investigation", stage_2.name)
		with as_user(cast.officer):
			fresh.investigation_report_on, fresh.independent_person_report_on = "2026-08-05", "2026-08-07"
			fresh.points[0].finding, fresh.points[0].outcome = "The minutes were late again.", "Upheld"
			fresh.save()
		stage_2 = apply_action(fresh, "Submit for Adjudication", cast.officer)
		edit(stage_2, cast.approver, adjudication="The council accepts both reports and apologises.")
		stage_2 = apply_action(stage_2, "Adjudicate", cast.approver)
	with on("2026-08-12"):
		stage_2 = apply_action(stage_2, "Send Response", cast.officer)
	assert (stage_2.timeliness, stage_2.working_days_taken) == ("Met", 65)
	assert "The council accepts both reports and apologises." in sent_letter_text(stage_2)

	# Stage 3: a panel of three without the stage 2 Independent Person; meeting, report, response.
	with on("2026-08-17"):
		panel = ask_for("Stage 3 Review Panel", complaint, cast.officer)
	assert dates(panel, "request_window_ends", "meeting_due_on") == ("2026-09-10", "2026-09-29")
	with on("2026-08-19"):
		with refused("Independent Person from this complaint's stage 2"):
			edit(panel, cast.officer, panel=[*PANEL[:2], {**PANEL[2], "full_name": INDEPENDENT_PERSON}])
		panel = edit(panel, cast.officer, panel=PANEL)
		panel = apply_action(panel, "Convene Panel", cast.officer)
	with on("2026-09-24"):
		panel = edit(panel, cast.officer, meeting_on="2026-09-24")
		panel = apply_action(panel, "Record Meeting", cast.officer)
	assert (panel.meeting_met, *dates(panel, "report_due_on")) == ("Met", "2026-10-01")
	with on("2026-10-01"):
		with refused("cannot be dated before the panel met"):
			edit(panel, cast.officer, report_on="2026-09-23")
		panel = edit(panel, cast.officer, report_on="2026-09-30", report_received_on="2026-10-01",
			recommendations="Explain the decision to the family in person.")  # fmt: skip
		panel = apply_action(panel, "Receive Report", cast.officer)
	assert (panel.report_met, *dates(panel, "response_due_on")) == ("Met", "2026-10-22")
	with on("2026-10-21"):
		edit(panel, cast.approver, council_response="We accept the recommendation and will meet the family.")
		panel = apply_action(panel, "Send Response", cast.approver)
	assert (panel.status, panel.response_met, panel.timeliness) == ("Responded", "Met", "Met")

	# The Ombudsman: the enquiry, the final decision, its recommendation done, verified and evidenced.
	with on("2026-11-02"), as_user(cast.officer):
		enquiry = frappe.get_doc({"doctype": "Ombudsman Enquiry", "complaint": complaint.name,
			"ombudsman_reference": "26 004 321", "requested_on": "2026-11-02"}).insert()  # fmt: skip
	assert enquiry.council_procedure_complete
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Ombudsman"
	with on("2026-12-07"):
		fresh = frappe.get_doc("Ombudsman Enquiry", enquiry.name)
		with as_user(cast.officer):
			fresh.update({"draft_decision_on": "2026-11-23", "final_decision_on": "2026-12-04",
				"fault_found": "Fault found", "injustice": 1, "decision_summary": "Delay in the stage 1 response."})  # fmt: skip
			fresh.append("recommendations", {"description": "Apologise to the family in writing",
				"due_on": "2027-01-08", "responsible": cast.team_manager})  # fmt: skip
			fresh.save()
		enquiry = apply_action(fresh, "Record Draft Decision", cast.officer)
		enquiry = apply_action(enquiry, "Record Final Decision", cast.officer)
	action = frappe.get_doc("Complaint Action", enquiry.recommendations[0].action)
	assert (action.complaint, action.responsible, *dates(action, "due_date")) == (
		complaint.name,
		cast.team_manager,
		"2027-01-08",
	)
	with on("2026-12-14"):
		action = apply_action(action, "Start", cast.team_manager)
		edit(action, cast.team_manager, evidence="Letter of apology sent on 11 December.")
		action = apply_action(action, "Complete", cast.team_manager)
		action = apply_action(action, "Verify", cast.qa_manager)
		fresh = frappe.get_doc("Ombudsman Enquiry", enquiry.name)
		with as_user(cast.officer):
			fresh.recommendations[0].evidence_sent_on = "2026-12-14"
			fresh.save()
		enquiry = apply_action(fresh, "Close", cast.officer)
	assert (action.status, enquiry.status) == ("Verified", "Closed")

	# One complaint, every stage recorded against it.
	journey = {
		doctype: frappe.get_all(doctype, {"complaint": complaint.name}, pluck="status")
		for doctype in ("Mediation", "Stage 2 Investigation", "Stage 3 Review Panel", "Ombudsman Enquiry")
	}
	assert journey == {
		"Mediation": ["Not Resolved"],
		"Stage 2 Investigation": ["Responded"],
		"Stage 3 Review Panel": ["Responded"],
		"Ombudsman Enquiry": ["Closed"],
	}
	# and the complaint's form shows the whole journey at a glance
	from complaints_hc.api.journey import complaint_journey

	with as_user(cast.officer):
		steps = complaint_journey(complaint.name)
	assert [(s["stage"], s["status"], s["started_on"], s["done_on"], s["timeliness"]) for s in steps] == [
		("Stage 1", "Responded", "2026-03-23", "2026-03-30", "Met"),
		("Mediation", "Not Resolved", "2026-04-08", "2026-05-11", ""),
		("Stage 2", "Responded", "2026-05-12", "2026-08-12", "Met"),
		("Stage 3", "Responded", "2026-08-17", "2026-10-21", "Met"),
		("Ombudsman", "Closed", "2026-11-02", "2026-12-04", ""),
	]
	with as_user(cast.subject), pytest.raises(frappe.PermissionError):
		complaint_journey(complaint.name)  # named in the complaint: nothing of it
