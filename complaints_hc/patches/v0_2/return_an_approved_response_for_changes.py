"""Sites seeded before: the default complaint workflow gains what the frozen record needs.

Approved content is now frozen, so the only way to change it is back to drafting: "Return for Changes"
from Approved. Agreements are now the act of the person who gives them, so the Complaints Manager may
edit before QA and once the response is sent (to correct Day 0, record a restart, a late decision, a
remedy or an earlier posting date). Each is added
only to a workflow that still has the default states and lacks it.
"""

import frappe

from complaints_hc.setup.workflows import default_workflows

MANAGER_EDITS = ("Received", "Allocated", "Investigating", "Responded")


def execute():
	default = next(w for w in default_workflows() if w["document_type"] == "Complaint")
	wanted_transitions = [
		t for t in default["transitions"] if t["state"] == "Approved" and t["next_state"] == "Investigating"
	]
	wanted_states = [
		s
		for s in default["states"]
		if s["state"] in MANAGER_EDITS and s["allow_edit"] == "Complaints Manager"
	]
	for name in frappe.get_all("Workflow", {"document_type": "Complaint"}, pluck="name"):
		workflow = frappe.get_doc("Workflow", name)
		if not {"Approved", "Investigating", "Allocated"} <= {row.state for row in workflow.states}:
			continue
		changed = False
		if not any(t.state == "Approved" and t.next_state == "Investigating" for t in workflow.transitions):
			for transition in wanted_transitions:
				workflow.append("transitions", transition)
			changed = True
		for state in wanted_states:
			if not any(
				s.state == state["state"] and s.allow_edit == state["allow_edit"] for s in workflow.states
			):
				workflow.append("states", state)
				changed = True
		if changed:
			workflow.save(ignore_permissions=True)  # a data patch on the council's workflow, as shipped
