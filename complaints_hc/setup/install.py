"""Install, migrate, uninstall and test-preparation hooks.

Records the council owns (workflows, notifications, letters) are created here only if missing:
after install they belong to the complaints team, who change them in the desk.
"""

import json
import os
import pathlib

import frappe

from complaints_hc.complaints.allocation import ensure_allocation_rule
from complaints_hc.data_protection.retention import ensure_default_periods
from complaints_hc.neighbours import custom_fields as erpnext_fields
from complaints_hc.neighbours import erpnext_installed
from complaints_hc.operations.backups import switch_on_encrypted_backups
from complaints_hc.security.configuration import grant_configuration_rights, revoke_configuration_rights
from complaints_hc.security.roles import ALL_ROLES
from complaints_hc.setup.starting_lists import create_starting_lists
from complaints_hc.setup.workflows import ensure_default_workflows

STATEMENT_ROUTE = "/accessibility"

# The answers a council in England gives Frappe's setup wizard.
ENGLAND_SETUP = {
	"language": "English",
	"country": "United Kingdom",
	"timezone": "Europe/London",
	"currency": "GBP",
}


def after_install():
	keep_london_time()
	ensure_default_records()
	create_starting_lists()
	link_the_accessibility_statement()
	ensure_default_periods()
	switch_on_encrypted_backups()
	erpnext_fields.ensure()  # ERPNext already there (nothing without it)


def after_migrate():
	ensure_default_records()
	erpnext_fields.ensure()  # nothing without ERPNext


def keep_london_time(*args):
	"""Every site keeps England's clock: working days, due dates and invites are counted in London time.
	Run at install, after the setup wizard (whatever zone it was given) and by a patch for older sites."""
	frappe.db.set_single_value("System Settings", "time_zone", ENGLAND_SETUP["timezone"])
	frappe.clear_document_cache("System Settings", "System Settings")
	if hasattr(frappe.local, "system_settings"):  # this request's copy, read by get_system_timezone
		del frappe.local.system_settings


def ensure_default_records():
	"""Create-if-missing for every default record the app ships (idempotent)."""
	ensure_default_workflows()
	ensure_default_notifications()
	ensure_allocation_rule()
	ensure_action_board()
	grant_configuration_rights()


def ensure_action_board():
	"""A Kanban board of actions by workflow state: moving a card applies that transition, guards included."""
	if frappe.db.exists("Kanban Board", "Complaint Actions"):
		return
	frappe.get_doc(
		{
			"doctype": "Kanban Board",
			"kanban_board_name": "Complaint Actions",
			"reference_doctype": "Complaint Action",
			"field_name": "workflow_state",
			"private": 0,
			"show_labels": 1,
			"columns": [
				{"column_name": state, "status": "Active", "indicator": colour}
				for state, colour in (
					("Open", "Gray"),
					("In Progress", "Orange"),
					("Completed", "Blue"),
					("Verified", "Green"),
				)
			],
		}
	).insert(ignore_permissions=True)  # install-time set-up


def link_the_accessibility_statement():
	"""Every website page's footer links the accessibility statement (Website Settings: the council
	may move or reword the link)."""
	settings = frappe.get_single("Website Settings")
	if any(item.url == STATEMENT_ROUTE for item in settings.footer_items):
		return
	settings.append("footer_items", {"label": "Accessibility statement", "url": STATEMENT_ROUTE})
	settings.flags.ignore_permissions = True  # install-time set-up
	settings.save()


def default_records(filename: str) -> list[dict]:
	return json.loads((pathlib.Path(__file__).parent / "defaults" / filename).read_text())


def ensure_default_notifications():
	"""Alerts and email wording the complaints team owns: created once, then edited in the desk."""
	for filename in ("notifications.json", "email_templates.json"):
		for definition in default_records(filename):
			if not frappe.db.exists(definition["doctype"], definition["name"]):
				frappe.get_doc(definition).insert(ignore_permissions=True)  # install-time set-up


def before_uninstall():
	# First, while the app's roles still exist: its Custom Fields and its rights on ERPNext's lists.
	erpnext_fields.remove()
	revoke_configuration_rights()
	# Workflows point at the app's DocTypes, which uninstall removes.
	app_doctypes = frappe.get_all("DocType", {"module": "Complaints HC"}, pluck="name")
	for workflow in frappe.get_all("Workflow", {"document_type": ["in", app_doctypes]}, pluck="name"):
		frappe.delete_doc("Workflow", workflow, force=True, ignore_permissions=True)
	for doctype in ("Notification", "Assignment Rule"):
		for name in frappe.get_all(doctype, {"document_type": ["in", app_doctypes]}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	for template in default_records("email_templates.json"):
		if frappe.db.exists("Email Template", template["name"]):
			frappe.delete_doc("Email Template", template["name"], force=True, ignore_permissions=True)
	for board in frappe.get_all("Kanban Board", {"reference_doctype": ["in", app_doctypes]}, pluck="name"):
		frappe.delete_doc("Kanban Board", board, force=True, ignore_permissions=True)
	# Roles are not tied to the module, so Frappe's uninstall would leave them behind.
	for role in ALL_ROLES:
		if frappe.db.exists("Role", role):
			frappe.delete_doc("Role", role, force=True, ignore_permissions=True)


def complete_setup():
	"""Answer Frappe's setup wizard for a site in England, once (demo and test sites)."""
	if is_setup_complete():
		return
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	setup_complete(setup_answers())
	frappe.db.commit()  # nosemgrep: called from `bench execute`, which does not commit for us


def setup_answers() -> dict:
	"""ENGLAND_SETUP; with ERPNext, whose wizard makes a company, a council's company too (demo and
	test sites only: a council answers the wizard itself)."""
	if not erpnext_installed():
		return ENGLAND_SETUP
	year = frappe.utils.getdate().year
	april = year if frappe.utils.getdate().month >= 4 else year - 1  # the UK public sector's year
	return {
		**ENGLAND_SETUP,
		"company_name": "Demo Council",
		"company_abbr": "DC",
		"chart_of_accounts": "Standard",
		"fy_start_date": f"{april}-04-01",
		"fy_end_date": f"{april + 1}-03-31",
	}


def is_setup_complete() -> bool:
	return bool(frappe.utils.cint(frappe.db.get_single_value("System Settings", "setup_complete")))


def ensure_loopback_email_account(email_id: str, port: int):
	"""A default outgoing account on loopback, for demo and test sites (a council sets up its own)."""
	if frappe.db.exists("Email Account", {"default_outgoing": 1}):
		return
	# Frappe's SMTP connection check is skipped, as in its own tests: the demo and the test command start
	# a real SMTP server on that port (scripts/lib.sh, start_smtp_server), but not always first.
	in_test, frappe.flags.in_test = frappe.flags.in_test, True
	try:
		_insert_loopback_email_account(email_id, port)
	finally:
		frappe.flags.in_test = in_test


def _insert_loopback_email_account(email_id: str, port: int):
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "Complaints Team",
			"email_id": email_id,
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "127.0.0.1",
			"smtp_port": port,
			"no_smtp_authentication": 1,
			"use_tls": 0,
			"enable_incoming": 0,
		}
	).insert(ignore_permissions=True)  # site set-up, not a user action


def before_tests():
	complete_setup()
	# the test command's SMTP server; runs side by side each have their own (scripts/test)
	port = frappe.utils.cint(os.environ.get("COMPLAINTS_SMTP_PORT")) or 2525
	ensure_loopback_email_account("complaints@test.example.org", port)
