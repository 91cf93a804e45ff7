"""Install, migrate, uninstall and test-preparation hooks.

Records the council owns (workflows, notifications, letters) are created here only if missing:
after install they belong to the complaints team, who change them in the desk.
"""

import frappe

from complaints_hc.roles import ALL_ROLES
from complaints_hc.workflows import ensure_default_workflows

# The answers a council in England gives Frappe's setup wizard.
ENGLAND_SETUP = {
	"language": "English",
	"country": "United Kingdom",
	"timezone": "Europe/London",
	"currency": "GBP",
}


def after_install():
	ensure_default_records()


def after_migrate():
	ensure_default_records()


def ensure_default_records():
	"""Create-if-missing for every default record the app ships (idempotent)."""
	ensure_default_workflows()


def before_uninstall():
	# Workflows point at the app's DocTypes, which uninstall removes.
	app_doctypes = frappe.get_all("DocType", {"module": "Complaints HC"}, pluck="name")
	for workflow in frappe.get_all("Workflow", {"document_type": ["in", app_doctypes]}, pluck="name"):
		frappe.delete_doc("Workflow", workflow, force=True, ignore_permissions=True)
	# Roles are not tied to the module, so Frappe's uninstall would leave them behind.
	for role in ALL_ROLES:
		if frappe.db.exists("Role", role):
			frappe.delete_doc("Role", role, force=True, ignore_permissions=True)


def complete_setup():
	"""Answer Frappe's setup wizard for a site in England, once (demo and test sites)."""
	if is_setup_complete():
		return
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	setup_complete(ENGLAND_SETUP)
	frappe.db.commit()  # nosemgrep: called from `bench execute`, which does not commit for us


def is_setup_complete() -> bool:
	return bool(frappe.utils.cint(frappe.db.get_single_value("System Settings", "setup_complete")))


def before_tests():
	complete_setup()
