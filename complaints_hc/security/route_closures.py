"""Closing the routes around Frappe's row-level permission hooks for complaint data.

Frappe v15 checks `has_permission` and `permission_query_conditions` on its main routes, but:
- a share (and an assignment, which creates one) grants read even when the hook says no, and puts
  the document in that user's lists;
- link search with `ignore_user_permissions=1` runs with permissions ignored;
- `frappe.client.get_count` checks no permission at all;
- `bulk_workflow_approval` accepts GET, so one link in an email could approve;
- files attached through the desk may be public.
Each is closed here and tested over HTTP (tests/http/test_complaint_access.py).
"""

import frappe
from frappe import _

from complaints_hc.complaints.allocation import can_be_allocated_by_assignment
from complaints_hc.security.visibility import may_see_action, may_see_complaint

# DocType -> who may see one document of it (beyond its role permissions).
VISIBILITY = {
	"Complaint": may_see_complaint,
	"Complaint Action": may_see_action,
}
CHILD_TABLES = {"Complaint Point", "Complaint Subject", "Complaint Extension", "Complaint Update"}


def is_protected(doctype: str | None) -> bool:
	return doctype in VISIBILITY


def may_see(doctype: str, name: str, user: str) -> bool:
	doc = frappe.get_doc(doctype, name)
	roles_allow = frappe.permissions.get_doc_permissions(doc, user=user, ptype="read").get("read")
	return bool(roles_allow) and VISIBILITY[doctype](doc, user)


def refuse_share_outside(share, method=None):
	"""DocShare.validate: share only with people who may already see the document."""
	if not is_protected(share.share_doctype):
		return
	if share.everyone or not share.user or not may_see(share.share_doctype, share.share_name, share.user):
		frappe.throw(
			_("{0} {1} cannot be shared with {2}: they may not see it.").format(
				_(share.share_doctype), share.share_name, share.user or _("everyone")
			),
			frappe.PermissionError,
		)


def refuse_assignment_outside(todo, method=None):
	"""ToDo.validate: assign only to people who may already see the document."""
	if not is_protected(todo.reference_type) or not todo.allocated_to or not todo.reference_name:
		return
	if todo.reference_type == "Complaint" and can_be_allocated_by_assignment(
		frappe.get_doc("Complaint", todo.reference_name), todo.allocated_to
	):
		return  # the assignment is the allocation (complaints_hc.complaints.allocation)
	if not may_see(todo.reference_type, todo.reference_name, todo.allocated_to):
		frappe.throw(
			_("{0} {1} cannot be assigned to {2}: they may not see it.").format(
				_(todo.reference_type), todo.reference_name, todo.allocated_to
			),
			frappe.PermissionError,
		)


def remove_access_of(doctype: str, name: str, users):
	"""Take away shares and open assignments from people who must no longer see a document."""
	users = list(users)
	if not users:
		return
	frappe.db.delete("DocShare", {"share_doctype": doctype, "share_name": name, "user": ["in", users]})
	frappe.db.set_value(
		"ToDo",
		{"reference_type": doctype, "reference_name": name, "allocated_to": ["in", users], "status": "Open"},
		"status",
		"Cancelled",
	)


def make_attachment_private(file, method=None):
	"""File.before_insert: anything attached to complaint data is private, whatever the uploader chose.

	The File controller has already written the content by now, so a public file is moved with
	Frappe's own mechanism for a change of privacy.
	"""
	if not is_protected(file.attached_to_doctype) or file.is_private:
		return
	file.is_private = 1
	if file.file_url and not file.is_remote_file:
		file.handle_is_private_changed()


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False):
	"""frappe.client.get_count, with permissions for complaint data (Frappe's checks none)."""
	from frappe.client import get_count as frappe_get_count
	from frappe.client import get_safe_filters

	if doctype in CHILD_TABLES:
		frappe.throw(_("Count the complaints themselves instead."), frappe.PermissionError)
	if not is_protected(doctype):
		return frappe_get_count(doctype, filters=filters, debug=debug, cache=cache)
	frappe.has_permission(doctype, "read", throw=True)
	return len(frappe.get_list(doctype, filters=get_safe_filters(filters), pluck="name"))


# What a link search shows beside the name: nothing a person could be identified by.
LINK_SEARCH_COLUMNS = {
	"Complaint": ["status", "received_on"],
	"Complaint Action": ["status", "due_date"],
}


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def protected_link_search(doctype, txt, searchfield, start, page_len, filters, as_dict=False, **kwargs):
	"""Link search for complaint data that always applies who-may-see, even with ignore_user_permissions."""
	if not is_protected(doctype):
		frappe.throw(_("Not a protected document type."), frappe.PermissionError)
	return frappe.get_list(
		doctype,
		fields=["name", *LINK_SEARCH_COLUMNS[doctype]],
		filters=filters,
		or_filters={"name": ["like", f"%{txt}%"]},
		limit_start=start,
		limit_page_length=page_len,
		order_by="creation desc",
		as_list=not as_dict,
	)


@frappe.whitelist(methods=["POST"])
def bulk_workflow_approval(docnames, doctype, action):
	"""Frappe's bulk approval, POST only: a GET (a link in an email) must never change anything."""
	from frappe.model.workflow import bulk_workflow_approval as frappe_bulk_workflow_approval

	return frappe_bulk_workflow_approval(docnames, doctype, action)


@frappe.whitelist()
def get_desktop_page(page: str):
	"""Frappe's workspace loader, refusing a workspace none of whose roles the user holds.

	Frappe applies a workspace's roles only to the sidebar; the page itself loads for anyone who may
	read one DocType of its module (portal bookers may read workshops).
	"""
	from frappe.desk.desktop import get_desktop_page as frappe_get_desktop_page

	name = (frappe.parse_json(page) or {}).get("name")
	allowed = frappe.get_all("Has Role", {"parenttype": "Workspace", "parent": name}, pluck="role")
	if allowed and not set(allowed) & set(frappe.get_roles()):
		frappe.throw(
			_("You are not permitted to open the {0} workspace.").format(_(name)), frappe.PermissionError
		)
	return frappe_get_desktop_page(page)
