# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""A stage 2 independent investigation of a complaint: its request, the people appointed, the points,
the reports, the adjudication and the response, on its own workflow and its own clock.

The rules and dates are in `complaints_hc.complaints.later_stages`; this controller gathers the stored
facts, asks those rules, and records what the server saw. Who may see it follows its complaint."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from complaints_hc.complaints import clocks, later_stages, letters, names
from complaints_hc.complaints.stage_records import LaterStageRecord
from complaints_hc.security import roles, workflow_guard
from complaints_hc.working_days.site import due_soon_within, site_calendar

ADJUDICATORS = {roles.QA_APPROVER, roles.QA_SERVICE_MANAGER}
# What the investigation found and the council decided: fixed once adjudicated.
DECIDED_CONTENT = (
	"people",
	"statement_agreed_on",
	"points",
	"investigation_report_on",
	"independent_person_report_on",
	"adjudication",
)
EVENT_DATES = ("statement_agreed_on", "investigation_report_on", "independent_person_report_on")
MESSAGES = {
	later_stages.EXTENSION_BEFORE_DUE: _("An extension must go beyond the 25th working day ({2})."),
	later_stages.EXTENSION_TOO_LONG: _(
		"A stage 2 response cannot be later than 65 working days after the request ({3})."
	),
	later_stages.EXTENSION_WITHOUT_REASON: _("Record the reason for the extension."),
	later_stages.EXTENSION_WITHOUT_NEW_DATE_TOLD: _("Record when the complainant was told the new date."),
}


class Stage2Investigation(LaterStageRecord):
	STAGE_LABEL = "stage 2 investigation"
	PREVIOUS_RESPONSE = "the stage 1 response"
	LIFECYCLE = names.STAGE2_LIFECYCLE

	def validate(self):
		complaint = self.guard()
		if complaint.procedure == names.CORPORATE:
			frappe.throw(
				_(
					"A complaint under the corporate procedure goes to the Ombudsman after the council's response, not to a stage 2 investigation."
				)
			)
		self.check_request(self.asking_window_starts(complaint))
		if self.is_new():
			self.carry_stage_1_points(complaint)
		self.check_event_dates(EVENT_DATES, [(_("Appointed On"), p.appointed_on) for p in self.people])
		self.check_people(complaint)
		self.check_extension()
		self.check_decided_content_unchanged()
		self.check_status_requirements()

	def before_save(self):
		self.stamp_server_facts()
		self.set_clock()

	def on_update(self):
		if self.status == names.S2_RESPONDED and self.previous_status == names.S2_ADJUDICATED:
			letters.keep_sent_letter(self)
		self.show_the_stage_on_the_complaint(names.STAGE_2)

	def on_trash(self):
		if self.status != names.S2_REQUESTED:
			frappe.throw(
				_("A stage 2 investigation under way is part of the record: withdraw it instead."),
				frappe.LinkExistsError,
			)

	# -- checks ---------------------------------------------------------------------------------

	def asking_window_starts(self, complaint):
		"""The stage 1 response, or a mediation that did not resolve the complaint: the window for asking
		for stage 2 runs from the later of the two. Mediation still under way must finish first."""
		# the complaint's own mediation: whoever may see the complaint (checked in guard) may see it
		mediations = frappe.get_all("Mediation", {"complaint": self.complaint}, ["status", "meeting_on"])
		if self.is_new() and any(m.status in names.MEDIATION_OPEN for m in mediations):
			frappe.throw(
				_("Mediation of this complaint is under way: record its outcome before stage 2."),
				title=_("Mediation first"),
			)
		ended = [
			m.meeting_on for m in mediations if m.status == names.MEDIATION_NOT_RESOLVED and m.meeting_on
		]
		starts = [getdate(d) for d in (complaint.responded_on, *ended) if d]
		return max(starts) if starts else None

	def carry_stage_1_points(self, complaint):
		"""A new stage 2 starts from the stage 1 points; new ones are added beside them."""
		if self.points:
			return
		for point in complaint.points:
			self.append("points", {"carried_from_stage_1": 1, "description": point.description,
				"category": point.category, "learning_theme": point.learning_theme})  # fmt: skip

	def check_people(self, complaint):
		involved = {row.user for row in complaint.subjects} | {
			complaint.social_worker,
			complaint.team_manager,
		}
		for person in self.people:
			if person.user and person.user in involved - {None}:
				frappe.throw(
					_("{0} is involved in the complaint, so cannot be its {1}.").format(
						frappe.bold(person.full_name), _(person.role_in_stage)
					),
					title=_("Not independent"),
				)
			if person.role_in_stage == names.INDEPENDENT_PERSON and person.council_employee:
				frappe.throw(
					_("The Independent Person cannot be employed by the council ({0}).").format(
						frappe.bold(person.full_name)
					),
					title=_("Not independent"),
				)
		officers = {p.full_name.strip().lower() for p in self.people_in(names.INVESTIGATING_OFFICER)}
		independents = {p.full_name.strip().lower() for p in self.people_in(names.INDEPENDENT_PERSON)}
		if officers & independents:
			frappe.throw(_("The Investigating Officer and the Independent Person must be different people."))

	def people_in(self, role: str) -> list:
		return [p for p in self.people if p.role_in_stage == role]

	def check_extension(self):
		problems = later_stages.stage2_extension_problems(
			site_calendar(),
			getdate(self.requested_on),
			getdate(self.extended_to) if self.extended_to else None,
			self.extension_reason,
			getdate(self.new_date_told_on) if self.new_date_told_on else None,
		)
		for problem in problems:
			self.refuse(problem)

	def check_decided_content_unchanged(self):
		if self.is_new() or self.previous_status not in names.STAGE2_DECIDED:
			return
		changed = workflow_guard.changed_fields(self) & set(DECIDED_CONTENT)
		if changed:
			frappe.throw(
				_("The investigation has been adjudicated: {0} cannot change now.").format(
					", ".join(_(self.meta.get_label(f)) for f in sorted(changed))
				),
				frappe.PermissionError,
				title=_("Adjudicated"),
			)

	def check_status_requirements(self):
		if self.status == self.previous_status:
			return
		check = {
			names.S2_INVESTIGATING: self.check_ready_to_investigate,
			names.S2_ADJUDICATION: self.check_ready_for_adjudication,
			names.S2_ADJUDICATED: self.check_adjudicator,
			names.S2_RESPONDED: self.check_ready_to_respond,
			names.S2_WITHDRAWN: self.check_ready_to_withdraw,
		}.get(self.status)
		if check:
			check()

	def check_ready_to_investigate(self):
		why = _("To start the investigation")
		for role in (names.INVESTIGATING_OFFICER, names.INDEPENDENT_PERSON):
			people = self.people_in(role)
			if len(people) != 1 or not people[0].appointed_on:
				frappe.throw(
					_("{0}: appoint one {1}, with the date of the appointment.").format(why, _(role)),
					title=_("Not ready"),
				)
		self.require("statement_agreed_on", why=why)
		if not self.points:
			frappe.throw(_("{0}: the statement of complaint needs at least one point.").format(why))

	def check_ready_for_adjudication(self):
		self.require(
			"investigation_report_on", "independent_person_report_on", why=_("To put it to adjudication")
		)
		undecided = [str(p.idx) for p in self.points if not p.outcome or not (p.finding or "").strip()]
		if undecided:
			frappe.throw(
				_("Give every point a stage 2 finding and outcome before adjudication (points {0}).").format(
					", ".join(undecided)
				)
			)

	def check_adjudicator(self):
		user = frappe.session.user
		if not ADJUDICATORS & set(frappe.get_roles(user)):
			frappe.throw(
				_("Only a senior manager (a QA Approver or the QA Service Manager) can adjudicate."),
				frappe.PermissionError,
			)
		if user in {p.user for p in self.people if p.user}:
			frappe.throw(
				_("You were appointed to this investigation, so someone else must adjudicate it."),
				frappe.PermissionError,
				title=_("Segregation of duties"),
			)
		self.require("adjudication", why=_("To adjudicate"))

	def check_ready_to_respond(self):
		self.require("adjudicated_on", why=_("To send the stage 2 response"))

	def refuse(self, problem: str):
		clock = later_stages.stage2_clock(site_calendar(), getdate(self.requested_on))
		frappe.throw(
			MESSAGES[problem].format(
				self.formatted("requested_on"),
				self.formatted("request_window_ends"),
				frappe.format(clock.due_on, {"fieldtype": "Date"}),
				frappe.format(clock.longest_due_on, {"fieldtype": "Date"}),
			),
			title=_("Stage 2 investigation"),
		)

	# -- what the server records ----------------------------------------------------------------

	def stamp_server_facts(self):
		user, now = frappe.session.user, today()
		self.stamp_late_decision()
		if self.status == self.previous_status:
			return
		if self.status == names.S2_ADJUDICATED:
			self.adjudicated_on, self.adjudicated_by = now, user
		elif self.status == names.S2_RESPONDED:
			self.response_sent_on, self.response_sent_by = now, user
		elif self.status == names.S2_WITHDRAWN:
			self.withdrawn_on = self.withdrawn_on or now

	def set_clock(self):
		calendar = site_calendar()
		responded = getdate(self.response_sent_on) if self.response_sent_on else None
		clock = later_stages.stage2_clock(
			calendar,
			getdate(self.requested_on),
			getdate(self.extended_to) if self.extended_to else None,
			responded,
		)
		self.due_on, self.longest_due_on = clock.due_on, clock.longest_due_on
		self.response_due_on, self.working_days_taken = clock.response_due_on, clock.working_days_taken
		self.timeliness = clocks.timeliness(
			calendar,
			clock.response_due_on,
			responded,
			getdate(today()),
			due_soon_within(),
			is_open=self.status not in names.STAGE2_FINAL,
		)
