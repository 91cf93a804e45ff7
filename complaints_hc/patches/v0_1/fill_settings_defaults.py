import frappe


def execute():
	"""Settings fields added after a site was installed get their documented default."""
	stored = dict(
		frappe.db.sql(
			"select field, value from tabSingles where doctype = 'Complaints Settings'"
		)  # nosemgrep
	)
	for field in frappe.get_meta("Complaints Settings").fields:
		if field.default and stored.get(field.fieldname) in (None, ""):
			frappe.db.set_single_value("Complaints Settings", field.fieldname, field.default)
