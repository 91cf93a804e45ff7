"""The default workflows the app ships, created once if missing: after that the council owns them."""

import json
import pathlib

import frappe

from complaints_hc.setup.workflow_layout import lay_out

WORKFLOW_DIR = pathlib.Path(__file__).parent.parent / "complaints_hc" / "workflow"

# Workflow state and action names the default workflows use (shipped as filtered fixtures too).
WORKFLOW_STATES = (
	"Received",
	"Allocated",
	"Investigating",
	"Quality Assurance",
	"Approved",
	"Responded",
	"Closed",
	"Withdrawn",
	"Open",
	"In Progress",
	"Completed",
	"Verified",
	"Requested",
	"Adjudication",
	"Adjudicated",
	"Convened",
	"Met",
	"Reported",
	"Arranged",
	"Resolved",
	"Not Resolved",
	"Enquiry",
	"Draft Decision",
	"Final Decision",
)
WORKFLOW_ACTIONS = (
	"Allocate",
	"Establish Points",
	"Resolve Early",
	"Submit for QA",
	"Approve",
	"Return for Changes",
	"Send Response",
	"Close",
	"Withdraw",
	"Start",
	"Complete",
	"Verify",
	"Reopen",
	"Start Investigation",
	"Submit for Adjudication",
	"Adjudicate",
	"Convene Panel",
	"Record Meeting",
	"Receive Report",
	"Arrange Mediation",
	"Record Resolution",
	"Record No Resolution",
	"Record Draft Decision",
	"Record Final Decision",
)


def default_workflows() -> list[dict]:
	return [json.loads(path.read_text()) for path in sorted(WORKFLOW_DIR.glob("*.json"))]


def ensure_default_workflows():
	"""Create each default workflow whose DocType has no workflow yet (never overwrite the council's)."""
	ensure_names("Workflow State", "workflow_state_name", WORKFLOW_STATES)
	ensure_names("Workflow Action Master", "workflow_action_name", WORKFLOW_ACTIONS)
	for definition in default_workflows():
		if frappe.db.exists("Workflow", {"document_type": definition["document_type"]}):
			continue
		workflow = frappe.get_doc(definition)
		lay_out(workflow)
		workflow.insert(ignore_permissions=True)  # install-time set-up, not a user action


def ensure_names(doctype: str, fieldname: str, names):
	for name in names:
		if not frappe.db.exists(doctype, name):
			frappe.get_doc({"doctype": doctype, fieldname: name}).insert(ignore_permissions=True)
