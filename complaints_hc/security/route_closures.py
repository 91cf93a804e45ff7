"""Closing the routes around Frappe's row-level permission hooks for complaint data.

Frappe v15 checks `has_permission` and `permission_query_conditions` on its main routes, but:
- a share (and an assignment, which creates one) grants read even when the hook says no, and puts
  the document in that user's lists;
- link search with `ignore_user_permissions=1` runs with permissions ignored;
- `frappe.client.get_count` checks no permission at all;
- `bulk_workflow_approval` accepts GET, so one link in an email could approve;
- files attached through the desk may be public;
- a handful of desk endpoints read complaint data with `frappe.qb` or `frappe.db` (no permission query)
  or check a permission and ignore the answer: group-by counts by assignee, link titles, linked
  documents, tagged documents, following a document (whose digest mails its changes), heatmap
  charts built from a client's chart definition, and attaching files to an email.
Each is closed here and tested over HTTP (tests/http/test_complaint_access.py and
tests/http/test_complaint_data_routes.py). Child rows and records pointing at complaints (versions,
comments, files...) are covered as families by `complaint_data`.
"""

import frappe
from frappe import _
from frappe.query_builder import Order
from frappe.query_builder.functions import Count

from complaints_hc import replica
from complaints_hc.complaints.allocation import can_be_allocated_by_assignment
from complaints_hc.security.complaint_data import MAY_SEE, is_complaint_data

# DocType -> who may see one document of it (beyond its role permissions).
VISIBILITY = MAY_SEE


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


def refuse_borrowed_private_file(file, method=None):
	"""File.before_insert: a new File row naming an existing private file would make that file
	downloadable by whoever owns the row. For complaint data's files, refused unless the user may already
	read the file. (Uploading the very same bytes lands on the same URL, and is refused too: the uploader
	may not know it, but the file is not theirs to see.)"""
	url = file.file_url or ""
	if not url.startswith("/private/"):
		return
	holders = frappe.get_all("File", {"file_url": url, "name": ["!=", file.name or ""]},
		["name", "attached_to_doctype"])  # fmt: skip
	guarded = [h for h in holders if is_complaint_data(h.attached_to_doctype)]
	if guarded and not any(frappe.get_doc("File", h.name).has_permission("read") for h in guarded):
		frappe.throw(_("You may not use that file."), frappe.PermissionError)


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
@replica.read_from_replica
def get_count(doctype: str, filters=None, debug=False, cache=False):
	"""frappe.client.get_count, with permissions for complaint data (Frappe's checks none)."""
	from frappe.client import get_count as frappe_get_count
	from frappe.client import get_safe_filters

	if not is_complaint_data(doctype):
		return frappe_get_count(doctype, filters=filters, debug=debug, cache=cache)
	# Frappe's own count checks nothing: complaint data is counted through the permission query.
	counted = frappe.get_list(doctype, filters=get_safe_filters(filters), fields=["count(*) as count"])
	return counted[0].count if counted else 0


# What a link search shows beside the name: nothing a person could be identified by.
LINK_SEARCH_COLUMNS = {
	"Complaint": ["status", "received_on"],
	"Complaint Action": ["status", "due_date"],
	"Mediation": ["status", "requested_on"],
	"Ombudsman Enquiry": ["status", "requested_on"],
	"Stage 2 Investigation": ["status", "requested_on"],
	"Stage 3 Review Panel": ["status", "requested_on"],
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


# --- desk endpoints that would read complaint data around the permission query ----------------------


@frappe.whitelist()
def search_link(doctype: str, txt: str, *args, **kwargs):
	"""Link search: `ignore_user_permissions` never reaches complaint data (it turns permissions off)."""
	from frappe.desk.search import search_link as frappe_search_link

	kwargs.pop("cmd", None)  # the request's own key, which Frappe passes to a function taking **kwargs
	if is_complaint_data(doctype):
		kwargs["ignore_user_permissions"] = False
	return frappe_search_link(doctype, txt, *args, **kwargs)


@frappe.whitelist()
def search_widget(doctype: str, txt: str, *args, **kwargs):
	from frappe.desk.search import search_widget as frappe_search_widget

	kwargs.pop("cmd", None)
	if is_complaint_data(doctype):
		kwargs["ignore_user_permissions"] = False
	return frappe_search_widget(doctype, txt, *args, **kwargs)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The sidebar's counts. By assignee Frappe queries with no permission at all: for complaint data the
	documents counted are those the permission query lets through."""
	from frappe.desk.listview import get_group_by_count as frappe_get_group_by_count

	if field != "assigned_to" or not is_complaint_data(doctype):
		return frappe_get_group_by_count(doctype, current_filters, field)
	visible = frappe.get_list(doctype, filters=frappe.parse_json(current_filters), pluck="name")
	if not visible:
		return []
	todo = frappe.qb.DocType("ToDo")
	count = Count("*").as_("count")
	return (
		frappe.qb.from_(todo)
		.select(todo.allocated_to.as_("name"), count)
		.where(
			(todo.status != "Cancelled")
			& (todo.reference_type == doctype)
			& todo.reference_name.isin(visible)
		)
		.groupby(todo.allocated_to)
		.orderby(count, order=Order.desc)
		.limit(50)
		.run(as_dict=True)
	)


def refuse_unless_readable(doctype: str, name: str, user: str | None = None):
	if is_complaint_data(doctype) and not frappe.has_permission(doctype, "read", doc=name, user=user):
		frappe.throw(_("You may not see {0} {1}.").format(_(doctype), name), frappe.PermissionError)


@frappe.whitelist()
def get_link_title(doctype: str, docname: str):
	"""A link's title (a complaint's is the complainant's name) only for who may read the document."""
	from frappe.desk.search import get_link_title as frappe_get_link_title

	refuse_unless_readable(doctype, docname)
	return frappe_get_link_title(doctype, docname)


@frappe.whitelist()
def get_linked_docs(doctype: str, docname: str):
	"""The form's "Links" (Frappe checks the permission but ignores the answer)."""
	from frappe.desk.form.linked_with import get as frappe_get_linked

	refuse_unless_readable(doctype, docname)
	return frappe_get_linked(doctype, docname)


@frappe.whitelist()
def follow_document(doctype: str, doc_name: str, user: str):
	"""Following sends a digest of the document's changes: only to someone who may read it."""
	from frappe.desk.form.document_follow import follow_document as frappe_follow_document

	refuse_unless_readable(doctype, doc_name, user=user)
	return frappe_follow_document(doctype, doc_name, user)


@frappe.whitelist()
def update_follow(doctype: str, doc_name: str, following: bool):
	"""The form's follow button (it calls Frappe's follow_document directly)."""
	from frappe.desk.form.document_follow import update_follow as frappe_update_follow

	if frappe.parse_json(following):
		refuse_unless_readable(doctype, doc_name)
	return frappe_update_follow(doctype, doc_name, following)


@frappe.whitelist()
def get_tagged_docs(doctype: str, tag: str):
	from frappe.desk.doctype.tag.tag import get_tagged_docs as frappe_get_tagged_docs

	if not is_complaint_data(doctype):
		return frappe_get_tagged_docs(doctype, tag)
	# rows of one name, as Frappe's own answers (pluck and as_list together fail once anything matches)
	return frappe.get_list(doctype, filters={"_user_tags": ["like", tag]}, fields=["name"], as_list=True)


@frappe.whitelist()
def get_dashboard_chart(chart_name=None, chart=None, **kwargs):
	"""A chart built from a client's own definition reads its data without the permission query when it is
	a heatmap: refused for complaint data (the workspace's saved charts are unaffected). Charts read from
	the read replica when there is one."""
	kwargs.pop("cmd", None)
	if chart and not chart_name:
		definition = frappe._dict(frappe.parse_json(chart) or {})
		if definition.type == "Heatmap" and is_complaint_data(definition.document_type):
			frappe.throw(_("Heatmaps of complaint data are not available."), frappe.PermissionError)
	data = dashboard_chart_data(chart_name=chart_name, chart=chart, **kwargs)
	replica.note_chart_synced(chart_name)
	return data


@replica.read_from_replica
def dashboard_chart_data(**kwargs):
	from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as frappe_get_chart

	return frappe_get_chart(**kwargs)


@frappe.whitelist()
def make_communication(*args, **kwargs):
	"""Frappe's email composer, refusing to attach a file of complaint data the sender may not read."""
	from frappe.core.doctype.communication.email import make as frappe_make

	for attachment in frappe.parse_json(kwargs.get("attachments")) or []:
		file_name = attachment.get("fid") if isinstance(attachment, dict) else attachment
		if file_name and frappe.db.exists("File", file_name):
			file = frappe.get_doc("File", file_name)
			if is_complaint_data(file.attached_to_doctype) and not file.has_permission("read"):
				frappe.throw(_("You may not send {0}.").format(file.file_name), frappe.PermissionError)
	return frappe_make(*args, **kwargs)
