"""`bench migrate` run twice changes nothing the second time (schema, app records, fixtures)."""

import frappe
from helpers import bench


def fingerprint() -> dict:
	"""What a migrate could change: the app's DocTypes and columns, its roles, workspace and patches."""
	frappe.db.rollback()  # read what the migrate committed, not this connection's old snapshot
	app_tables = [
		f"tab{name}" for name in frappe.get_all("DocType", {"module": "Complaints HC"}, pluck="name")
	]
	return {
		"doctypes": frappe.db.sql(
			"select name, modified from tabDocType where module = 'Complaints HC' order by name"
		),
		"columns": frappe.db.sql(
			"""select table_name, column_name, column_type, column_default, is_nullable
			from information_schema.columns where table_schema = database() and table_name in %(tables)s
			order by table_name, column_name""",
			{"tables": app_tables or [""]},
		),
		# Fixtures are re-imported on every migrate, so a role's `modified` moves: compare its content.
		"roles": frappe.db.sql(
			"select name, desk_access, disabled, home_page from tabRole where name in %(roles)s order by name",
			{"roles": list(frappe.get_hooks("fixtures")[0]["filters"][0][2])},
		),
		"workspace": frappe.db.sql("select name, modified from tabWorkspace where module = 'Complaints HC'"),
		"custom_fields": frappe.db.sql("select count(*) from `tabCustom Field`"),
		"patches": frappe.db.sql("select count(*) from `tabPatch Log`"),
	}


def migrate():
	bench("--site", frappe.local.site, "migrate")


def test_a_second_migrate_changes_nothing():
	migrate()
	after_first = fingerprint()
	migrate()
	after_second = fingerprint()
	assert after_first["doctypes"], "the app's DocTypes are missing"
	assert after_first == after_second
