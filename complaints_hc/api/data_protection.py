"""Information governance's one button: run the anonymisation job now rather than overnight."""

import frappe
from frappe import _

from complaints_hc.data_protection import jobs
from complaints_hc.security import roles


@frappe.whitelist(methods=["POST"])
def run_retention_now() -> str:
	if not {roles.INFORMATION_GOVERNANCE_OFFICER, "System Manager"} & set(frappe.get_roles()):
		frappe.throw(_("Only Information Governance may run the anonymisation job."), frappe.PermissionError)
	return jobs.run()
