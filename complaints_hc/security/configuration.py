"""The complaints team configures its own service, and only its own.

The Complaints Manager gets Frappe's own editors (the Workflow form and builder, Notification,
Assignment Rule, Print Format and Email Template forms, Letter Head) for what serves the app's
DocTypes. The rights are Custom DocPerm rows added at install and on migrate
(`grant_configuration_rights`); the hooks below keep them to the app's DocTypes on every route
(lists and REST through the permission query, one record through has_permission, stored and new
values alike), so another app's workflows and notifications, and Frappe's settings, stay out of reach.
A System Manager is not limited by them.
"""

import frappe

from complaints_hc import email_templates
from complaints_hc.security import roles

CONFIGURER = roles.COMPLAINTS_MANAGER
MODULE = "Complaints HC"

# DocType -> the rights the complaints team gets on it.
RIGHTS = {
	"Workflow": ("read", "write", "create"),
	"Workflow State": ("read", "write", "create"),
	"Workflow Action Master": ("read", "write", "create"),
	"Notification": ("read", "write", "create"),
	"Assignment Rule": ("read", "write", "create"),
	"Print Format": ("read", "write", "create"),
	"Email Template": ("read", "write", "create"),
	"Letter Head": ("read", "write", "create"),
	"Role": ("select",),  # to name roles in a workflow's transitions
}
# The field naming the DocType a record serves.
SERVES = {
	"Workflow": "document_type",
	"Notification": "document_type",
	"Assignment Rule": "document_type",
	"Print Format": "doc_type",
}
# Names every workflow on the site shares: (the workflow table that uses them, its field).
SHARED_NAMES = {
	"Workflow State": ("Workflow Document State", "state"),
	"Workflow Action Master": ("Workflow Transition", "action"),
}
# Desk pages of Frappe's editors, opened to the complaints team.
PAGES = ("workflow-builder", "print-format-builder-beta")


def grant_configuration_rights():
	"""Idempotent: add the complaints team's rights where missing (install, migrate)."""
	from frappe.permissions import add_permission, update_permission_property

	for doctype, rights in RIGHTS.items():
		add_permission(doctype, CONFIGURER, 0, rights[0])
		for right in rights[1:]:
			update_permission_property(doctype, CONFIGURER, 0, right, 1, validate=False)
	for page in PAGES:
		if not frappe.db.exists("Custom Role", {"page": page}):
			page_roles = [{"role": row.role} for row in frappe.get_doc("Page", page).roles]
			frappe.get_doc({"doctype": "Custom Role", "page": page, "roles": page_roles}).insert(
				ignore_permissions=True  # install-time set-up
			)
		custom_role = frappe.get_doc("Custom Role", {"page": page})
		if CONFIGURER not in {row.role for row in custom_role.roles}:
			custom_role.append("roles", {"role": CONFIGURER})
			custom_role.save(ignore_permissions=True)
	frappe.clear_cache()


def revoke_configuration_rights():
	"""Uninstall: take the rights away again."""
	frappe.db.delete("Custom DocPerm", {"role": CONFIGURER, "parent": ["in", list(RIGHTS)]})
	for page in PAGES:
		frappe.db.delete("Has Role", {"parenttype": "Custom Role", "role": CONFIGURER,
			"parent": ["in", frappe.get_all("Custom Role", {"page": page}, pluck="name") or [""]]})  # fmt: skip
	frappe.clear_cache()


def is_limited(user: str | None) -> bool:
	user = user or frappe.session.user
	if user == "Administrator":
		return False
	user_roles = frappe.get_roles(user)
	return CONFIGURER in user_roles and "System Manager" not in user_roles


def app_doctypes() -> list[str]:
	return frappe.get_all("DocType", {"module": MODULE}, pluck="name")


def team_template_condition() -> str:
	"""SQL: an Email Template the app ships, or one the complaints team made."""
	shipped = ", ".join(frappe.db.escape(name) for name in email_templates.SHIPPED)
	return f"""(`tabEmail Template`.name in ({shipped}) or `tabEmail Template`.owner in (
		select parent from `tabHas Role` where parenttype = 'User' and role = {frappe.db.escape(CONFIGURER)}))"""


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	if not is_limited(user):
		return ""
	if doctype == "Email Template":
		return team_template_condition()
	ours = ", ".join(frappe.db.escape(name) for name in app_doctypes())
	return f"`tab{doctype}`.`{SERVES[doctype]}` in ({ours})"


def has_permission(doc, ptype: str | None = None, user: str | None = None, **kwargs) -> bool | None:
	"""One record: it must serve the app's DocTypes, both as stored and as it would be saved."""
	if not is_limited(user):
		return None
	if doc.doctype == "Email Template":
		owner = frappe.db.get_value("Email Template", doc.name, "owner") if not doc.is_new() else doc.owner
		return doc.name in email_templates.SHIPPED or CONFIGURER in frappe.get_roles(owner or user)
	field = SERVES[doc.doctype]
	serves = {doc.get(field)}
	if doc.name and not doc.is_new():
		serves.add(frappe.db.get_value(doc.doctype, doc.name, field))
	return serves <= set(app_doctypes())


def has_shared_name_permission(
	doc, ptype: str | None = None, user: str | None = None, **kwargs
) -> bool | None:
	"""A state or action name: the team makes new ones, and changes only those no other DocType's
	workflow uses (their style shows in every workflow that names them)."""
	if not is_limited(user) or ptype in ("read", "select") or doc.is_new():
		return None
	table, field = SHARED_NAMES[doc.doctype]
	used_by = frappe.get_all(
		"Workflow",
		filters={"name": ["in", frappe.get_all(table, {field: doc.name}, pluck="parent") or [""]]},
		pluck="document_type",
	)
	return set(used_by) <= set(app_doctypes())
