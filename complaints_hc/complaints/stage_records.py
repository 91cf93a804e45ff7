"""What every record of a later stage shares: it belongs to a complaint its user may see, it starts
with the complainant's request after the previous stage's response, and the server keeps its facts.

Each stage's own DocType controller extends `LaterStageRecord`; the dates and rules themselves are
in `later_stages` (plain Python)."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from complaints_hc.complaints import later_stages
from complaints_hc.security import workflow_guard
from complaints_hc.security.visibility import may_see_complaint
from complaints_hc.working_days.site import site_calendar


class LaterStageRecord(Document):
	"""A stage record: `complaint`, `requested_on`, the late-request fields and a workflow status."""

	STAGE_LABEL = ""  # "stage 2 investigation", for messages
	PREVIOUS_RESPONSE = ""  # "the stage 1 response", for messages
	LIFECYCLE: tuple[str, ...] = ()

	def before_validate(self):
		workflow_guard.restore_server_owned_fields(self)

	def guard(self):
		"""The workflow's checks, then the complaint: returns it (the user must be able to see it)."""
		self.previous_status = workflow_guard.guard_transition(self, "status", self.LIFECYCLE)
		complaint = frappe.get_doc("Complaint", self.complaint)
		if self.is_new() and self.flags.from_complainant_page:
			return complaint  # asked for on the complainant's page, through their link (complainant_page)
		if not may_see_complaint(complaint, frappe.session.user):
			frappe.throw(_("You cannot act on a complaint you may not see."), frappe.PermissionError)
		return complaint

	def check_request(self, previous_response_on):
		"""The request follows the previous stage's response; a late one needs a recorded decision."""
		calendar = site_calendar()
		window = frappe.db.get_single_value("Complaints Settings", "next_stage_request_working_days") or (
			later_stages.NEXT_STAGE_WINDOW
		)
		responded = getdate(previous_response_on) if previous_response_on else None
		requested = getdate(self.requested_on)
		if requested > getdate(today()):
			frappe.throw(_("The request cannot be dated in the future."), title=_("Requested On"))
		self.previous_response_on = responded
		self.request_window_ends = (
			later_stages.next_stage_window_ends(calendar, responded, window) if responded else None
		)
		self.request_is_late = int(bool(self.request_window_ends and requested > self.request_window_ends))
		problems = later_stages.request_problems(
			calendar, responded, requested, (self.late_request_decision or "").strip(), window
		)
		if later_stages.REQUEST_BEFORE_RESPONSE in problems:
			frappe.throw(
				_("A {0} follows {1}: this complaint has had none on or before {2}.").format(
					_(self.STAGE_LABEL), _(self.PREVIOUS_RESPONSE), self.formatted("requested_on")
				),
				title=_("Not yet"),
			)
		if later_stages.LATE_REQUEST_WITHOUT_DECISION in problems:
			frappe.throw(
				_(
					"The request came after the window for asking closed on {0}: record the decision to accept it, and why."
				).format(self.formatted("request_window_ends")),
				title=_("A late request"),
			)

	def check_event_dates(self, fieldnames, rows=()):
		"""Each date the stage records falls between the request and today."""
		requested, now = getdate(self.requested_on), getdate(today())
		dates = [(self.meta.get_label(f), self.get(f)) for f in fieldnames] + list(rows)
		for label, value in dates:
			if value and not requested <= getdate(value) <= now:
				frappe.throw(_("{0} must be between the request and today.").format(frappe.bold(_(label))))

	def require(self, *fieldnames, why: str):
		missing = [_(self.meta.get_label(f)) for f in fieldnames if not self.get(f)]
		if missing:
			frappe.throw(_("{0}: record {1}.").format(why, ", ".join(missing)), title=_("Not ready"))

	def stamp_late_decision(self):
		before = self.get_doc_before_save()
		if (self.late_request_decision or "") != ((before and before.late_request_decision) or ""):
			self.late_request_decided_by = frappe.session.user if self.late_request_decision else None

	def check_ready_to_withdraw(self):
		if not (self.withdrawal_reason or "").strip():
			frappe.throw(_("Record why the request was withdrawn."), title=_("Withdrawal"))

	def formatted(self, fieldname: str) -> str:
		return frappe.format(self.get(fieldname), {"fieldtype": "Date"})

	def show_the_stage_on_the_complaint(self, stage: str):
		"""The complaint shows the furthest stage it has reached."""
		from complaints_hc.complaints.names import STAGES

		current = frappe.db.get_value("Complaint", self.complaint, "stage")
		if STAGES.index(stage) > STAGES.index(current or STAGES[0]):
			frappe.db.set_value("Complaint", self.complaint, "stage", stage, update_modified=False)
