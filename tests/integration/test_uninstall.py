"""Install on a throwaway site, then uninstall: no DocType, table or role of the app is left behind."""

import json
import os
import uuid

import pymysql
from helpers import bench, require_env

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
