# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from complaints_hc.complaints.names import (
	ACTION_COMPLETED,
	ACTION_LIFECYCLE,
	ACTION_STILL_OPEN,
	ACTION_VERIFIED,
	APPROVED_RECORD,
)
from complaints_hc.security import roles, workflow_guard
from complaints_hc.security.visibility import ACTION_ROLES, may_see_action
from complaints_hc.working_days.site import site_calendar

# What an action agreed in the response commits to (its progress and evidence are recorded later).
AGREED_TERMS = ("complaint", "action_type", "description", "point_number", "due_in_working_days")
VERIFIER_ROLES = {roles.QA_OFFICER, roles.QA_SERVICE_MANAGER, roles.QA_APPROVER}


class ComplaintAction(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		action_type: DF.Link
		complaint: DF.Link
		complaint_point: DF.Data | None
		complaints_officer: DF.Link | None
		completed_by: DF.Link | None
		completed_on: DF.Date | None
		description: DF.SmallText
		due_date: DF.Date | None
		due_in_working_days: DF.Int
		evidence: DF.Text | None
		is_overdue: DF.Check
		naming_series: DF.Literal["ACT-.YYYY.-"]
		point_number: DF.Int
		point_summary: DF.SmallText | None
		raised_on: DF.Date | None
		responsible: DF.Link
		responsible_manager: DF.Link | None
		status: DF.Literal["Open", "In Progress", "Completed", "Verified"]
		team: DF.Link | None
		verified_by: DF.Link | None
		verified_on: DF.Date | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	def before_validate(self):
		workflow_guard.restore_server_owned_fields(self)
		if self.is_new():
			self.raised_on = today()  # the due date may count from it, so it is known before validate

	def validate(self):
		self.previous_status = workflow_guard.guard_transition(self, "status", ACTION_LIFECYCLE)
		self.validate_actor()
		self.validate_agreed_action_unchanged()
		self.validate_point()
		self.validate_responsible()
		self.set_due_date()
		self.validate_due_date()
		if self.status != self.previous_status:
			if self.status == ACTION_COMPLETED:
				self.check_completion()
			elif self.status == ACTION_VERIFIED:
				self.check_verification()

	def before_save(self):
		self.set_point()
		self.stamp_server_facts()

	def on_update(self):
		self.update_open_actions_on_complaint()

	def on_trash(self):
		if self.complaint_doc().status in APPROVED_RECORD:
			frappe.throw(
				_("This action is part of a response quality assurance approved: it cannot be deleted.")
			)
		self.update_open_actions_on_complaint(leaving=True)

	def validate_actor(self):
		if not may_see_action(self, frappe.session.user):
			frappe.throw(_("You cannot act on this action."), frappe.PermissionError)

	def validate_agreed_action_unchanged(self):
		"""An action agreed in a response QA approved keeps its terms: only its progress is recorded."""
		before = self.get_doc_before_save()
		if not before or self.complaint_doc().status not in APPROVED_RECORD:
			return
		changed = [f for f in AGREED_TERMS if self.get(f) != before.get(f)]
		if changed:
			frappe.throw(
				_(
					"The response was approved by QA with this action as agreed, so {0} cannot change. Return the complaint to drafting to change it."
				).format(", ".join(_(self.meta.get_label(f)) for f in changed)),
				frappe.PermissionError,
				title=_("Approved by QA"),
			)

	def complaint_doc(self):
		return frappe.get_cached_doc("Complaint", self.complaint)

	def validate_point(self):
		if self.point_number and not 1 <= self.point_number <= len(self.complaint_doc().points):
			frappe.throw(_("Complaint {0} has no point {1}.").format(self.complaint, self.point_number))

	def set_point(self):
		"""The point the action comes from, as it reads on the complaint."""
		if not self.point_number:
			self.complaint_point = self.point_summary = None
			return
		point = self.complaint_doc().points[self.point_number - 1]
		self.complaint_point, self.point_summary = point.name, point.description

	def validate_responsible(self):
		subjects = {row.user for row in self.complaint_doc().subjects}
		for fieldname in ("responsible", "responsible_manager"):
			user = self.get(fieldname)
			if user in subjects:
				frappe.throw(
					_("{0} is a subject of the complaint, so cannot be given its actions.").format(
						frappe.bold(user)
					)
				)
		if not ACTION_ROLES & set(frappe.get_roles(self.responsible)):
			frappe.throw(
				_(
					"{0} holds no role that can see actions: give them the Team Manager role, or choose someone else."
				).format(frappe.bold(self.responsible))
			)

	def set_due_date(self):
		"""Working days from the outcome, when the completion date was given that way."""
		if self.due_in_working_days and self.due_in_working_days > 0:
			outcome = self.complaint_doc().responded_on or self.raised_on
			self.due_date = site_calendar().add_working_days(getdate(outcome), self.due_in_working_days)

	def validate_due_date(self):
		if self.due_in_working_days and self.due_in_working_days < 0:
			frappe.throw(_("The number of working days cannot be negative."))
		if not self.due_date:
			frappe.throw(_("Agree a completion date: a date, or a number of working days from the outcome."))
		if getdate(self.due_date) < getdate(self.raised_on):
			frappe.throw(
				_("The completion date cannot be before the action was raised ({0}).").format(
					frappe.format(getdate(self.raised_on), "Date")
				),
				title=_("Completion date"),
			)

	def check_completion(self):
		has_attachment = frappe.db.exists(
			"File", {"attached_to_doctype": self.doctype, "attached_to_name": self.name}
		)
		if not (self.evidence or "").strip() and not has_attachment:
			frappe.throw(
				_("Record the evidence that the action was done (or attach it) before completing it."),
				title=_("Evidence needed"),
			)

	def check_verification(self):
		user = frappe.session.user
		if not VERIFIER_ROLES & set(frappe.get_roles(user)):
			frappe.throw(_("Only the QA team can verify an action."), frappe.PermissionError)
		if user == self.completed_by:
			frappe.throw(
				_("You completed this action, so someone else must verify it."),
				frappe.PermissionError,
				title=_("Segregation of duties"),
			)

	def stamp_server_facts(self):
		"""Who completed and who verified the action, and when: the one place these are set."""
		if self.status == self.previous_status:
			return
		if self.status == ACTION_COMPLETED:
			self.completed_on, self.completed_by = today(), frappe.session.user
		elif self.status == ACTION_VERIFIED:
			self.verified_on, self.verified_by = today(), frappe.session.user

	def update_open_actions_on_complaint(self, leaving: bool = False):
		open_count = frappe.db.count(
			"Complaint Action",
			{"complaint": self.complaint, "status": ["in", ACTION_STILL_OPEN], "name": ["!=", self.name]},
		)
		if not leaving and self.status in ACTION_STILL_OPEN:
			open_count += 1
		frappe.db.set_value("Complaint", self.complaint, "open_actions", open_count, update_modified=False)
