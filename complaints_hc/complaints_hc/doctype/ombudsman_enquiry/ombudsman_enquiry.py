# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""The Local Government and Social Care Ombudsman's enquiry into a complaint: its reference, the
information asked for, the draft and final decisions (fault, injustice, maladministration), the
recommendations (each tracked to completion as a Complaint Action, with the evidence sent back) and
any remedy paid. Who may see it follows its complaint."""

import frappe
from frappe import _

from complaints_hc.complaints import names
from complaints_hc.complaints.stage_records import LaterStageRecord

RECOMMENDATION_ACTION_TYPE = "Ombudsman recommendation"
EVENT_DATES = ("information_sent_on", "draft_decision_on", "final_decision_on", "remedy_paid_on")


class OmbudsmanEnquiry(LaterStageRecord):
	STAGE_LABEL = "Ombudsman enquiry"
	LIFECYCLE = names.OMBUDSMAN_LIFECYCLE

	def validate(self):
		complaint = self.guard()
		self.council_procedure_complete = int(self.procedure_complete(complaint))
		if not self.council_procedure_complete and not (
			self.early_referral_agreed and (self.early_referral_reason or "").strip()
		):
			frappe.throw(
				_(
					"The Ombudsman looks at a complaint after the council's procedure ends. To record an enquiry before then, record that the council agreed to it, and why."
				),
				title=_("Before the council's procedure ended"),
			)
		self.check_event_dates(
			EVENT_DATES, [(_("Evidence Sent On"), r.evidence_sent_on) for r in self.recommendations]
		)
		if self.status != self.previous_status:
			self.check_status_requirements()

	def on_update(self):
		if self.status == names.OMBUDSMAN_FINAL and self.previous_status != names.OMBUDSMAN_FINAL:
			self.track_recommendations_as_actions()
		self.show_the_stage_on_the_complaint(names.OMBUDSMAN)

	def on_trash(self):
		if self.status != names.OMBUDSMAN_ENQUIRY:
			frappe.throw(
				_("An Ombudsman enquiry with a decision is part of the record."), frappe.LinkExistsError
			)

	def procedure_complete(self, complaint) -> bool:
		"""Statutory: the stage 3 panel has had the council's response. Corporate: the response is sent."""
		if complaint.procedure == names.CORPORATE:
			return bool(complaint.responded_on)
		return bool(
			frappe.db.exists(
				"Stage 3 Review Panel", {"complaint": self.complaint, "status": ["in", names.STAGE_ANSWERED]}
			)
		)

	def check_status_requirements(self):
		if self.status == names.OMBUDSMAN_DRAFT:
			self.require("draft_decision_on", why=_("To record the draft decision"))
		elif self.status == names.OMBUDSMAN_FINAL:
			self.require(
				"final_decision_on", "fault_found", "decision_summary", why=_("To record the final decision")
			)
		elif self.status == names.OMBUDSMAN_CLOSED:
			self.check_recommendations_done()

	def check_recommendations_done(self):
		for row in self.recommendations:
			status = frappe.db.get_value("Complaint Action", row.action, "status") if row.action else None
			if status != names.ACTION_VERIFIED or not row.evidence_sent_on:
				frappe.throw(
					_(
						"Recommendation {0} must be done, verified by the QA team and its evidence sent to the Ombudsman before the enquiry closes."
					).format(row.idx),
					title=_("Recommendations outstanding"),
				)

	def track_recommendations_as_actions(self):
		"""Each recommendation becomes a Complaint Action, due when the Ombudsman said."""
		if not frappe.db.exists("Complaint Action Type", RECOMMENDATION_ACTION_TYPE):
			frappe.get_doc(
				{"doctype": "Complaint Action Type", "action_type_name": RECOMMENDATION_ACTION_TYPE}
			).insert(ignore_permissions=True)  # a kind of action the Ombudsman's decision brings with it
		for row in self.recommendations:
			if row.action:
				continue
			action = frappe.get_doc(
				{
					"doctype": "Complaint Action",
					"complaint": self.complaint,
					"action_type": RECOMMENDATION_ACTION_TYPE,
					"description": _("Ombudsman ({0}): {1}").format(
						self.ombudsman_reference, row.description
					),
					"responsible": row.responsible,
					"due_date": row.due_on,
				}
			)
			action.insert(ignore_permissions=True)  # raised by the server from the recorded final decision
			row.db_set("action", action.name, update_modified=False)
