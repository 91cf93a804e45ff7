"""`bench migrate` run twice changes nothing the second time (schema, app records, fixtures)."""

import frappe
from helpers import bench, commit


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


OLD_CARD_METHODS = {
	"Complaints Due in 5 Working Days": "complaints_hc.dashboard.complaints_due_soon",
	"Upcoming Workshops with Free Seats": "complaints_hc.dashboard.upcoming_workshops_with_free_seats",
}
OLD_JOB = "complaints_hc.timeliness.refresh_complaint_timeliness"
PATCH = "complaints_hc.patches.v0_2.point_stored_paths_at_domain_packages"


def test_a_site_set_up_with_the_flat_module_paths_migrates_to_the_domain_packages():
	"""A site from before the move stored dotted paths to the flat modules: after a migrate each resolves."""
	for card, old_method in OLD_CARD_METHODS.items():
		frappe.db.set_value("Number Card", card, "method", old_method, update_modified=False)
	job = frappe.get_doc(
		{"doctype": "Scheduled Job Type", "method": OLD_JOB, "frequency": "Daily", "stopped": 0}
	).insert(ignore_permissions=True)
	frappe.db.delete("Patch Log", {"patch": PATCH})  # a site from before the move has not run it
	commit()

	migrate()
	frappe.db.rollback()

	for card in OLD_CARD_METHODS:
		method = frappe.db.get_value("Number Card", card, "method")
		assert method.startswith("complaints_hc.learning.dashboard.")
		assert callable(frappe.get_attr(method))
	app_jobs = frappe.get_all("Scheduled Job Type", {"method": ["like", "complaints_hc.%"]}, pluck="method")
	assert OLD_JOB not in app_jobs and not frappe.db.exists("Scheduled Job Type", job.name)
	for method in app_jobs:
		assert callable(frappe.get_attr(method)), method
	assert set(app_jobs) >= {
		"complaints_hc.complaints.daily_jobs.refresh_complaint_timeliness",
		"complaints_hc.complaints.daily_jobs.refresh_overdue_actions",
		"complaints_hc.workshops.mail.send_reminders",
	}
	assert frappe.db.exists("Patch Log", {"patch": PATCH})


def test_the_councils_changes_to_the_starting_lists_stand_after_a_migrate():
	"""The lists are made once at install: a migrate neither undoes an edit nor brings back a deletion."""
	edited, removed = "Delay", "Financial support"
	frappe.db.set_value("Complaint Category", edited, {"description": "The council's words", "disabled": 1})
	frappe.delete_doc("Complaint Category", removed, ignore_permissions=True)
	commit()
	try:
		migrate()
		frappe.db.rollback()
		assert frappe.db.get_value("Complaint Category", edited, ["description", "disabled"]) == (
			"The council's words",
			1,
		)
		assert not frappe.db.exists("Complaint Category", removed)
	finally:
		frappe.db.set_value("Complaint Category", edited, {"description": None, "disabled": 0})
		if not frappe.db.exists("Complaint Category", removed):
			frappe.get_doc({"doctype": "Complaint Category", "category_name": removed}).insert(
				ignore_permissions=True
			)
		commit()


def test_the_councils_edits_to_workflows_notifications_and_letters_stand_after_a_migrate():
	"""What the app ships once becomes the council's: a migrate never puts the shipped words back."""
	workflow = frappe.db.get_value("Workflow", {"document_type": "Complaint"})
	notification = frappe.get_all("Notification", {"document_type": "Complaint"}, pluck="name", limit=1)[0]
	state = frappe.db.get_value("Workflow Document State", {"parent": workflow, "state": "Received"})
	edits = {
		("Workflow Document State", state, "message"): "The council's own guidance for this state",
		("Notification", notification, "subject"): "The council's own subject",
		("Email Template", "Complaint received", "subject"): "The council's own acknowledgement subject",
	}
	kept = {key: frappe.db.get_value(*key) for key in edits}
	for (doctype, name, field), value in edits.items():
		frappe.db.set_value(doctype, name, field, value)
	commit()
	try:
		migrate()
		frappe.db.rollback()
		assert {key: frappe.db.get_value(*key) for key in edits} == edits
	finally:
		for (doctype, name, field), value in kept.items():
			frappe.db.set_value(doctype, name, field, value)
		commit()


LAYOUT_PATCH = "complaints_hc.patches.v0_2.lay_out_workflows_for_the_builder"


def test_a_workflow_installed_without_a_builder_layout_gets_one_and_nothing_else_changes():
	"""Sites installed before the layout shipped: the migrate gives the builder positions, no new process."""
	name = "Complaint Stage 1"
	shape = "select state, allow_edit, update_value from `tabWorkflow Document State` where parent = %s order by idx"
	before = frappe.db.sql(shape, name)
	frappe.db.set_value("Workflow", name, "workflow_data", None, update_modified=False)
	frappe.db.delete("Patch Log", {"patch": LAYOUT_PATCH})
	commit()
	migrate()
	frappe.db.rollback()
	drawn = frappe.parse_json(frappe.db.get_value("Workflow", name, "workflow_data"))
	states = frappe.get_all(
		"Workflow Document State", {"parent": name}, ["workflow_builder_id"], order_by="idx"
	)
	assert {e["id"] for e in drawn if e["type"] == "state"} == {s.workflow_builder_id for s in states}
	assert frappe.db.sql(shape, name) == before
