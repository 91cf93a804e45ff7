"""Staff from ERPNext: a Service Team's members from its Department's Employees, and staff rows
(complaint subjects, compliment recipients, workshop facilitators) picked by Employee.

The app keeps users on every row, as it does without ERPNext; the `employee` Custom Field ties a row
to the Employee it was picked from (custom_fields.py).
"""

import frappe
from frappe import _

from complaints_hc.neighbours import erpnext_installed

ACTIVE = "Active"
# Parent DocType -> its tables of staff rows that carry an `employee` (custom_fields.CUSTOM_FIELDS).
STAFF_TABLES = {"Complaint": ("subjects",), "Compliment": ("staff",), "Workshop": ("facilitators",)}


def user_of(employee: str) -> str:
	user = frappe.db.get_value("Employee", employee, "user_id")
	if not user:
		frappe.throw(
			_("Employee {0} has no user. Give them one in ERPNext, or pick the user instead.").format(
				frappe.bold(employee)
			),
			title=_("Staff from ERPNext"),
		)
	return user


def employee_of(user: str) -> str | None:
	"""The one Active Employee with this user, if there is exactly one."""
	found = frappe.get_all("Employee", {"user_id": user, "status": ACTIVE}, pluck="name", limit=2)
	return found[0] if len(found) == 1 else None


def users_from_employees(doc, method=None):
	"""before_validate of the DocTypes in STAFF_TABLES. A row whose Employee was just picked takes that
	Employee's user; a row whose user was just picked is tied to that user's Employee. Rows left alone
	keep both, whatever ERPNext's records say since: a complaint records who was named then."""
	if not erpnext_installed():
		return
	before = doc.get_doc_before_save()
	for table in STAFF_TABLES.get(doc.doctype, ()):
		if not frappe.get_meta(doc.meta.get_field(table).options).has_field("employee"):
			continue
		stored = {row.name: (row.get("employee"), row.user) for row in (before.get(table) if before else ())}
		for row in doc.get(table):
			old_employee, old_user = stored.get(row.name, (None, None))
			if row.employee and row.employee != old_employee:
				row.user = user_of(row.employee)
			elif row.user and (row.user != old_user or not row.employee):
				row.employee = employee_of(row.user)


def _may_edit_team(team) -> None:
	if not frappe.has_permission("Service Team", "write", team):
		frappe.throw(_("Not permitted to change this team."), frappe.PermissionError)


def department_users(department: str) -> list[dict]:
	"""The users of the Active Employees of the Department, in name order, with their designation."""
	return frappe.get_all(
		"Employee",
		filters={"department": department, "status": ACTIVE, "user_id": ["is", "set"]},
		fields=["user_id", "designation"],
		order_by="employee_name asc, name asc",
	)


def fill_members(team, department: str | None = None) -> list[str]:
	"""Add to the team every user of its Department's Active Employees not already a member; the users added."""
	department = department or team.get("department")
	if not department:
		frappe.throw(_("Choose the team's Department first."), title=_("Staff from ERPNext"))
	present = {row.user for row in team.members}
	added = []
	for employee in department_users(department):
		if employee.user_id in present:
			continue
		team.append("members", {"user": employee.user_id, "job_title": employee.designation})
		present.add(employee.user_id)
		added.append(employee.user_id)
	return added


@frappe.whitelist(methods=["POST"])
def fill_team_from_department(team: str) -> dict:
	"""The form's button: the team's Department's staff become members, as the signed-in user."""
	if not erpnext_installed():
		frappe.throw(_("ERPNext is not installed on this site."))
	doc = frappe.get_doc("Service Team", team)
	_may_edit_team(doc)
	added = fill_members(doc)
	if added:
		doc.save()  # with the user's own rights
	return {"added": added}


@frappe.whitelist(methods=["GET"])
def user_of_employee(employee: str) -> str | None:
	"""For the form: the user of an Employee just picked (the picker needs only a Select right)."""
	if not erpnext_installed() or not frappe.has_permission("Employee", "select"):
		frappe.throw(_("Not permitted."), frappe.PermissionError)
	return frappe.db.get_value("Employee", employee, "user_id")
