"""Complaint data on every route: one rule for each family of records that holds it.

- The protected documents (Complaint, Complaint Action) keep their own rules (`visibility`).
- A row of any child table of a protected document is read only by someone who may see its parent.
  The tables are found from the DocTypes' meta, so a table the app or the council adds later is
  covered without a line here.
- A record that points at a protected document (its versions, comments, communications, files,
  assignments, shares, logs...) is read only by someone who may see what it points at.

Lists, report views, counts, exports, group-by counts and number cards all run through Frappe's
DatabaseQuery, which applies the `"*"` permission_query_conditions hook (`query_conditions`) to every
DocType it reads. A single document goes through `has_permission`: the `"*"` hook
(`has_reference_permission`) for references, and for child rows `ProtectedChildRow.parent_doc`, which
makes Frappe's own child-permission check ask the parent's rules.
"""

import frappe
from frappe.model.document import Document

from complaints_hc.security import visibility

# Protected DocType -> SQL conditions on it for a user (the same as its permission_query_conditions).
PROTECTED = {
	"Complaint": visibility.complaint_query_conditions,
	"Complaint Action": visibility.action_query_conditions,
	"Mediation": lambda user: visibility.stage_query_conditions(user, "Mediation"),
	"Ombudsman Enquiry": lambda user: visibility.stage_query_conditions(user, "Ombudsman Enquiry"),
	"Stage 2 Investigation": lambda user: visibility.stage_query_conditions(user, "Stage 2 Investigation"),
	"Stage 3 Review Panel": lambda user: visibility.stage_query_conditions(user, "Stage 3 Review Panel"),
	"Letter to Post": lambda user: visibility.stage_query_conditions(user, "Letter to Post"),
}
MAY_SEE = {
	"Complaint": visibility.may_see_complaint,
	"Complaint Action": visibility.may_see_action,
	"Mediation": visibility.may_see_stage,
	"Ombudsman Enquiry": visibility.may_see_stage,
	"Stage 2 Investigation": visibility.may_see_stage,
	"Stage 3 Review Panel": visibility.may_see_stage,
	"Letter to Post": visibility.may_see_stage,
}

# Frappe's records that point at another document: (the DocType field, the name field).
REFERENCES = {
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"Communication Link": ("link_doctype", "link_name"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"View Log": ("reference_doctype", "reference_name"),
	"File": ("attached_to_doctype", "attached_to_name"),
	"ToDo": ("reference_type", "reference_name"),
	"DocShare": ("share_doctype", "share_name"),
	"Notification Log": ("document_type", "document_name"),
	"Email Queue": ("reference_doctype", "reference_name"),
	"Document Follow": ("ref_doctype", "ref_docname"),
	"Deleted Document": ("deleted_doctype", "deleted_name"),
	"Tag Link": ("document_type", "document_name"),
	"Complaint Access Log": ("reference_doctype", "reference_name"),
}


def is_complaint_data(doctype: str | None) -> bool:
	"""A protected DocType, a child table of one, or a record type that can point at one."""
	if not doctype or not frappe.db.exists("DocType", doctype):
		return False
	return doctype in PROTECTED or doctype in REFERENCES or bool(protected_parents_of(doctype))


def protected_parents_of(doctype: str) -> list[str]:
	"""The protected DocTypes that hold this DocType as a child table (none for anything else)."""
	if doctype in PROTECTED or not frappe.get_meta(doctype).istable:
		return []
	return [
		parent
		for parent in PROTECTED
		if any(df.options == doctype for df in frappe.get_meta(parent).get_table_fields())
	]


def visible_names(doctype: str, user: str) -> str:
	"""SQL: the names of the documents of a protected DocType this user may see."""
	conditions = PROTECTED[doctype](user)
	return f"select `tab{doctype}`.name from `tab{doctype}`" + (f" where {conditions}" if conditions else "")


def pointing_only_at_visible(type_column: str, name_column: str, user: str, parents=None) -> str:
	"""SQL: the row points at nothing protected, or at a protected document the user may see."""
	protected = ", ".join(frappe.db.escape(doctype) for doctype in PROTECTED)
	allowed = [f"ifnull({type_column}, '') not in ({protected})"]
	for doctype in parents or PROTECTED:
		allowed.append(
			f"({type_column} = {frappe.db.escape(doctype)} and {name_column} in ({visible_names(doctype, user)}))"
		)
	return "(" + " or ".join(allowed) + ")"


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions for every DocType ("*"): rows of complaint data as their parent allows."""
	if not doctype or doctype in PROTECTED:
		return ""  # their own hooks apply
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	table = f"`tab{doctype}`"
	if doctype in REFERENCES:
		type_field, name_field = REFERENCES[doctype]
		return pointing_only_at_visible(f"{table}.`{type_field}`", f"{table}.`{name_field}`", user)
	parents = protected_parents_of(doctype)
	if parents:
		return pointing_only_at_visible(f"{table}.parenttype", f"{table}.parent", user, parents)
	return ""


def may_see_document(doctype: str, name: str, user: str) -> bool:
	if not frappe.db.exists(doctype, name):
		return True  # nothing of it is left to protect (a deleted document's own record is guarded apart)
	return MAY_SEE[doctype](frappe.get_doc(doctype, name), user)


def has_reference_permission(doc, ptype: str | None = None, user: str | None = None, **kwargs) -> bool | None:
	"""has_permission for every DocType ("*"): a record pointing at complaint data follows that data.

	Returns None (no opinion) for anything else, so the DocType's own rules decide.
	"""
	fields = REFERENCES.get(doc.doctype)
	if not fields:
		return None
	doctype, name = doc.get(fields[0]), doc.get(fields[1])
	if doctype not in PROTECTED or not name:
		return None
	user = user or frappe.session.user
	return None if user == "Administrator" or may_see_document(doctype, name, user) else False


class ProtectedChildRow(Document):
	"""A row of a child table of complaint data.

	Frappe checks a child row read on its own (REST, `frappe.client.get`, the form loader, print) by
	the parent DocType's role permission, passing `parent_doc` as the document to check. A row loaded
	on its own has none, so the parent's row-level rules would not run: here it loads its parent.
	"""

	@property
	def parent_doc(self):
		loaded = super().parent_doc
		if loaded is None and self.get("parenttype") and self.get("parent"):
			if frappe.db.exists(self.parenttype, self.parent):
				loaded = frappe.get_doc(self.parenttype, self.parent)
				self._parent_doc = loaded
		return loaded

	@parent_doc.setter
	def parent_doc(self, value):
		self._parent_doc = value

	@parent_doc.deleter
	def parent_doc(self):
		self._parent_doc = None
