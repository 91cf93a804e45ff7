"""The Custom Fields (and the Select rights on ERPNext's staff lists) the app adds while ERPNext is
installed, made and taken away with it.

Made: at the app's install (ERPNext already there), at ERPNext's install (the app already there,
`after_app_install`) and on every migrate (idempotent). Taken away: before ERPNext is uninstalled
(`before_app_uninstall`) and before the app is. None is on an ERPNext DocType: ERPNext's tables and
records are never altered.
"""

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields
from frappe.permissions import add_permission, setup_custom_perms

from complaints_hc.neighbours import ERPNEXT, erpnext_installed
from complaints_hc.security.roles import DESK_ROLES

MODULE = "Complaints HC"
APP = "complaints_hc"

SOURCE_FIELD = "non_working_days_source"
BANK_HOLIDAYS = "Bank holidays"
HOLIDAY_LIST = "ERPNext Holiday List"
_FROM_A_LIST = f"eval:doc.{SOURCE_FIELD}=='{HOLIDAY_LIST}'"


def _employee(insert_after: str) -> dict:
	return {
		"fieldname": "employee",
		"label": "Employee",
		"fieldtype": "Link",
		"options": "Employee",
		"insert_after": insert_after,
		"in_list_view": 1,
		"description": "Picked from ERPNext's Employees; the user is the Employee's user.",
	}


CUSTOM_FIELDS = {
	"Complaints Settings": [
		{
			"fieldname": SOURCE_FIELD,
			"label": "Non-working days from",
			"fieldtype": "Select",
			"options": f"{BANK_HOLIDAYS}\n{HOLIDAY_LIST}",
			"default": BANK_HOLIDAYS,
			"insert_after": "working_days_note",
			"description": "Bank holidays of the country below, or the weekly offs and holidays of one of "
			"ERPNext's Holiday Lists. The extra non-working days apply on top of either.",
		},
		{
			"fieldname": "holiday_list",
			"label": "Holiday List",
			"fieldtype": "Link",
			"options": "Holiday List",
			"insert_after": SOURCE_FIELD,
			"depends_on": _FROM_A_LIST,
			"mandatory_depends_on": _FROM_A_LIST,
		},
	],
	"Service Team": [
		{
			"fieldname": "department",
			"label": "Department",
			"fieldtype": "Link",
			"options": "Department",
			"insert_after": "service_area",
			"description": "ERPNext's Department this team is: its members can be filled from its Employees.",
		}
	],
	"Complaint Subject": [_employee("user")],
	"Compliment Staff": [_employee("user")],
	"Workshop Leader": [_employee("user")],
}
# ERPNext's lists the app's staff pick from: a Select right (a link search and a link's check, never
# the record itself) for the app's desk roles.
PICKED_FROM = ("Employee", "Department")


def field_names() -> list[str]:
	return [f"{doctype}-{df['fieldname']}" for doctype, fields in CUSTOM_FIELDS.items() for df in fields]


def ensure(*args):
	"""Create the fields and rights if ERPNext is installed (idempotent). Takes the hooks' app name."""
	if not erpnext_installed():
		return
	fields = {doctype: [{**df, "module": MODULE} for df in dfs] for doctype, dfs in CUSTOM_FIELDS.items()}
	create_custom_fields(fields, update=True)
	grant_picking_rights()


def after_app_install(app_name: str):
	if app_name in (ERPNEXT, APP):
		ensure()


def before_app_uninstall(app_name: str):
	if app_name == ERPNEXT:
		remove()


def remove():
	"""Take the fields away (and their stored values on the settings), and the rights."""
	for name in field_names():
		if frappe.db.exists("Custom Field", name):
			frappe.delete_doc("Custom Field", name, force=True, ignore_permissions=True)
	frappe.db.delete(
		"Singles",
		{
			"doctype": "Complaints Settings",
			"field": ["in", [df["fieldname"] for df in CUSTOM_FIELDS["Complaints Settings"]]],
		},
	)
	frappe.clear_document_cache("Complaints Settings", "Complaints Settings")
	revoke_picking_rights()
	for doctype in CUSTOM_FIELDS:
		frappe.clear_cache(doctype=doctype)


def grant_picking_rights():
	for doctype in PICKED_FROM:
		setup_custom_perms(doctype)  # a right added on its own would hide the DocType's standard ones
		for role in DESK_ROLES:
			if not frappe.db.exists("Role", role):
				continue  # made later in the install (fixtures); the next migrate adds its right
			if not frappe.db.exists("Custom DocPerm", {"parent": doctype, "role": role, "permlevel": 0}):
				add_permission(doctype, role, 0, "select")


def revoke_picking_rights():
	"""The app's rows go; if what is left is exactly the DocType's standard rights (the copy made when the
	app added its own), the copy goes too, so that ERPNext's own rights, and its updates, apply again.
	Rights the council changed are kept."""
	for doctype in PICKED_FROM:
		if not frappe.db.exists("DocType", doctype):
			continue
		frappe.db.delete("Custom DocPerm", {"parent": doctype, "role": ["in", list(DESK_ROLES)]})
		if _rights(doctype, "Custom DocPerm") == _rights(doctype, "DocPerm"):
			frappe.db.delete("Custom DocPerm", {"parent": doctype})
		frappe.clear_cache(doctype=doctype)


_RIGHTS = ("role", "permlevel", "if_owner", "select", "read", "write", "create", "delete", "submit",
	"cancel", "amend", "report", "export", "import", "share", "print", "email")  # fmt: skip


def _rights(doctype: str, table: str) -> set[tuple]:
	rows = frappe.get_all(table, filters={"parent": doctype}, fields=list(_RIGHTS))
	return {tuple(row[key] for key in _RIGHTS) for row in rows}
