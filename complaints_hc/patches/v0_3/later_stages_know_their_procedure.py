import frappe

LATER_STAGES = ("Mediation", "Stage 2 Investigation", "Stage 3 Review Panel", "Ombudsman Enquiry")


def execute():
	"""Each later-stage record carries its complaint's procedure (the reports filter on it directly)."""
	for doctype in LATER_STAGES:
		frappe.db.sql(  # nosemgrep: fixed table names, no user input
			f"""update `tab{doctype}` record join `tabComplaint` complaint on complaint.name = record.complaint
			set record.procedure = complaint.procedure"""
		)
