"""Install on a throwaway site, then uninstall: no DocType, table or role of the app is left behind."""

import json
import os
import uuid

import pymysql
import pytest
from helpers import bench, require_env

from complaints_hc.neighbours import custom_fields
from complaints_hc.security import roles
from complaints_hc.setup.install import default_records


def site_database(site_name: str):
	with open(os.path.join(require_env("SITES_PATH"), site_name, "site_config.json")) as f:
		config = json.load(f)
	return pymysql.connect(
		host="127.0.0.1", user=config["db_name"], password=config["db_password"], database=config["db_name"]
	)


def council_records(cursor, app_doctypes) -> dict:
	"""The workflows, notifications, assignment rule and Kanban board the app set up on its DocTypes."""
	found = {}
	for doctype, field in (("Workflow", "document_type"), ("Notification", "document_type"),
		("Assignment Rule", "document_type"), ("Kanban Board", "reference_doctype")):  # fmt: skip
		cursor.execute(f"select name from `tab{doctype}` where {field} in %s", (app_doctypes,))
		found[doctype] = cursor.fetchall()
	return found


def test_uninstall_leaves_no_app_doctype_table_or_role(site):
	db_root_password = require_env("COMPLAINTS_DB_ROOT_PASSWORD")
	throwaway = f"uninstall-{uuid.uuid4().hex[:6]}.localhost"
	root = ("--db-root-username", "root", "--db-root-password", db_root_password)
	bench(
		"new-site", throwaway, *root, "--admin-password", uuid.uuid4().hex, "--install-app", "complaints_hc"
	)
	try:
		with site_database(throwaway) as db, db.cursor() as cursor:
			cursor.execute("select name from tabDocType where module = 'Complaints HC'")
			app_doctypes = [row[0] for row in cursor.fetchall()]
			assert app_doctypes, "install-app created no DocType"
			before = council_records(cursor, app_doctypes)
			assert all(before.values()), before  # each kind was there to be removed

		bench("--site", throwaway, "uninstall-app", "complaints_hc", "--yes", "--no-backup")

		with site_database(throwaway) as db, db.cursor() as cursor:
			cursor.execute("select name from tabDocType where module = 'Complaints HC'")
			assert cursor.fetchall() == ()
			cursor.execute("select name from `tabModule Def` where app_name = 'complaints_hc'")
			assert cursor.fetchall() == ()
			cursor.execute("select name from tabWorkspace where module = 'Complaints HC'")
			assert cursor.fetchall() == ()
			cursor.execute("select name from tabRole where name in %s", (list(roles.ALL_ROLES),))
			assert cursor.fetchall() == ()
			cursor.execute("show tables like 'tabComplaint%%'")
			assert cursor.fetchall() == ()
			cursor.execute("select app_name from `tabInstalled Application` where app_name = 'complaints_hc'")
			assert cursor.fetchall() == ()
			templates = [t["name"] for t in default_records("email_templates.json")]
			cursor.execute("select name from `tabEmail Template` where name in %s", (templates,))
			assert cursor.fetchall() == ()
			assert council_records(cursor, app_doctypes) == dict.fromkeys(before, ())
			for doctype in ("Number Card", "Dashboard Chart", "Print Format", "Report"):
				cursor.execute(f"select name from `tab{doctype}` where module = 'Complaints HC'")
				assert cursor.fetchall() == (), doctype
	finally:
		bench("drop-site", throwaway, *root, "--force", "--no-backup")


ERPNEXT_RECORDS = {
	# table -> (a row the council keeps in ERPNext, inserted straight into the throwaway site's database)
	"tabHoliday List": {"name": "Council 2026", "holiday_list_name": "Council 2026",
		"from_date": "2026-01-01", "to_date": "2026-12-31"},
	"tabHoliday": {"name": "kept-holiday-1", "parent": "Council 2026", "parenttype": "Holiday List",
		"parentfield": "holidays", "holiday_date": "2026-12-29", "description": "Council closure"},
	"tabDepartment": {"name": "Fostering", "department_name": "Fostering"},
	"tabEmployee": {"name": "HR-EMP-KEPT", "first_name": "Kept", "employee_name": "Kept Tester",
		"status": "Active", "department": "Fostering"},
}  # fmt: skip


def erpnext_state(cursor) -> dict:
	"""The ERPNext rows and DocTypes as they stand."""
	state = {}
	for table, row in ERPNEXT_RECORDS.items():
		cursor.execute(f"select name from `{table}` where name = %s", (row["name"],))
		state[table] = cursor.fetchall()
	cursor.execute("select name from tabDocType where name in ('Holiday List', 'Department', 'Employee')")
	state["doctypes"] = sorted(cursor.fetchall())
	return state


def custom_rights(cursor) -> list:
	"""Who may do what on Employee and Department where the site's rights differ from ERPNext's files."""
	cursor.execute(
		"select parent, role, permlevel, if_owner, `select`, `read`, `write`, `create`, `delete`"
		" from `tabCustom DocPerm` where parent in ('Employee', 'Department') order by parent, role, permlevel"
	)
	return list(cursor.fetchall())


def keep_erpnext_records(throwaway):
	with site_database(throwaway) as db, db.cursor() as cursor:
		for table, row in ERPNEXT_RECORDS.items():
			columns = ", ".join(f"`{column}`" for column in row)
			cursor.execute(
				f"insert into `{table}` ({columns}, creation, modified) values"
				f" ({', '.join(['%s'] * len(row))}, now(), now())",
				tuple(row.values()),
			)
		db.commit()


def assert_the_app_is_there_beside_erpnext(throwaway):
	with site_database(throwaway) as db, db.cursor() as cursor:
		cursor.execute("select name from `tabCustom Field` where name in %s", (custom_fields.field_names(),))
		assert len(cursor.fetchall()) == len(custom_fields.field_names())
		cursor.execute("select count(*) from `tabCustom DocPerm` where parent in ('Employee', 'Department')"
			" and role in %s", (list(roles.DESK_ROLES),))  # fmt: skip
		assert cursor.fetchone()[0] > 0


def assert_only_the_app_went(throwaway, records, rights):
	with site_database(throwaway) as db, db.cursor() as cursor:
		assert erpnext_state(cursor) == records
		cursor.execute("select name from `tabCustom Field` where name in %s", (custom_fields.field_names(),))
		assert cursor.fetchall() == ()
		assert custom_rights(cursor) == rights
		cursor.execute("select defvalue from tabDefaultValue where defkey = 'installed_apps'")
		assert "erpnext" in json.loads(cursor.fetchone()[0])


@pytest.mark.erpnext
def test_beside_erpnext_in_either_order_the_app_comes_and_goes_leaving_erpnext_as_it_was(site):
	"""ERPNext installed after the app installs undisturbed by the app's hooks, and the app adds its
	fields when it arrives; uninstalling the app leaves ERPNext's records and gives Employee and
	Department back ERPNext's own rights. Then the usual council's order, the app added to a site that
	has ERPNext: after it came and went, ERPNext's records and rights are as they were before."""
	root = ("--db-root-username", "root", "--db-root-password", require_env("COMPLAINTS_DB_ROOT_PASSWORD"))
	throwaway = f"beside-erp-{uuid.uuid4().hex[:6]}.localhost"
	bench("new-site", throwaway, *root, "--admin-password", uuid.uuid4().hex,
		"--install-app", "complaints_hc", "--install-app", "erpnext", timeout=3000)  # fmt: skip
	try:
		keep_erpnext_records(throwaway)
		with site_database(throwaway) as db, db.cursor() as cursor:
			records = erpnext_state(cursor)
			cursor.execute("select defvalue from tabDefaultValue where defkey = 'installed_apps'")
			assert json.loads(cursor.fetchone()[0]) == ["frappe", "complaints_hc", "erpnext"]
		assert all(records.values()), records
		assert_the_app_is_there_beside_erpnext(throwaway)
		bench("--site", throwaway, "uninstall-app", "complaints_hc", "--yes", "--no-backup")
		assert_only_the_app_went(throwaway, records, rights=[])

		with site_database(throwaway) as db, db.cursor() as cursor:
			rights = custom_rights(cursor)
		bench("--site", throwaway, "install-app", "complaints_hc", timeout=3000)
		assert_the_app_is_there_beside_erpnext(throwaway)
		bench("--site", throwaway, "uninstall-app", "complaints_hc", "--yes", "--no-backup")
		assert_only_the_app_went(throwaway, records, rights)
	finally:
		bench("drop-site", throwaway, *root, "--force", "--no-backup")
