# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Mediation after a stage 1 response: who mediates, the meeting, and its outcome (resolved, or on to
stage 2 with the date the complainant asked). Who may see it follows its complaint."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from complaints_hc.complaints import names
from complaints_hc.complaints.stage_records import LaterStageRecord


class Mediation(LaterStageRecord):
	STAGE_LABEL = "mediation"
	PREVIOUS_RESPONSE = "the stage 1 response"
	LIFECYCLE = names.MEDIATION_LIFECYCLE

	def validate(self):
		complaint = self.guard()
		if complaint.procedure == names.CORPORATE:
			frappe.throw(
				_(
					"Mediation is part of the statutory procedure; a corporate complaint goes to the Ombudsman."
				)
			)
		if self.is_new() and frappe.db.exists("Stage 2 Investigation", {"complaint": self.complaint}):
			frappe.throw(_("This complaint is already at stage 2."), title=_("Too late for mediation"))
		self.check_request(complaint.responded_on)
		self.check_event_dates(("meeting_on", "stage_2_requested_on"))
		if self.mediator_user and self.mediator_user in {row.user for row in complaint.subjects} | {
			complaint.social_worker,
			complaint.team_manager,
		}:
			frappe.throw(
				_("The mediator cannot be someone involved in the complaint."), title=_("Not independent")
			)
		self.check_status_requirements()

	def before_save(self):
		self.stamp_late_decision()
		if self.status != self.previous_status and self.status == names.MEDIATION_WITHDRAWN:
			self.withdrawn_on = self.withdrawn_on or today()

	def on_trash(self):
		if self.status != names.MEDIATION_REQUESTED:
			frappe.throw(
				_("Mediation under way is part of the record: withdraw it instead."), frappe.LinkExistsError
			)

	def check_status_requirements(self):
		if self.status == self.previous_status:
			return
		if self.status == names.MEDIATION_ARRANGED:
			self.require("mediator", why=_("To arrange mediation"))
		elif self.status == names.MEDIATION_RESOLVED:
			self.require(
				"meeting_on", "resolution_summary", why=_("To record that mediation resolved the complaint")
			)
		elif self.status == names.MEDIATION_NOT_RESOLVED:
			self.require(
				"meeting_on", "stage_2_requested_on", why=_("To record that mediation did not resolve it")
			)
			if getdate(self.stage_2_requested_on) < getdate(self.meeting_on):
				frappe.throw(_("The request for stage 2 comes after the mediation meeting."))
		elif self.status == names.MEDIATION_WITHDRAWN:
			self.check_ready_to_withdraw()
