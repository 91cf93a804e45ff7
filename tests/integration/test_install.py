"""The app installs cleanly on a real site: roles, settings, workspace, and an idempotent migrate."""

import json

import frappe

from complaints_hc.security import roles
from complaints_hc.setup.install import is_setup_complete


def test_app_is_installed():
	assert "complaints_hc" in frappe.get_installed_apps()


def test_every_role_is_installed_with_its_desk_access():
	for role in roles.ALL_ROLES:
		desk_access = frappe.db.get_value("Role", role, "desk_access")
		assert desk_access == (0 if role in roles.PORTAL_ROLES else 1), role


def test_settings_single_exists_with_its_default():
	assert frappe.db.get_value("DocType", "Complaints Settings", "issingle") == 1
	assert frappe.get_single("Complaints Settings").next_stage_request_working_days == 20


def test_complaints_workspace_is_shown_to_the_complaints_roles_only():
	workspace = frappe.get_doc("Workspace", "Complaints")
	assert workspace.module == "Complaints HC"
	assert workspace.public == 1
	assert {row.role for row in workspace.roles} == set(roles.DESK_ROLES)


def test_setup_is_complete_so_desk_users_are_not_sent_to_the_wizard():
	assert is_setup_complete()
	assert frappe.db.get_single_value("System Settings", "time_zone") == "Europe/London"


def test_the_site_keeps_london_time_whatever_the_setup_wizard_was_given():
	frappe.db.set_single_value("System Settings", "time_zone", "Asia/Kolkata")
	for hook in frappe.get_hooks("setup_wizard_success"):
		frappe.get_attr(hook)(frappe._dict(timezone="Asia/Kolkata"))
	assert frappe.db.get_single_value("System Settings", "time_zone") == "Europe/London"
	assert frappe.utils.get_system_timezone() == "Europe/London"


def test_settings_added_after_install_get_their_default():
	from complaints_hc.patches.v0_1 import fill_settings_defaults

	frappe.db.delete("Singles", {"doctype": "Complaints Settings", "field": "due_soon_working_days"})
	fill_settings_defaults.execute()
	stored = frappe.db.sql(
		"select value from tabSingles where doctype = 'Complaints Settings' and field = 'due_soon_working_days'"
	)
	assert stored == (("3",),)


def test_default_notifications_are_editable_records():
	for name in ("Complaint response due soon", "Complaint response overdue"):
		notification = frappe.get_doc("Notification", name)
		assert (notification.is_standard, notification.enabled, notification.event) == (0, 1, "Method")


def test_a_fresh_install_has_the_seed_papers_starting_lists():
	from complaints_hc.setup import starting_lists

	for doctype, _fieldname, entries in starting_lists.LISTS:
		found = set(frappe.get_all(doctype, {"name": ["in", entries]}, pluck="name"))
		assert found == set(entries), doctype
	assert "Reflective supervision" in starting_lists.ACTION_TYPES
	assert "Engaging Fathers and Men" in starting_lists.LEARNING_THEMES


def test_every_block_of_the_workspace_names_a_shortcut_card_or_chart_it_has():
	"""A block naming something the workspace lacks shows nothing: each must match by name."""
	workspace = frappe.get_doc("Workspace", "Complaints")
	named = {
		"shortcut": ("shortcut_name", {row.label for row in workspace.shortcuts}),
		"number_card": ("number_card_name", {row.label for row in workspace.number_cards}),
		"chart": ("chart_name", {row.label for row in workspace.charts}),
		"card": ("card_name", {row.label for row in workspace.links if row.type == "Card Break"}),
	}
	blocks = [block for block in json.loads(workspace.content) if block["type"] in named]
	assert {block["data"]["shortcut_name"] for block in blocks if block["type"] == "shortcut"} >= {
		"Awaiting QA", "Letters to Post"}  # fmt: skip
	for block in blocks:
		field, labels = named[block["type"]]
		assert block["data"][field] in labels, block
