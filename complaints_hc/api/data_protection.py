"""Information governance's one button: run the anonymisation job now rather than overnight.

The run goes to a worker of the long queue (a first run can take minutes); the desk shows its
progress, and the asker is told where its Retention Run is."""

import frappe
from frappe import _

from complaints_hc.data_protection import jobs
from complaints_hc.security import roles


@frappe.whitelist(methods=["POST"])
def run_retention_now() -> dict:
	if not {roles.INFORMATION_GOVERNANCE_OFFICER, "System Manager"} & set(frappe.get_roles()):
		frappe.throw(_("Only Information Governance may run the anonymisation job."), frappe.PermissionError)
	queued = jobs.ask_to_run_now()
	if queued:
		frappe.msgprint(
			_(
				"The anonymisation job is queued. You will be told when it has run, and where its Retention Run is."
			),
			title=_("Anonymisation job queued"),
			indicator="blue",
		)
	else:
		frappe.msgprint(
			_("The anonymisation job is already waiting or running: its Retention Run will follow."),
			title=_("Already running"),
			indicator="orange",
		)
	return {"queued": queued, "job_id": jobs.RUN_NOW_JOB}
