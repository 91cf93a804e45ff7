# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, now_datetime, today

from complaints_hc.complaints import clocks, extension_proposals, letters
from complaints_hc.complaints.names import (
	ALLOCATED,
	ANSWERED,
	APPROVED,
	APPROVED_RECORD,
	BEFORE_INVESTIGATION,
	CHILD,
	CLOSED,
	CORPORATE,
	DECISION_APPROVED,
	DECISION_RETURNED,
	DUE_SOON,
	IN_PROGRESS,
	LIFECYCLE,
	NOT_YET_INVESTIGATING,
	OPEN,
	OVERDUE,
	QUALITY_ASSURANCE,
	RESPONDED,
	WITHDRAWN,
)
from complaints_hc.security import roles, route_closures, workflow_guard
from complaints_hc.security.visibility import may_see_complaint
from complaints_hc.working_days.site import due_soon_within, site_calendar

APPROVER_ROLES = {roles.QA_SERVICE_MANAGER, roles.QA_APPROVER}
REMEDY_APPROVER_ROLES = {roles.COMPLAINTS_MANAGER, roles.QA_SERVICE_MANAGER, roles.QA_APPROVER}
LATE_DECIDER_ROLES = {roles.COMPLAINTS_MANAGER, roles.QA_SERVICE_MANAGER}
# What quality assurance signs off: after approval these change only by going back to drafting.
APPROVED_CONTENT = ("points", "remedy_amount", "remedy_reason", "remedy_approved_by", "remedy_approved_on")

# Dates of things that happened: on or after receipt, and never in the future.
EVENT_DATES = (
	"complainant_contacted_on",
	"acknowledged_on",
	"initial_meeting_on",
	"timescale_agreed_on",
	"clock_restarted_on",
	"response_sent_to_manager_on",
	"outcome_letter_sent_on",
	"child_file_copy_on",
	"withdrawn_on",
	"advocate_offered_on",
	"face_to_face_offered_on",
	"outcome_meeting_offered_on",
	"remedy_approved_on",
)


class Complaint(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from complaints_hc.complaints_hc.doctype.complaint_approval.complaint_approval import (
			ComplaintApproval,
		)
		from complaints_hc.complaints_hc.doctype.complaint_extension.complaint_extension import (
			ComplaintExtension,
		)
		from complaints_hc.complaints_hc.doctype.complaint_point.complaint_point import ComplaintPoint
		from complaints_hc.complaints_hc.doctype.complaint_subject.complaint_subject import ComplaintSubject
		from complaints_hc.complaints_hc.doctype.complaint_update.complaint_update import ComplaintUpdate

		acknowledge_by: DF.Date | None
		acknowledged_on: DF.Date | None
		acknowledgement_alert_sent: DF.Check
		acknowledgement_met: DF.Literal["", "Met", "Missed"]
		advocate_asked_for: DF.Literal["", "Yes", "No", "Not sure"]
		advocate_offered_on: DF.Date | None
		advocate_response: DF.Literal["", "Accepted", "Declined"]
		advocate_response_recorded_by: DF.Link | None
		age_appropriate_letters: DF.Check
		agreed_timescale_days: DF.Int
		allocated_by: DF.Link | None
		allocated_on: DF.Date | None
		allocation_alert_sent: DF.Check
		allocation_due: DF.Date | None
		anonymised_on: DF.Date | None
		approvals: DF.Table[ComplaintApproval]
		case_reference: DF.Data | None
		child_complainant: DF.Check
		child_date_of_birth: DF.Date | None
		child_file_copy_by: DF.Link | None
		child_file_copy_on: DF.Date | None
		child_file_label: DF.Data | None
		child_name: DF.Data | None
		clock_restarted_on: DF.Date | None
		closed_on: DF.Date | None
		complainant_address: DF.SmallText | None
		complainant_contacted_on: DF.Date | None
		complainant_email: DF.Data | None
		complainant_name: DF.Data
		complainant_phone: DF.Data | None
		complaint_details: DF.Text | None
		complaints_officer: DF.Link | None
		contact_alert_sent: DF.Check
		contact_by: DF.Date | None
		day_zero: DF.Date | None
		draft_by: DF.Date | None
		draft_submitted_on: DF.Date | None
		drafted_by: DF.Link | None
		due_date: DF.Date | None
		early_resolution: DF.Check
		email_subject: DF.Data | None
		events_date: DF.Date | None
		extensions: DF.Table[ComplaintExtension]
		face_to_face_offered_on: DF.Date | None
		helper_now: DF.Data | None
		initial_meeting_on: DF.Date | None
		interpreter_language: DF.Data | None
		interpreter_needed: DF.Check
		late_complaint: DF.Check
		late_decision: DF.Literal["", "Accepted", "Declined"]
		late_decision_by: DF.Link | None
		late_decision_reason: DF.SmallText | None
		letter_posted_on: DF.Date | None
		letter_posted_reason: DF.SmallText | None
		longest_due_date: DF.Date | None
		meeting_notes: DF.SmallText | None
		naming_series: DF.Literal["CMP-.YYYY.-"]
		open_actions: DF.Int
		outcome_letter_sent_by: DF.Link | None
		outcome_letter_sent_on: DF.Date | None
		outcome_meeting_offered_on: DF.Date | None
		outcome_sought: DF.SmallText | None
		overall_outcome: DF.Literal[
			"", "Upheld", "Partially upheld", "Not upheld", "Not investigated", "Withdrawn"
		]
		points: DF.Table[ComplaintPoint]
		preferred_contact_method: DF.Literal["", "Email", "Phone", "Letter", "In person"]
		procedure: DF.Literal["Statutory (Children Act 1989)", "Corporate"]
		qa_alert_sent: DF.Check
		qa_approved_by: DF.Link | None
		qa_approved_on: DF.Date | None
		qa_by: DF.Date | None
		qa_officer: DF.Link | None
		qa_returns: DF.Int
		rag_status: DF.Literal["", "On track", "Due soon", "Overdue", "Met", "Missed"]
		reasonable_adjustments: DF.SmallText | None
		received_on: DF.Date
		received_on_change_reason: DF.SmallText | None
		received_via: DF.Literal["", "Portal", "Email", "Phone", "Letter", "In person", "Case file audit"]
		relationship_to_child: DF.Literal[
			"", "Parent", "Carer", "Child or young person", "Advocate", "Professional", "Other"
		]
		remedy_amount: DF.Currency
		remedy_approved_by: DF.Link | None
		remedy_approved_on: DF.Date | None
		remedy_reason: DF.SmallText | None
		resolution_agreed_with: DF.Data | None
		resolution_summary: DF.SmallText | None
		responded_on: DF.Date | None
		response_sent_to_manager_on: DF.Date | None
		restart_agreed_by: DF.Link | None
		restart_reason: DF.SmallText | None
		safe_contact: DF.SmallText | None
		sent_letter: DF.Attach | None
		sent_letter_print_format: DF.Link | None
		sent_letter_sha256: DF.Data | None
		service_area: DF.Link | None
		service_manager: DF.Link | None
		service_team: DF.Link | None
		social_worker: DF.Link | None
		stage: DF.Literal["Stage 1", "Stage 2", "Stage 3", "Ombudsman"]
		status: DF.Literal[
			"Received",
			"Allocated",
			"In Progress",
			"Quality Assurance",
			"Approved",
			"Responded",
			"Closed",
			"Withdrawn",
			"Escalated",
		]
		subjects: DF.Table[ComplaintSubject]
		team_manager: DF.Link | None
		timescale_agreed_on: DF.Date | None
		timescale_met: DF.Literal["", "Met", "Missed"]
		updates: DF.Table[ComplaintUpdate]
		withdrawal_reason: DF.SmallText | None
		withdrawn_on: DF.Date | None
		workflow_state: DF.Link | None
		working_days_taken: DF.Int
	# end: auto-generated types

	def before_validate(self):
		workflow_guard.restore_server_owned_fields(self)
		if self.is_new() and not self.complaints_officer and roles.COMPLAINTS_OFFICER in frappe.get_roles():
			self.complaints_officer = frappe.session.user

	def validate(self):
		self.previous_status = workflow_guard.guard_transition(self, "status", LIFECYCLE)
		self.validate_actor_is_not_a_subject()
		self.validate_dates()
		self.validate_received_date_change()
		self.validate_approved_content_unchanged()
		self.validate_qa_officer()
		self.validate_procedure()
		self.validate_timescale()
		self.validate_restart()
		self.validate_extensions()
		extension_proposals.validate(self)
		self.validate_subject_guidance()
		self.validate_child_safeguards()
		self.validate_late_complaint()
		self.validate_remedy()
		self.validate_letter_posting()
		self.validate_status_requirements()

	def before_save(self):
		self.stamp_server_facts()
		extension_proposals.stamp(self)
		self.set_derived_flags()
		self.overall_outcome = clocks.overall_outcome(p.outcome for p in self.points)
		self.set_clocks()

	def on_trash(self):
		if self.sent_letter:
			frappe.throw(
				_("The outcome letter of this complaint was sent, so the complaint is part of the record."),
				frappe.LinkExistsError,
			)
		if frappe.db.exists("Complaint Action", {"complaint": self.name}):
			frappe.throw(
				_(
					"This complaint has actions to track, so it cannot be deleted. Withdraw or close it instead."
				),
				frappe.LinkExistsError,
			)

	def on_update(self):
		# Someone named as a subject loses any share or assignment they had before.
		route_closures.remove_access_of(self.doctype, self.name, (row.user for row in self.subjects))
		if self.flags.received_date_changed:
			self.log_received_date_change(*self.flags.received_date_changed)
		if self.status == RESPONDED and self.previous_status == APPROVED:
			letters.keep_sent_letter(self)
		letters.tell_of_new_extensions(self)
		extension_proposals.announce_new(self)
		self.raise_alerts()

	# -- checks ---------------------------------------------------------------------------------

	def validate_actor_is_not_a_subject(self):
		if self.is_new() and (self.flags.from_public_intake or self.flags.from_mailbox):
			return  # logged by the public form or the mailbox for someone outside the council
		if self.flags.from_complainant_page:
			return  # the complainant's answer on their page, checked against their link (complainant_page)
		user = frappe.session.user
		subjects = {row.user for row in self.subjects}
		if user in subjects or not may_see_complaint(self, user):
			frappe.throw(_("You cannot act on a complaint you may not see."), frappe.PermissionError)
		if self.complaints_officer in subjects:
			frappe.throw(_("The Complaints Officer cannot be a subject of the complaint."))

	def validate_dates(self):
		received = getdate(self.received_on)
		if received > getdate(today()):
			frappe.throw(_("The received date cannot be in the future."), title=_("Received On"))
		for fieldname in EVENT_DATES:
			value = self.get(fieldname)
			if value and not received <= getdate(value) <= getdate(today()):
				frappe.throw(
					_("{0} must be between the received date and today.").format(
						frappe.bold(_(self.meta.get_label(fieldname)))
					)
				)

	def validate_received_date_change(self):
		"""Day 0 is set once: a Complaints Manager corrects it, with a reason, and the change is logged."""
		before = self.get_doc_before_save()
		if not before or getdate(before.received_on) == getdate(self.received_on):
			return
		if roles.COMPLAINTS_MANAGER not in frappe.get_roles():
			frappe.throw(
				_("Only a Complaints Manager can change the received date (Day 0) once it is recorded."),
				frappe.PermissionError,
				title=_("Received date"),
			)
		reason = (self.received_on_change_reason or "").strip()
		if not reason or reason == (before.received_on_change_reason or "").strip():
			frappe.throw(_("Record why the received date is changing."), title=_("Received date"))
		self.flags.received_date_changed = (before.received_on, self.received_on, reason)

	def validate_approved_content_unchanged(self):
		if self.previous_status not in APPROVED_RECORD:
			return
		changed = workflow_guard.changed_fields(self) & set(APPROVED_CONTENT)
		if changed:
			frappe.throw(
				_(
					"Quality assurance approved this response, so {0} cannot change now. To change it, return the complaint to drafting with the workflow; QA must then approve it again."
				).format(", ".join(_(self.meta.get_label(f)) for f in sorted(changed))),
				frappe.PermissionError,
				title=_("Approved by QA"),
			)

	def validate_qa_officer(self):
		if not self.qa_officer:
			return
		if roles.QA_OFFICER not in frappe.get_roles(self.qa_officer):
			frappe.throw(_("{0} is not a QA Officer.").format(frappe.bold(self.qa_officer)))
		involved = self.people_involved_in_the_case()
		if self.qa_officer in involved:
			frappe.throw(
				_(
					"{0} cannot investigate: they are {1}. Allocate a QA Officer not involved with the case."
				).format(frappe.bold(self.qa_officer), involved[self.qa_officer]),
				title=_("QA Officer must be independent"),
			)

	def people_involved_in_the_case(self) -> dict[str, str]:
		involved = {row.user: _("named in the complaint") for row in self.subjects}
		if self.social_worker:
			involved[self.social_worker] = _("the allocated social worker")
		for fieldname in ("team_manager", "service_manager"):
			if self.get(fieldname):
				involved[self.get(fieldname)] = _("a responsible manager")
		if self.service_team:
			team = frappe.get_cached_doc("Service Team", self.service_team)
			for member in team.members:
				involved.setdefault(member.user, _("in the team complained about"))
			for user in (team.team_manager, team.service_manager):
				if user:
					involved.setdefault(user, _("a manager of the team complained about"))
		return involved

	@property
	def is_corporate(self) -> bool:
		return self.procedure == CORPORATE

	def validate_procedure(self):
		"""Each procedure's clocks and figures are its own: once a response has gone under one, it stays."""
		before = self.get_doc_before_save()
		if (
			before
			and self.changed("procedure")
			and (before.status in ANSWERED or before.outcome_letter_sent_on)
		):
			frappe.throw(
				_(
					"The response was sent under the {0} procedure, so the procedure cannot change now."
				).format(_(before.procedure)),
				title=_("Procedure"),
			)
		if self.is_corporate and (self.agreed_timescale_days or self.clock_restarted_on):
			frappe.throw(
				_(
					"A corporate complaint has no agreed timescale or restart: it is answered within 10 working days of the acknowledgement, extended by at most 10 with a reason."
				),
				title=_("Corporate procedure"),
			)

	def validate_timescale(self):
		before = self.get_doc_before_save()
		if before and before.agreed_timescale_days and self.changed("agreed_timescale_days"):
			frappe.throw(
				_("The timescale was agreed with the complainant: it moves only by an extension."),
				title=_("Timescale"),
			)
		if self.agreed_timescale_days and not clocks.valid_timescale(self.agreed_timescale_days):
			frappe.throw(
				_("The agreed timescale must be {0} to {1} working days.").format(
					clocks.SHORTEST_TIMESCALE, clocks.LONGEST_TIMESCALE
				),
				title=_("Timescale"),
			)
		if self.agreed_timescale_days and not self.timescale_agreed_on:
			frappe.throw(_("Record the date the timescale was agreed with the complainant."))

	def validate_restart(self):
		if not self.changed("clock_restarted_on"):
			return
		if roles.COMPLAINTS_MANAGER not in frappe.get_roles():
			frappe.throw(
				_(
					"Restarting the clock needs the agreement of a Complaints Manager: a Complaints Manager records it."
				),
				frappe.PermissionError,
				title=_("Restart not agreed"),
			)
		if self.clock_restarted_on and not (self.restart_reason or "").strip():
			frappe.throw(_("Record which points were added and why the clock restarted."))
		if self.status not in (ALLOCATED, IN_PROGRESS) or self.draft_submitted_on:
			frappe.throw(
				_(
					"The clock can only restart when points are added at the initial meeting, before the response goes to QA."
				)
			)

	def changed(self, fieldname: str) -> bool:
		before = self.get_doc_before_save()
		fieldtype = self.meta.get_field(fieldname).fieldtype
		now = workflow_guard.normalised(self.get(fieldname), fieldtype)
		return now != workflow_guard.normalised(before.get(fieldname) if before else None, fieldtype)

	def validate_extensions(self):
		before = self.get_doc_before_save()
		stored = {row.name: row for row in (before.extensions if before else [])}
		for name, row in stored.items():
			kept = next((r for r in self.extensions if r.name == name), None)
			if not kept or workflow_guard.row_values(kept, kept.meta) != workflow_guard.row_values(
				row, row.meta
			):
				frappe.throw(_("A recorded extension cannot be changed or removed: add a new one instead."))
		unextended = self.compute_clocks(with_extensions=False)
		due, previous_request = unextended.due_date, None
		self.longest_due_date = unextended.longest_due_date  # the corporate limit (set again by set_clocks)
		for row in self.extensions:
			if row.name not in stored:
				self.validate_new_extension(row, due, previous_request)
			self.validate_extension(row, due)
			due, previous_request = getdate(row.new_due_date), getdate(row.requested_on)

	def validate_new_extension(self, row, current_due, previous_request):
		label = _("Extension {0}").format(row.idx)
		if self.status not in OPEN:
			frappe.throw(_("{0}: an extension can be agreed only while the complaint is open.").format(label))
		if getdate(today()) > current_due:
			frappe.throw(
				_(
					"{0}: the response was due on {1}. An extension is agreed before the due date passes."
				).format(label, frappe.format(current_due, "Date")),
				title=_("Too late to extend"),
			)
		if previous_request and getdate(row.requested_on) < previous_request:
			frappe.throw(
				_("{0}: it cannot have been requested before the previous extension ({1}).").format(
					label, frappe.format(previous_request, "Date")
				)
			)

	def validate_extension(self, row, due_before):
		"""What every extension needs, and what each procedure adds: the statutory one the complainant's
		written agreement; the corporate one a reason, and at most 10 working days."""
		label = _("Extension {0}").format(row.idx)
		if self.is_corporate:
			self.check_corporate_extension(row, label)
		else:
			self.check_written_agreement(row, label)
		if row.agreement_attachment and not row.agreement_attachment.startswith("/private/"):
			frappe.throw(_("{0}: the written agreement must be a private file.").format(label))
		if getdate(row.new_due_date) <= due_before:
			frappe.throw(
				_("{0}: the new completion date must be after {1}.").format(
					label, frappe.format(due_before, "Date")
				)
			)
		if self.is_corporate and getdate(row.new_due_date) > getdate(self.longest_due_date):
			frappe.throw(
				_(
					"{0}: the corporate procedure extends a response by at most 10 working days, to {1} at the latest."
				).format(label, frappe.format(self.longest_due_date, "Date")),
				title=_("Extension too long"),
			)

	def check_written_agreement(self, row, label):
		if not row.complainant_agreed_on or not row.agreement_attachment:
			frappe.throw(
				_(
					"{0}: an extension needs the complainant's written agreement: attach it and give the date it was given."
				).format(label),
				title=_("Complainant's agreement missing"),
			)
		requested, agreed = getdate(row.requested_on), getdate(row.complainant_agreed_on)
		if not getdate(self.received_on) <= requested <= agreed <= getdate(today()):
			frappe.throw(
				_("{0}: the agreement must come on or after the request, and neither after today.").format(
					label
				)
			)

	def check_corporate_extension(self, row, label):
		"""The complainant is told; their written agreement is kept when there is one."""
		if not self.acknowledged_on:
			frappe.throw(_("{0}: acknowledge the complaint before extending its response.").format(label))
		if not (row.rationale or "").strip():
			frappe.throw(_("{0}: record the reason for the extension.").format(label), title=_("Extension"))
		if not getdate(self.received_on) <= getdate(row.requested_on) <= getdate(today()):
			frappe.throw(_("{0}: the request must be between receipt and today.").format(label))

	def validate_subject_guidance(self):
		for row in self.subjects:
			if bool(row.guidance_sent_on) != bool(row.guidance_sent_by):
				frappe.throw(
					_("Row {0}: record both when the guidance was sent and who sent it.").format(row.idx)
				)

	def validate_child_safeguards(self):
		if self.relationship_to_child != CHILD or self.status in NOT_YET_INVESTIGATING:
			return
		missing = [
			label
			for fieldname, label in (
				("advocate_offered_on", _("when an advocate was offered")),
				("advocate_response", _("whether the advocate was accepted or declined")),
				("advocate_response_recorded_by", _("who recorded that")),
				("face_to_face_offered_on", _("when a face-to-face meeting was offered")),
			)
			if not self.get(fieldname)
		]
		if missing:
			frappe.throw(
				_("A child or young person is complaining: record {0}.").format(", ".join(missing)),
				title=_("Safeguards for children"),
			)

	def validate_late_complaint(self):
		if self.changed("late_decision") or self.changed("late_decision_reason"):
			if not LATE_DECIDER_ROLES & set(frappe.get_roles()):
				frappe.throw(
					_(
						"Whether to accept a late complaint is decided by a Complaints Manager or the QA Service Manager."
					),
					frappe.PermissionError,
				)
			self.flags.late_decision_made = True
		if not clocks.is_late(
			getdate(self.events_date) if self.events_date else None, getdate(self.received_on)
		):
			return
		if self.status in NOT_YET_INVESTIGATING:
			return
		decided = self.late_decision_by or self.flags.late_decision_made
		if not (self.late_decision and (self.late_decision_reason or "").strip() and decided):
			frappe.throw(
				_(
					"The events are more than a year old: record the decision to accept the complaint, why, and who decided."
				),
				title=_("Late complaint"),
			)
		if self.late_decision == "Declined" and self.status not in (CLOSED, WITHDRAWN):
			frappe.throw(_("A late complaint that was declined can only be closed."))

	def validate_remedy(self):
		"""Whoever records a nominal payment approves it, so they must hold a manager role."""
		if not (self.changed("remedy_amount") or self.changed("remedy_reason")):
			return
		if self.remedy_amount and not (self.remedy_reason or "").strip():
			frappe.throw(_("A nominal payment needs its reason."), title=_("Nominal remedy"))
		if not REMEDY_APPROVER_ROLES & set(frappe.get_roles()):
			frappe.throw(
				_(
					"A nominal payment must be approved by a Complaints Manager, QA Service Manager or QA Approver: one of them records it."
				),
				frappe.PermissionError,
				title=_("Nominal remedy"),
			)
		self.flags.remedy_approved = True

	def validate_letter_posting(self):
		"""An earlier posting date than the server recorded: a Complaints Manager's correction, with a reason."""
		if not self.changed("letter_posted_on"):
			return
		if roles.COMPLAINTS_MANAGER not in frappe.get_roles():
			frappe.throw(
				_("Only a Complaints Manager can record an earlier posting date for the letter."),
				frappe.PermissionError,
			)
		if not self.letter_posted_on:
			return
		if not (self.letter_posted_reason or "").strip():
			frappe.throw(_("Record why the letter was posted before the date the server recorded."))
		posted = getdate(self.letter_posted_on)
		if not self.qa_approved_on or posted < getdate(self.qa_approved_on):
			frappe.throw(_("The letter cannot have been posted before quality assurance approved it."))
		if self.outcome_letter_sent_on and posted > getdate(self.outcome_letter_sent_on):
			frappe.throw(_("A posting date corrects the sent date only to an earlier day."))

	def validate_status_requirements(self):
		"""What must be recorded before a complaint enters each lifecycle status."""
		if self.status == self.previous_status:
			return
		check = {
			ALLOCATED: self.check_ready_to_allocate,
			IN_PROGRESS: self.check_ready_to_investigate,
			QUALITY_ASSURANCE: self.check_ready_for_quality_assurance,
			APPROVED: self.check_approver,
			RESPONDED: self.check_ready_to_respond,
			CLOSED: self.check_ready_to_close,
			WITHDRAWN: self.check_ready_to_withdraw,
		}.get(self.status)
		if check:
			check()

	def require(self, *fieldnames, why: str):
		missing = [_(self.meta.get_label(f)) for f in fieldnames if not self.get(f)]
		if missing:
			frappe.throw(_("{0}: record {1}.").format(why, ", ".join(missing)), title=_("Not ready"))

	def check_ready_to_allocate(self):
		self.require("qa_officer", why=_("To allocate the complaint"))

	def check_ready_to_investigate(self):
		if self.previous_status == QUALITY_ASSURANCE:
			return  # returned for changes: the investigation goes on
		if self.is_corporate:
			self.require("acknowledged_on", why=_("To start the investigation of a corporate complaint"))
			if not self.points:
				frappe.throw(_("Establish at least one complaint point before investigating."))
			return
		self.require(
			"complainant_contacted_on",
			"initial_meeting_on",
			"agreed_timescale_days",
			why=_("To start the investigation"),
		)
		if self.early_resolution:
			frappe.throw(
				_("This complaint was resolved at the initial meeting: record the resolution instead.")
			)
		if not self.points:
			frappe.throw(_("Establish at least one complaint point before investigating."))

	def check_ready_for_quality_assurance(self):
		undecided = [str(p.idx) for p in self.points if not p.outcome or not (p.finding or "").strip()]
		if undecided:
			frappe.throw(
				_("Give every point an outcome and a finding before quality assurance (points {0}).").format(
					", ".join(undecided)
				)
			)

	def check_approver(self):
		user = frappe.session.user
		if not APPROVER_ROLES & set(frappe.get_roles(user)):
			frappe.throw(
				_("Only the QA Service Manager or a QA Approver can quality-assure a response."),
				frappe.PermissionError,
			)
		if user in (self.qa_officer, self.drafted_by):
			frappe.throw(
				_("You investigated or drafted this response, so someone else must quality-assure it."),
				frappe.PermissionError,
				title=_("Segregation of duties"),
			)

	def check_ready_to_respond(self):
		if self.previous_status in BEFORE_INVESTIGATION:
			if not self.early_resolution:
				frappe.throw(
					_(
						"Only a complaint resolved at the initial meeting can be responded to before investigation."
					)
				)
			self.require("complainant_contacted_on", "initial_meeting_on", "resolution_agreed_with", "resolution_summary",
				why=_("To record an early resolution"))  # fmt: skip
			return
		self.require("response_sent_to_manager_on", why=_("To send the response"))

	def check_ready_to_close(self):
		if self.early_resolution:
			return
		undecided = [str(p.idx) for p in self.points if not p.outcome]
		if undecided:
			frappe.throw(
				_("Every complaint point needs an outcome before closing (points {0}).").format(
					", ".join(undecided)
				)
			)
		self.require("child_file_copy_on", "child_file_copy_by", why=_("To close the complaint"))

	def check_ready_to_withdraw(self):
		if not (self.withdrawal_reason or "").strip():
			frappe.throw(_("Record why the complaint was withdrawn."), title=_("Withdrawal"))

	# -- what the server records --------------------------------------------------------------

	def stamp_server_facts(self):
		"""Who did what and when, as the server saw it: the one place these fields are set."""
		user, now = frappe.session.user, today()
		if self.qa_officer and self.changed("qa_officer"):
			self.allocated_on, self.allocated_by = now, user
		if self.changed("clock_restarted_on"):
			self.restart_agreed_by = user if self.clock_restarted_on else None
		if self.flags.remedy_approved:
			self.remedy_approved_by, self.remedy_approved_on = (
				(user, now) if self.remedy_amount else (None, None)
			)
		if self.flags.late_decision_made:
			self.late_decision_by = user
		for row in self.extensions:
			row.recorded_by = row.recorded_by or user
		if self.status == self.previous_status:
			return
		if self.status == IN_PROGRESS and self.previous_status in (QUALITY_ASSURANCE, APPROVED):
			self.qa_returns = (self.qa_returns or 0) + 1  # returned for changes
			self.record_qa_decision(DECISION_RETURNED)
		elif self.status == QUALITY_ASSURANCE:
			self.drafted_by = self.drafted_by or user
			self.draft_submitted_on = now
		elif self.status == APPROVED:
			self.qa_approved_by, self.qa_approved_on = user, now
			self.record_qa_decision(DECISION_APPROVED)
		elif self.status == RESPONDED and self.previous_status == APPROVED:
			self.outcome_letter_sent_on, self.outcome_letter_sent_by = now, user
		elif self.status == WITHDRAWN:
			self.withdrawn_on = self.withdrawn_on or now
		elif self.status == CLOSED:
			self.closed_on = now

	def record_qa_decision(self, decision: str):
		before = self.get_doc_before_save()
		self.append(
			"approvals",
			{
				"decision": decision,
				"decided_by": frappe.session.user,
				"decided_on": now_datetime(),
				"from_state": before.workflow_state if before else None,
				"to_state": self.workflow_state,
			},
		)

	def log_received_date_change(self, was, now, reason):
		self.add_comment(
			"Info",
			_("Received date (Day 0) changed from {0} to {1} by {2}: {3}").format(
				frappe.format(getdate(was), "Date"),
				frappe.format(getdate(now), "Date"),
				frappe.utils.get_fullname(frappe.session.user),
				frappe.utils.escape_html(reason),
			),
		)

	# -- alerts ----------------------------------------------------------------------------------

	def raise_alerts(self):
		"""The same alerts the daily job raises, when a save (a complaint logged late, say) makes them due."""
		before = self.get_doc_before_save()
		if self.rag_status in (DUE_SOON, OVERDUE) and (not before or before.rag_status != self.rag_status):
			self.run_method("notify_due_soon" if self.rag_status == DUE_SOON else "notify_overdue")
		due = clocks.early_alerts_due(
			getdate(today()),
			self.status,
			getdate(self.allocation_due),
			getdate(self.contact_by),
			bool(self.acknowledged_on if self.is_corporate else self.complainant_contacted_on),
			getdate(self.qa_by),
			corporate=self.is_corporate,
		)
		for alert in sorted(due):
			sent_field = clocks.ALERT_SENT_FIELDS[alert]
			if not self.get(sent_field):
				self.db_set(sent_field, 1, update_modified=False)
				self.run_method(clocks.ALERT_METHODS[alert])

	# -- derived values ------------------------------------------------------------------------

	def set_derived_flags(self):
		self.child_complainant = int(self.relationship_to_child == CHILD)
		if self.child_complainant:
			self.age_appropriate_letters = 1
		self.late_complaint = int(
			clocks.is_late(getdate(self.events_date) if self.events_date else None, getdate(self.received_on))
		)

	def responded_date(self):
		if self.status not in ANSWERED:
			return None
		if self.early_resolution and not self.outcome_letter_sent_on:
			return getdate(self.initial_meeting_on)
		return getdate(self.letter_posted_on or self.outcome_letter_sent_on)

	def compute_clocks(self, with_extensions: bool = True) -> clocks.Stage1Clocks:
		extended_to = (
			getdate(self.extensions[-1].new_due_date) if with_extensions and self.extensions else None
		)
		if self.is_corporate:
			return clocks.corporate_response_clocks(
				site_calendar(),
				received_on=getdate(self.received_on),
				acknowledged_on=getdate(self.acknowledged_on) if self.acknowledged_on else None,
				extended_to=extended_to,
				responded_on=self.responded_date(),
			)
		return clocks.stage1_clocks(
			site_calendar(),
			received_on=getdate(self.received_on),
			restarted_on=getdate(self.clock_restarted_on) if self.clock_restarted_on else None,
			agreed_timescale=self.agreed_timescale_days or None,
			extended_to=extended_to,
			responded_on=self.responded_date(),
		)

	def set_clocks(self):
		dates = self.compute_clocks()
		self.update(
			{
				"day_zero": dates.day_zero,
				"allocation_due": dates.allocation_due,
				"contact_by": dates.contact_by,
				"draft_by": dates.draft_by,
				"due_date": dates.due_date,
				"qa_by": dates.qa_by,
				"responded_on": dates.responded_on,
				"working_days_taken": dates.working_days_taken,
				"timescale_met": dates.timescale_met or "",
				"acknowledge_by": dates.acknowledge_by,
				"acknowledgement_met": dates.acknowledgement_met or "",
				"longest_due_date": dates.longest_due_date,
			}
		)
		self.rag_status = clocks.timeliness(
			site_calendar(),
			dates.due_date,
			dates.responded_on,
			getdate(today()),
			due_soon_within=due_soon_within(),
			is_open=self.status in OPEN,
		)
