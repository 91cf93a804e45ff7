"""A state renamed in the workflow builder (or the Workflow form) stays one state.

Frappe gives a state several edit roles by giving it several rows, one per role, and its workflow
builder draws each row as a node of its own: renaming a state there renames one row. Before an app
workflow is validated, a row whose stored state now carries a name no stored row had passes that name
on to the state's other rows and to the transitions in and out of it; once saved, the records standing
in the old state move to the new name, so no record is left in a state the workflow no longer has.
"""

import frappe
from frappe import _

from complaints_hc.security.workflow_shape import LIFECYCLES


def renamed_states(stored: list[tuple[str, str]], current: list[tuple[str, str]]) -> dict[str, str]:
	"""{old name: new name} from the (row name, state) pairs as stored and as about to be saved.

	A row counts as renamed when its state changed to a name that no stored row had; moving a row to
	another existing state is not a rename.
	"""
	before = dict(stored)
	stored_names = set(before.values())
	renames = {}
	for row_name, state in current:
		old = before.get(row_name)
		if old and state and state != old and state not in stored_names:
			renames.setdefault(old, state)
	return renames


def carry_renames(workflow, method=None):
	"""Workflow.before_validate: one renamed row renames the whole state."""
	if workflow.document_type not in LIFECYCLES:
		return
	before = workflow.get_doc_before_save() if not workflow.is_new() else None
	renames = {}
	if before:
		renames = renamed_states(
			[(row.name, row.state) for row in before.states],
			[(row.name, row.state) for row in workflow.states],
		)
	for row in workflow.states:
		row.state = renames.get(row.state, row.state)
	for transition in workflow.transitions:
		transition.state = renames.get(transition.state, transition.state)
		transition.next_state = renames.get(transition.next_state, transition.next_state)
	workflow.flags.renamed_states = renames


def move_records(workflow, method=None):
	"""Workflow.on_update: records in a renamed state now stand in the state's new name."""
	renames = workflow.flags.renamed_states or {}
	if not renames:
		return
	field = workflow.workflow_state_field
	for old, new in renames.items():
		frappe.db.sql(
			f"update `tab{workflow.document_type}` set `{field}` = %s where `{field}` = %s",
			(new, old),
		)
	frappe.msgprint(
		_("Records in {0} now stand in {1}.").format(
			", ".join(frappe.bold(old) for old in renames),
			", ".join(frappe.bold(new) for new in renames.values()),
		),
		alert=True,
	)
