"""Workflows installed before the app stored a builder layout get one (positions only, nothing else)."""

import frappe

from complaints_hc.security.workflow_shape import LIFECYCLES
from complaints_hc.setup.workflow_layout import lay_out


def execute():
	for name in frappe.get_all("Workflow", {"document_type": ["in", list(LIFECYCLES)]}, pluck="name"):
		workflow = frappe.get_doc("Workflow", name)
		if lay_out(workflow):
			workflow.db_update()
			for row in (*workflow.states, *workflow.transitions):
				row.db_update()
