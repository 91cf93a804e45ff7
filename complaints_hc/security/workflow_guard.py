"""What Frappe's Workflow does not enforce on the server, for any DocType a workflow runs.

- Lifecycle status: every workflow state maps, through its "Update Field"/"Update Value" columns, to
  one fixed status that server logic keys on. The council may rename or add states; the code never
  reads state names. Frappe applies that mapping only in `apply_workflow`; here it is applied on
  every save, whatever the route.
- "Only allow edit for": Frappe enforces a state's edit role only in the browser. Here a content
  change in a state is refused on the server unless the user holds one of that state's edit roles.
- Fail closed: with no active workflow nothing can be saved.
- Server-owned fields: read-only fields sent by a client are put back to their stored value.
"""

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.model.workflow import get_workflow_name, validate_workflow
from frappe.utils import cint, cstr, flt, getdate

NUMERIC = {"Int", "Float", "Currency", "Percent", "Check"}
NOT_CONTENT = {"modified", "modified_by", "creation", "owner", "idx", "docstatus", "name", "parent"}


class NoActiveWorkflowError(frappe.ValidationError):
	pass


def active_workflow(doctype: str):
	name = get_workflow_name(doctype)
	if not name:
		frappe.throw(
			_(
				"No active workflow runs {0}, so it cannot be saved. Ask the Complaints Manager to activate one."
			).format(_(doctype)),
			NoActiveWorkflowError,
			title=_("No active workflow"),
		)
	return frappe.get_cached_doc("Workflow", name)


def guard_transition(doc, status_field: str, statuses: tuple[str, ...]) -> str | None:
	"""The workflow checks every save of a workflow-run DocType starts with; returns the stored status.

	Fails closed without an active workflow, runs Frappe's own transition check (skipping a state is
	refused as such), refuses content changes the stored state's edit roles do not allow, and sets the
	lifecycle status the new state maps to.
	"""
	workflow = active_workflow(doc.doctype)
	validate_workflow(doc)
	state, stored_state = states(doc, workflow)
	ensure_edit_allowed(doc, workflow, stored_state)
	previous_status = doc.get_doc_before_save().get(status_field) if stored_state else None
	apply_lifecycle_status(doc, workflow, state, status_field, statuses)
	return previous_status


def rows_for_state(workflow, state: str) -> list:
	rows = [row for row in workflow.states if row.state == state]
	if not rows:
		frappe.throw(_("{0} is not a state of the workflow {1}.").format(frappe.bold(state), workflow.name))
	return rows


def states(doc, workflow) -> tuple[str, str | None]:
	"""(the state being saved, the stored state or None for a new document)."""
	field = workflow.workflow_state_field
	if not doc.get(field):
		doc.set(field, workflow.states[0].state)
	before = doc.get_doc_before_save()
	return doc.get(field), (before.get(field) if before else None)


def apply_lifecycle_status(doc, workflow, state: str, status_field: str, statuses: tuple[str, ...]) -> str:
	"""Set the fixed status that this workflow state maps to, and return it."""
	mapped = [r.update_value for r in rows_for_state(workflow, state) if r.update_field == status_field]
	if not mapped or mapped[0] not in statuses:
		frappe.throw(
			_(
				"The workflow state {0} must set {1} to one of: {2}. Set its Update Field and Update Value."
			).format(frappe.bold(state), frappe.bold(status_field), ", ".join(statuses)),
			title=_("Workflow not configured"),
		)
	doc.set(status_field, mapped[0])
	return mapped[0]


def edit_roles(workflow, state: str) -> set[str]:
	return {row.allow_edit for row in rows_for_state(workflow, state) if row.allow_edit}


def ensure_edit_allowed(doc, workflow, stored_state: str | None):
	"""Refuse content changes in a state whose edit roles the user does not hold."""
	if stored_state is None or doc.flags.from_complainant_page:
		return  # new, or the complainant's own answer on their page (checked against their link there)
	changed = changed_fields(doc) - reasons_for_leaving(doc, workflow, stored_state)
	allowed = edit_roles(workflow, stored_state)
	if changed and not allowed & set(frappe.get_roles()):
		labels = ", ".join(_(doc.meta.get_label(f)) for f in sorted(changed))
		frappe.throw(
			_("In the state {0} only {1} can change this {2} (you changed: {3}).").format(
				frappe.bold(stored_state),
				_(" or ").join(sorted(allowed)) or _("nobody"),
				_(doc.doctype),
				labels,
			),
			frappe.PermissionError,
			title=_("Not allowed in this state"),
		)


WITHDRAWAL_REASON = "withdrawal_reason"


def reasons_for_leaving(doc, workflow, state: str) -> set[str]:
	"""Whoever may withdraw the record from this state may record why, whoever else edits the state: a
	complainant can withdraw while the response is in quality assurance or adjudication."""
	if not doc.meta.has_field(WITHDRAWAL_REASON):
		return set()
	user_roles = set(frappe.get_roles())
	may_withdraw = any(
		row.state == state
		and row.allowed in user_roles
		and (row.action == "Withdraw" or row.next_state == "Withdrawn")
		for row in workflow.transitions
	)
	return {WITHDRAWAL_REASON} if may_withdraw else set()


def restore_server_owned_fields(doc):
	"""Read-only fields and tables belong to the server: whatever a client sent for them is put back."""
	before = doc.get_doc_before_save()
	for df in doc.meta.fields:
		if df.read_only and df.fieldtype not in no_value_fields and df.fieldtype != "Table":
			if df.fieldname == "workflow_state" or df.fetch_from:
				continue  # the workflow moves the state; Frappe fetches fetched values from their link
			doc.set(df.fieldname, before.get(df.fieldname) if before else df.default)
	for table in doc.meta.get_table_fields():
		child_meta = frappe.get_meta(table.options)
		stored_rows = before.get(table.fieldname) if before else []
		if table.read_only:  # a history the server keeps: rows are neither added, changed nor removed
			doc.set(table.fieldname, [row.as_dict() for row in stored_rows])
			continue
		stored = {row.name: row for row in stored_rows}
		for row in doc.get(table.fieldname):
			for df in child_meta.fields:
				if df.read_only and df.fieldtype not in no_value_fields:
					previous = stored.get(row.name)
					row.set(df.fieldname, previous.get(df.fieldname) if previous else None)


def normalised(value, fieldtype: str):
	if fieldtype in NUMERIC:
		return flt(value) if fieldtype != "Check" else cint(value)
	if fieldtype == "Date":
		return getdate(value) if value else None
	return cstr(value) or None


def row_values(row, child_meta) -> tuple:
	return tuple(
		normalised(row.get(df.fieldname), df.fieldtype)
		for df in child_meta.fields
		if df.fieldtype not in no_value_fields and not df.read_only
	)


def changed_fields(doc) -> set[str]:
	"""Editable fields (and tables) whose values differ from the stored document."""
	before = doc.get_doc_before_save()
	if not before:
		return set()
	changed = set()
	for df in doc.meta.fields:
		if df.fieldtype == "Table":
			child_meta = frappe.get_meta(df.options)
			now = [row_values(r, child_meta) for r in doc.get(df.fieldname)]
			then = [row_values(r, child_meta) for r in before.get(df.fieldname)]
			if now != then:
				changed.add(df.fieldname)
		elif df.fieldname in NOT_CONTENT or df.read_only or df.fieldtype in no_value_fields:
			continue  # not content a user edits
		elif normalised(doc.get(df.fieldname), df.fieldtype) != normalised(
			before.get(df.fieldname), df.fieldtype
		):
			changed.add(df.fieldname)
	return changed
