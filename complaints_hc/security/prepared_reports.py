"""Prepared reports of complaint data: made as, and read only by, the person who asked for them.

A report set to "prepared" runs in a worker and keeps its result as a gzipped JSON file attached to a
Prepared Report. Frappe lets anyone who may open the report, and every System Manager, read any
Prepared Report of it and its file, whoever's permissions made it; and `frappe.desk.query_report.run`
reads whichever one its filters name (`prepared_report_name`), or another user's (`user`), without a
check. The app's reports count only what their reader may see (a staff member named in a complaint
never counts it), so for a report of the app's module, or on one of its DocTypes:

- a Prepared Report is made only by someone who may run the report, in a worker of the long queue, as
  them (a retried job would otherwise run as Administrator);
- only its owner reads it, while they may still run the report; its file belongs to Administrator, so
  the file's own rule (an owner reads their file) cannot outlast that;
- `run`, `export_query` and `download_attachment` read nobody else's.
"""

import frappe
from frappe import _
from frappe.core.doctype.custom_role.custom_role import get_custom_allowed_roles
from frappe.core.doctype.prepared_report.prepared_report import (
	REPORT_TIMEOUT,
	PreparedReport,
	generate_report,
)
from frappe.desk import query_report

from complaints_hc import background

MODULE = "Complaints HC"
DOCTYPE = "Prepared Report"
# The reports shipped as prepared: a whole year at every stage (benchmarks/reports.py: about 3 s at
# 100,000 complaints, the only one over 2 s).
ANNUAL_REPORT = "Annual Complaints Report"


def holds_complaint_data(report_name: str | None) -> bool:
	"""A report of the app's module, or any report (a council's own too) on one of the app's DocTypes."""
	report = report_name and frappe.db.get_value(
		"Report", report_name, ["module", "ref_doctype"], as_dict=True
	)
	if not report:
		return False
	return report.module == MODULE or (
		bool(report.ref_doctype)
		and frappe.get_cached_value("DocType", report.ref_doctype, "module") == MODULE
	)


def may_run(report_name: str, user: str) -> bool:
	"""What Frappe asks before running a report, for any user: the report's roles, and the right to
	report on its DocType."""
	if user == "Administrator":
		return True
	report = frappe.db.get_value("Report", report_name, ["ref_doctype", "disabled"], as_dict=True)
	if not report or report.disabled:
		return False
	allowed = get_custom_allowed_roles("report", report_name) or frappe.get_all(
		"Has Role", {"parenttype": "Report", "parent": report_name}, pluck="role"
	)
	if allowed and not set(allowed) & set(frappe.get_roles(user)):
		return False
	return bool(frappe.has_permission(report.ref_doctype, "report", user=user))


def may_read(doc, user: str) -> bool:
	if user == "Administrator" or not holds_complaint_data(doc.report_name):
		return True
	return doc.owner == user and may_run(doc.report_name, user)


# --- permission hooks (hooks.py) ----------------------------------------------------------------------


def has_permission(doc, ptype: str | None = None, user: str | None = None, **kwargs) -> bool | None:
	"""Only the owner; None (no opinion) otherwise, so Frappe's own rule also applies."""
	return None if may_read(doc, user or frappe.session.user) else False


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	module = frappe.db.escape(MODULE)
	of_complaint_data = f"""select report.name from `tabReport` report
		left join `tabDocType` doctype on doctype.name = report.ref_doctype
		where report.module = {module} or doctype.module = {module}"""
	return (
		f"(`tabPrepared Report`.owner = {frappe.db.escape(user)}"
		f" or `tabPrepared Report`.report_name not in ({of_complaint_data}))"
	)


# --- the Prepared Report itself (override_doctype_class) ----------------------------------------------


class OwnPreparedReport(PreparedReport):
	def before_insert(self):
		super().before_insert()
		if holds_complaint_data(self.report_name) and not may_run(self.report_name, frappe.session.user):
			frappe.throw(
				_("You don't have access to Report: {0}").format(_(self.report_name)), frappe.PermissionError
			)

	def after_insert(self):
		if not holds_complaint_data(self.report_name):
			return super().after_insert()
		frappe.enqueue(
			"complaints_hc.security.prepared_reports.generate_as_owner",
			queue=background.QUEUE,
			timeout=frappe.get_value("Report", self.report_name, "timeout") or REPORT_TIMEOUT,
			job_id=job_id(self.name),
			deduplicate=True,
			enqueue_after_commit=True,
			prepared_report=self.name,
		)


def job_id(prepared_report: str) -> str:
	return f"prepared-report::{prepared_report}"


def generate_as_owner(prepared_report: str):
	"""The worker's part: Frappe's own generation, run as the owner, if they may still run the report."""
	found = frappe.db.get_value(DOCTYPE, prepared_report, ["owner", "report_name"], as_dict=True)
	if not found:
		return  # deleted while it waited
	frappe.set_user(found.owner)
	if not may_run(found.report_name, found.owner):
		frappe.db.set_value(DOCTYPE, prepared_report, {"status": "Error",
			"error_message": _("{0} may no longer run this report.").format(found.owner)})  # fmt: skip
		return
	generate_report(prepared_report)
	frappe.db.set_value(
		"File",
		{"attached_to_doctype": DOCTYPE, "attached_to_name": prepared_report},
		"owner",
		"Administrator",
		update_modified=False,
	)


# --- Frappe's routes to a prepared result (override_whitelisted_methods) ------------------------------


def refuse_anothers_result(report_name: str | None, filters) -> None:
	"""The prepared report named in the filters must be of this report, and theirs to read."""
	if isinstance(filters, str):
		filters = frappe.parse_json(filters or "{}")
	name = filters.get("prepared_report_name") if isinstance(filters, dict) else None
	if not name:
		return
	found = frappe.db.get_value(DOCTYPE, name, ["name", "owner", "report_name"], as_dict=True)
	if not found or found.report_name != report_name or not may_read(found, frappe.session.user):
		frappe.throw(_("You may not read that prepared report."), frappe.PermissionError)


@frappe.whitelist()
@frappe.read_only()
def run(
	report_name,
	filters=None,
	user=None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field=None,
	are_default_filters=True,
):
	"""frappe.desk.query_report.run, for the session's own user and their own prepared results."""
	if user and user != frappe.session.user:
		frappe.throw(_("A report runs as the person asking for it."), frappe.PermissionError)
	refuse_anothers_result(report_name, filters)
	return query_report.run(
		report_name,
		filters,
		frappe.session.user,
		ignore_prepared_report,
		custom_columns,
		is_tree,
		parent_field,
		are_default_filters,
	)


@frappe.whitelist()
def export_query():
	"""frappe.desk.query_report.export_query (which exports a prepared report's stored result)."""
	form = frappe.local.form_dict
	refuse_anothers_result(form.get("report_name"), form.get("filters"))
	return query_report.export_query()


@frappe.whitelist()
def download_attachment(dn):
	"""The desk's "Download Report" of a prepared report: its owner's, without Frappe's own role on
	Prepared Report (which would open everyone's)."""
	from frappe.core.doctype.prepared_report import prepared_report

	doc = frappe.get_doc(DOCTYPE, dn)
	if not holds_complaint_data(doc.report_name):
		return prepared_report.download_attachment(dn)
	if not may_read(doc, frappe.session.user):
		frappe.throw(_("You may not read that prepared report."), frappe.PermissionError)
	data, file_name = doc.get_prepared_data(with_file_name=True)
	frappe.local.response.filename = file_name[:-3]
	frappe.local.response.filecontent = data
	frappe.local.response.type = "binary"
