"""A complaint outside the statutory procedure runs on the council's corporate clocks: acknowledged
within 5 working days, answered within 10 of the acknowledgement, extended by at most 10 with a reason;
its own letter, its own alert; never the statutory timescale.

Counted by hand over Christmas 2026 (Fri 25 December, Mon 28 December for Boxing Day, Fri 1 January):
received Wed 23 December, 24 December is working day 1, 29-31 December are 2-4 and Mon 4 January is
the 5th, the last day to acknowledge. Acknowledged Thu 24 December: 29 December to 12 January are
working days 1-10 (response due Tue 12 January), and ten more reach Tue 26 January, the furthest an
extension may go.
"""

import re

import frappe
import pytest
from freezegun import freeze_time
from helpers import (
	Cast,
	answered_at_stage_2,
	apply_action,
	as_user,
	ask_for,
	edit,
	make_category,
	make_complaint,
	on,
	refused,
	sent_letter_text,
)

from complaints_hc.complaints.daily_jobs import raise_early_clock_alerts

CORPORATE = "Corporate"


@pytest.fixture
def cast():
	return Cast()


def dates(doc, *fieldnames):
	return tuple(str(doc.get(f)) if doc.get(f) else None for f in fieldnames)


def test_a_corporate_complaint_on_its_own_clocks_from_receipt_to_its_letter(cast):
	with on("2026-12-23"):
		complaint = make_complaint(cast, received_on="2026-12-23", procedure=CORPORATE)
	# until it is acknowledged, the response is due as if acknowledged on the last day
	assert dates(complaint, "acknowledge_by", "due_date") == ("2027-01-04", "2027-01-18")

	with on("2026-12-24"):
		complaint = edit(complaint, cast.officer, acknowledged_on="2026-12-24")
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		complaint = apply_action(complaint, "Allocate", cast.qa_manager)
	assert dates(complaint, "due_date", "longest_due_date", "qa_by") == (
		"2027-01-12",
		"2027-01-26",
		"2027-01-08",
	)
	assert complaint.acknowledgement_met == "Met" and complaint.rag_status == "On track"

	with on("2027-01-05"):
		with refused("no agreed timescale"):
			edit(complaint, cast.qa_officer, agreed_timescale_days=15, timescale_agreed_on="2027-01-05")
		# no initial meeting and no timescale: the acknowledgement and the points are enough
		edit(complaint, cast.qa_officer, points=[{"description": "Transport stopped without a letter",
			"category": make_category()}])  # fmt: skip
		complaint = apply_action(complaint, "Establish Points", cast.qa_officer)
	assert complaint.status == "In Progress"

	with on("2027-01-08"):
		extension = {"requested_on": "2027-01-08", "rationale": "Waiting for the school's records"}
		with refused("at most 10 working days, to 26-01-2027"):
			edit(complaint, cast.officer, extensions=[{**extension, "new_due_date": "2027-01-27"}])
		with refused("the reason"):
			edit(
				complaint,
				cast.officer,
				extensions=[{**extension, "rationale": " ", "new_due_date": "2027-01-26"}],
			)
		complaint = edit(complaint, cast.officer, extensions=[{**extension, "new_due_date": "2027-01-26"}])
	assert dates(complaint, "due_date") == ("2027-01-26",)

	with on("2027-01-20"):
		fresh = frappe.get_doc("Complaint", complaint.name)
		with as_user(cast.qa_officer):
			fresh.points[0].outcome, fresh.points[0].finding = (
				"Upheld",
				"No letter was sent before the change.",
			)
			fresh.save()
		complaint = apply_action(fresh, "Submit for QA", cast.qa_officer)
		complaint = apply_action(complaint, "Approve", cast.approver)
	with on("2027-01-21"):
		edit(complaint, cast.officer, response_sent_to_manager_on="2027-01-21")
		complaint = apply_action(complaint, "Send Response", cast.officer)
	# 23 December to 21 January: 18 working days, within the extended date
	assert (complaint.timescale_met, complaint.rag_status, complaint.working_days_taken) == ("Met", "Met", 18)
	assert complaint.sent_letter_print_format == "Corporate Response Letter"
	text = sent_letter_text(complaint)
	assert "corporate complaints procedure" in text and "acknowledged on 24-12-2026" in text
	assert "Ombudsman" in text and "stage 2" not in text

	with on("2027-01-22"), refused("procedure cannot change now"):
		edit(complaint, cast.manager, procedure="Statutory (Children Act 1989)")


def test_a_corporate_complaint_is_acknowledged_before_it_is_investigated(cast):
	with on("2026-06-08"):
		complaint = make_complaint(cast, received_on="2026-06-08", procedure=CORPORATE)
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		complaint = apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.qa_officer, points=[{"description": "No reply", "category": make_category()}])
		with refused("record Acknowledged On"):
			apply_action(complaint, "Establish Points", cast.qa_officer)
		with refused("between the received date and today"):
			edit(complaint, cast.officer, acknowledged_on="2026-06-05")
	assert frappe.db.get_value("Complaint", complaint.name, ["status", "acknowledged_on"]) == (
		"Allocated",
		None,
	)


def test_the_acknowledgement_alert_comes_on_its_day_and_the_contact_alert_never(cast):
	# received Fri 5 June 2026: the 5th working day is Fri 12 June
	with on("2026-06-05"):
		complaint = make_complaint(cast, received_on="2026-06-05", procedure=CORPORATE)
	assert str(complaint.acknowledge_by) == "2026-06-12"
	with freeze_time("2026-06-11 08:00:00"):
		raised = raise_early_clock_alerts()
	assert complaint.name not in raised["acknowledgement"] and complaint.name not in raised["contact"]
	with freeze_time("2026-06-12 08:00:00"):
		raised = raise_early_clock_alerts()
	assert complaint.name in raised["acknowledgement"] and complaint.name not in raised["contact"]
	subject = f"{complaint.name}: acknowledge the corporate complaint by 12-06-2026"
	queued = frappe.get_all("Email Queue", {"reference_name": complaint.name, "message": ["like", f"%{subject}%"]},
		pluck="name")  # fmt: skip
	recipients = frappe.get_all("Email Queue Recipient", {"parent": ["in", queued]}, pluck="recipient")
	assert cast.officer in recipients and cast.subject not in recipients
	with freeze_time("2026-06-15 08:00:00"):
		assert complaint.name not in raise_early_clock_alerts()["acknowledgement"]  # once only


def test_a_later_stage_letter_is_in_a_young_persons_words_when_the_complaint_needs_it(cast):
	complaint = answered_at_stage_2(cast, age_appropriate=True)
	stage_2 = frappe.get_doc("Stage 2 Investigation", {"complaint": complaint.name})
	assert stage_2.sent_letter_print_format == "Stage 2 Response Letter (Young Person)"
	text = sent_letter_text(stage_2)
	assert "You asked us to look at your complaint again" in text and complaint.name in text


def answered_corporate_complaint(cast):
	"""A corporate complaint received and acknowledged on Monday 8 June 2026, investigated by the QA
	Officer, approved and answered on Friday 12 June, each step by its real user."""
	with on("2026-06-08"):
		complaint = make_complaint(cast, received_on="2026-06-08", procedure=CORPORATE)
		edit(complaint, cast.officer, acknowledged_on="2026-06-08")
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		complaint = apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.qa_officer, points=[{"description": "Transport stopped without a letter",
			"category": make_category(), "outcome": "Upheld", "finding": "No letter was sent before the change."}])  # fmt: skip
		complaint = apply_action(complaint, "Establish Points", cast.qa_officer)
		complaint = apply_action(complaint, "Submit for QA", cast.qa_officer)
	with on("2026-06-12"):
		complaint = apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-06-12")
		return apply_action(complaint, "Send Response", cast.officer)


def test_the_corporate_procedure_has_no_stage_2_or_mediation_after_its_response(cast):
	complaint = answered_corporate_complaint(cast)
	assert (complaint.status, complaint.procedure) == ("Responded", CORPORATE)
	with on("2026-06-15"):
		with refused(re.escape("A complaint under the corporate procedure goes to the Ombudsman after the council's response, not to a stage 2 investigation.")):  # fmt: skip
			ask_for("Stage 2 Investigation", complaint, cast.officer)
		with refused(re.escape("Mediation is part of the statutory procedure; a corporate complaint goes to the Ombudsman.")):  # fmt: skip
			ask_for("Mediation", complaint, cast.officer, mediator="Jo Whitfield")
		# where it does go: the Ombudsman, with no early referral to agree
		with as_user(cast.officer):
			enquiry = frappe.get_doc({"doctype": "Ombudsman Enquiry", "complaint": complaint.name,
				"ombudsman_reference": "26 100 200", "requested_on": "2026-06-15"}).insert()  # fmt: skip
	assert enquiry.council_procedure_complete == 1
	assert not frappe.db.exists("Stage 2 Investigation", {"complaint": complaint.name})
	assert not frappe.db.exists("Mediation", {"complaint": complaint.name})
	assert frappe.db.get_value("Complaint", complaint.name, "stage") == "Ombudsman"


def test_a_corporate_complaint_needs_its_points_to_be_investigated_and_never_restarts(cast):
	restart = re.escape("A corporate complaint has no agreed timescale or restart")
	with on("2026-06-08"):
		complaint = make_complaint(cast, received_on="2026-06-08", procedure=CORPORATE)
		edit(complaint, cast.officer, acknowledged_on="2026-06-08")
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		complaint = apply_action(complaint, "Allocate", cast.qa_manager)
		with refused(re.escape("Establish at least one complaint point before investigating.")):
			apply_action(complaint, "Establish Points", cast.qa_officer)
		assert frappe.db.get_value("Complaint", complaint.name, "status") == "Allocated"
		with refused(restart):  # the Complaints Manager, who agrees restarts on statutory complaints
			edit(complaint, cast.manager, clock_restarted_on="2026-06-08",
				restart_reason="Two points added when we spoke to the family.")  # fmt: skip
		edit(complaint, cast.qa_officer, points=[{"description": "No reply to three emails",
			"category": make_category()}])  # fmt: skip
		complaint = apply_action(complaint, "Establish Points", cast.qa_officer)
	assert complaint.status == "In Progress"
	with on("2026-06-10"):
		with refused(restart):
			edit(complaint, cast.manager, clock_restarted_on="2026-06-10",
				restart_reason="A fourth point came in writing.")  # fmt: skip
	assert frappe.db.get_value("Complaint", complaint.name,
		["clock_restarted_on", "restart_agreed_by", "due_date"]) == (None, None, complaint.due_date)  # fmt: skip
