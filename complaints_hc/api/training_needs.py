"""Acting on a training need from the Training Needs report."""

import frappe
from frappe import _

from complaints_hc.learning import training_needs
from complaints_hc.security import roles

# The quality assurance team and the Complaints Manager invite teams to workshops.
INVITERS = {roles.QA_SERVICE_MANAGER, roles.QA_OFFICER, roles.QA_APPROVER, roles.COMPLAINTS_MANAGER}


@frappe.whitelist(methods=["POST"])
def invite_team(team: str, theme: str) -> dict:
	if not INVITERS & set(frappe.get_roles()):
		frappe.throw(
			_("Only the quality assurance team invites a team to a workshop."), frappe.PermissionError
		)
	frappe.get_doc("Service Team", team)  # a clear error for a team that does not exist
	frappe.get_doc("Learning Theme", theme)
	return training_needs.invite_team(team, theme)


@frappe.whitelist(methods=["POST"])
def draft_workshop(theme: str) -> str:
	"""For whoever may create workshops (the QA Service Manager, the facilitators)."""
	frappe.get_doc("Learning Theme", theme)
	frappe.has_permission("Workshop", "create", throw=True)
	return training_needs.draft_workshop(theme)
