"""A workflow the complaints team edits must keep the statutory process whole.

Before a Workflow of the app's DocTypes is saved (whoever saves it, on any route), every state must
map to one of the fixed lifecycle statuses the server keys on, every state must be reachable from the
first, and every state whose status is not final must lead somewhere. The message names the state
and says why. The graph checks are plain Python (`problems`); `refuse_broken_workflow` is the hook.
"""

from collections.abc import Iterable

import frappe
from frappe import _

from complaints_hc.complaints import names

STATUS_FIELD = "status"
# DocType -> (the statuses its states may map to, the statuses that end the process)
LIFECYCLES = {
	"Complaint": (names.LIFECYCLE, (names.CLOSED, names.WITHDRAWN, names.ESCALATED)),
	"Complaint Action": (names.ACTION_LIFECYCLE, (names.ACTION_VERIFIED,)),
	"Mediation": (names.MEDIATION_LIFECYCLE, names.MEDIATION_FINAL),
	"Ombudsman Enquiry": (names.OMBUDSMAN_LIFECYCLE, (names.OMBUDSMAN_CLOSED,)),
	"Stage 2 Investigation": (names.STAGE2_LIFECYCLE, names.STAGE2_FINAL),
	"Stage 3 Review Panel": (names.STAGE3_LIFECYCLE, names.STAGE3_FINAL),
}


def problems(
	states: list[tuple[str, str | None]],
	transitions: Iterable[tuple[str, str]],
	statuses: tuple[str, ...],
	final: tuple[str, ...],
) -> list[tuple[str, str]]:
	"""(state, why) for each state that breaks the process; `states` is [(state, status)] in order."""
	found = []
	status_of = {}
	for state, status in states:
		if status not in statuses:
			found.append((state, "no_status"))
		status_of.setdefault(state, status)
	leads_to = {}
	for start, end in transitions:
		leads_to.setdefault(start, set()).add(end)
	first = states[0][0] if states else None
	reached, waiting = {first}, [first]
	while waiting:
		for following in leads_to.get(waiting.pop(), ()):
			if following not in reached:
				reached.add(following)
				waiting.append(following)
	for state in status_of:
		if state not in reached:
			found.append((state, "unreachable"))
		elif status_of[state] not in final and not leads_to.get(state):
			found.append((state, "dead_end"))
	return found


def refuse_broken_workflow(workflow, method=None):
	"""Workflow.validate: for the app's DocTypes, refuse a workflow that would break the process."""
	if workflow.document_type not in LIFECYCLES or not workflow.is_active:
		return
	statuses, final = LIFECYCLES[workflow.document_type]
	mapped = {}  # state -> the status it sets (the first row of a state that sets one)
	for row in workflow.states:
		status = row.update_value if row.update_field == STATUS_FIELD else None
		if mapped.get(row.state) is None:
			mapped[row.state] = status
	found = problems(
		list(mapped.items()), [(t.state, t.next_state) for t in workflow.transitions], statuses, final
	)
	if not found:
		return
	reasons = {
		"no_status": _("it does not set Status to one of {0} (Update Field and Update Value)").format(
			", ".join(statuses)
		),
		"unreachable": _("no transition leads to it from {0}").format(workflow.states[0].state),
		"dead_end": _("no transition leads out of it, and its status does not end the process"),
	}
	frappe.throw(
		"<br>".join(_("State {0}: {1}.").format(frappe.bold(state), reasons[why]) for state, why in found),
		title=_("This workflow would break the complaints process"),
	)
