"""One complaint's whole journey at a glance: its stage 1 (or corporate) response and every later
stage's record, each with its state, its next date and its timeliness.

Read through `frappe.get_list`, so each later record shows only to someone who may see it."""

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc.complaints.names import CORPORATE, OMBUDSMAN, STAGE_1, STAGE_2, STAGE_3

# A later stage's record: its DocType, the stage it is, and the fields holding its due and done dates
# and its timeliness (None where the stage has none).
LATER_STAGES = (
	("Mediation", "Mediation", None, "meeting_on", None),
	("Stage 2 Investigation", STAGE_2, "response_due_on", "response_sent_on", "timeliness"),
	("Stage 3 Review Panel", STAGE_3, "next_due_on", "response_sent_on", "timeliness"),
	("Ombudsman Enquiry", OMBUDSMAN, "information_due_on", "final_decision_on", None),
)


def journey(complaint_name: str) -> list[dict]:
	complaint = frappe.get_doc("Complaint", complaint_name)
	steps = [
		step(
			"Corporate response" if complaint.procedure == CORPORATE else STAGE_1,
			complaint,
			started_on=complaint.received_on,
			due_on=complaint.due_date,
			done_on=complaint.responded_on,
			timeliness=complaint.rag_status,
		)
	]
	for doctype, stage, due_field, done_field, timeliness_field in LATER_STAGES:
		fields = ["name", "status", "requested_on", *filter(None, (due_field, done_field, timeliness_field))]
		for row in frappe.get_list(doctype, filters={"complaint": complaint_name}, fields=fields,
			order_by="requested_on asc"):  # fmt: skip
			row.doctype = doctype
			steps.append(
				step(
					stage,
					row,
					started_on=row.requested_on,
					due_on=row.get(due_field) if due_field else None,
					done_on=row.get(done_field),
					timeliness=row.get(timeliness_field) if timeliness_field else None,
				)
			)
	return steps


def step(stage, record, started_on, due_on, done_on, timeliness) -> dict:
	def day(value):
		return str(getdate(value)) if value else None

	return {
		"stage": stage,
		"doctype": record.doctype,
		"name": record.name,
		"status": record.status,
		"started_on": day(started_on),
		"due_on": day(due_on),
		"done_on": day(done_on),
		"timeliness": timeliness or "",
	}
