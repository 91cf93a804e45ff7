# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""A stage 3 review panel of a complaint: the request after the stage 2 response, the panel of three
independent people, the meeting, the panel's report and the council's response, each with its clock.

The rules and dates are in `complaints_hc.complaints.later_stages`; who may see it follows its complaint."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from complaints_hc.complaints import clocks, later_stages, letters, names
from complaints_hc.complaints.stage_records import LaterStageRecord
from complaints_hc.security import workflow_guard
from complaints_hc.working_days.site import due_soon_within, site_calendar

EVENT_DATES = ("meeting_on", "report_on", "report_received_on")
# What the panel did and found: fixed once the council has responded.
DECIDED_CONTENT = (
	"panel",
	"meeting_on",
	"report_on",
	"report_received_on",
	"recommendations",
	"council_response",
)
MESSAGES = {
	later_stages.INDEPENDENT_PERSON_ON_PANEL: _(
		"The Independent Person from this complaint's stage 2 investigation may not sit on the panel."
	),
	later_stages.PANEL_NOT_THREE: _("The panel is three independent people."),
	later_stages.PANEL_CHAIRS_NOT_ONE: _("One member of the panel chairs it."),
	later_stages.REPORT_BEFORE_MEETING: _("The panel's report cannot be dated before the panel met."),
	later_stages.REPORT_RECEIVED_BEFORE_REPORT: _("The report cannot be received before the date it bears."),
	later_stages.RESPONSE_BEFORE_REPORT: _("The council responds after it receives the panel's report."),
}


class Stage3ReviewPanel(LaterStageRecord):
	STAGE_LABEL = "stage 3 review panel"
	PREVIOUS_RESPONSE = "the stage 2 response"
	LIFECYCLE = names.STAGE3_LIFECYCLE

	def validate(self):
		self.guard()
		stage_2 = self.stage_2_answered()
		self.check_request(stage_2.response_sent_on if stage_2 else None)
		self.check_event_dates(EVENT_DATES, [(_("Appointed On"), m.appointed_on) for m in self.panel])
		self.check_panel(stage_2, complete=self.status != names.S3_REQUESTED)
		self.check_dates_in_order()
		self.check_decided_content_unchanged()
		self.check_status_requirements()

	def before_save(self):
		self.stamp_server_facts()
		self.set_clocks()

	def on_update(self):
		if self.status == names.S3_RESPONDED and self.previous_status == names.S3_REPORTED:
			letters.keep_sent_letter(self)
		self.show_the_stage_on_the_complaint(names.STAGE_3)

	def on_trash(self):
		if self.status != names.S3_REQUESTED:
			frappe.throw(
				_("A stage 3 panel under way is part of the record: withdraw it instead."),
				frappe.LinkExistsError,
			)

	def stage_2_answered(self):
		name = frappe.db.get_value(
			"Stage 2 Investigation",
			{"complaint": self.complaint, "status": ["in", names.STAGE_ANSWERED]},
			"name",
		)
		return frappe.get_doc("Stage 2 Investigation", name) if name else None

	def check_panel(self, stage_2, complete: bool):
		independent_people = {
			p.full_name.strip().lower()
			for p in (stage_2.people if stage_2 else ())
			if p.role_in_stage == names.INDEPENDENT_PERSON
		}
		members = [(m.full_name.strip().lower(), bool(m.chairs)) for m in self.panel]
		for problem in later_stages.panel_problems(members, independent_people, complete=complete):
			frappe.throw(MESSAGES[problem], title=_("The panel"))

	def check_dates_in_order(self):
		def day(fieldname):
			return getdate(self.get(fieldname)) if self.get(fieldname) else None

		sent = day("response_sent_on") or (getdate(today()) if self.status == names.S3_RESPONDED else None)
		for problem in later_stages.stage3_date_problems(
			day("meeting_on"), day("report_on"), day("report_received_on"), sent
		):
			frappe.throw(MESSAGES[problem], title=_("Dates out of order"))

	def check_decided_content_unchanged(self):
		if self.is_new() or self.previous_status not in names.STAGE_ANSWERED:
			return
		changed = workflow_guard.changed_fields(self) & set(DECIDED_CONTENT)
		if changed:
			frappe.throw(
				_("The council has responded: {0} cannot change now.").format(
					", ".join(_(self.meta.get_label(f)) for f in sorted(changed))
				),
				frappe.PermissionError,
				title=_("Responded"),
			)

	def check_status_requirements(self):
		if self.status == self.previous_status:
			return
		check = {
			names.S3_CONVENED: self.check_ready_to_convene,
			names.S3_MET: lambda: self.require("meeting_on", why=_("To record the meeting")),
			names.S3_REPORTED: lambda: self.require(
				"report_on", "report_received_on", "recommendations", why=_("To record the panel's report")
			),
			names.S3_RESPONDED: lambda: self.require(
				"council_response", why=_("To send the council's response")
			),
			names.S3_WITHDRAWN: self.check_ready_to_withdraw,
		}.get(self.status)
		if check:
			check()

	def check_ready_to_convene(self):
		missing = [m.full_name for m in self.panel if not m.appointed_on]
		if missing:
			frappe.throw(
				_("To convene the panel: record when {0} was appointed.").format(", ".join(missing)),
				title=_("Not ready"),
			)

	def stamp_server_facts(self):
		self.stamp_late_decision()
		if self.status == self.previous_status:
			return
		if self.status == names.S3_RESPONDED:
			self.response_sent_on, self.response_sent_by = today(), frappe.session.user
		elif self.status == names.S3_WITHDRAWN:
			self.withdrawn_on = self.withdrawn_on or today()

	def set_clocks(self):
		calendar = site_calendar()

		def day(fieldname):
			return getdate(self.get(fieldname)) if self.get(fieldname) else None

		clock = later_stages.stage3_clock(calendar, getdate(self.requested_on), day("meeting_on"),
			day("report_on"), day("report_received_on"), day("response_sent_on"))  # fmt: skip
		self.meeting_due_on, self.meeting_met = clock.meeting_due_on, clock.meeting_met
		self.report_due_on, self.report_met = clock.report_due_on, clock.report_met
		self.response_due_on, self.response_met = clock.response_due_on, clock.response_met
		self.working_days_taken = (
			calendar.working_days_between(getdate(self.requested_on), clock.responded_on)
			if clock.responded_on
			else None
		)
		# The deadline the panel is working to now: the meeting, then the report, then the response.
		if not clock.meeting_on:
			self.next_due_on = clock.meeting_due_on
		elif not clock.report_on:
			self.next_due_on = clock.report_due_on
		else:
			self.next_due_on = clock.response_due_on if not clock.responded_on else None
		if clock.responded_on:
			all_met = {clock.meeting_met, clock.report_met, clock.response_met} == {names.MET}
			self.timeliness = names.MET if all_met else names.MISSED
		elif self.status in names.STAGE3_FINAL or not self.next_due_on:
			self.timeliness = None if self.status in names.STAGE3_FINAL else self.timeliness
		else:
			self.timeliness = clocks.timeliness(
				calendar, self.next_due_on, None, getdate(today()), due_soon_within()
			)
