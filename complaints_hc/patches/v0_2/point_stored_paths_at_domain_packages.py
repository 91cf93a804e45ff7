"""Code moved into domain packages: dotted paths a site stored under the old flat modules are rewritten.

Number cards with a custom method and scheduled job types keep the path of the function they run.
(Hooks are read from code, so only what a site stores needs this.)
"""

import frappe

# Old flat module -> its home now. Only modules whose functions a site can store a path to.
MOVED = {
	"complaints_hc.dashboard.": "complaints_hc.learning.dashboard.",
	"complaints_hc.timeliness.": "complaints_hc.complaints.daily_jobs.",
	"complaints_hc.workshop_mail.": "complaints_hc.workshops.mail.",
	"complaints_hc.working_days.add_working_days": "complaints_hc.working_days.site.add_working_days",
	"complaints_hc.working_days.working_days_between": "complaints_hc.working_days.site.working_days_between",
	"complaints_hc.working_days.is_working_day": "complaints_hc.working_days.site.is_working_day",
	"complaints_hc.permissions.": "complaints_hc.security.visibility.",
	"complaints_hc.access.": "complaints_hc.security.route_closures.",
	"complaints_hc.allocation.": "complaints_hc.complaints.allocation.",
	"complaints_hc.install.": "complaints_hc.setup.install.",
}

STORED_PATHS = (("Number Card", "method"), ("Scheduled Job Type", "method"))


def moved(path: str | None) -> str | None:
	for old, new in MOVED.items():
		if path and path.startswith(old):
			return new + path[len(old) :]
	return None


def execute():
	for doctype, field in STORED_PATHS:
		for name, path in frappe.get_all(doctype, fields=["name", field], as_list=True):
			new_path = moved(path)
			if not new_path:
				continue
			if doctype == "Scheduled Job Type" and frappe.db.exists(doctype, {field: new_path}):
				frappe.delete_doc(doctype, name, ignore_permissions=True)  # already synced from hooks
			else:
				frappe.db.set_value(doctype, name, field, new_path, update_modified=False)
