"""Demo data protection: a legal hold, a subject access request under way, and one run of the
anonymisation job (nothing in the demo is old enough to be due, so it records zeros)."""

import frappe
from frappe.utils import add_days, today

from complaints_hc.data_protection import jobs
from complaints_hc.setup.demo.complaints import MANAGER

DEMO = "@demo.example.org"
GOVERNANCE = f"nadia.ross{DEMO}"


def make_demo_data_protection():
	closed = frappe.get_all("Complaint", filters={"status": "Closed", "complainant_email": ("like", "%@example.org")},
		fields=["name", "complainant_name", "complainant_email"], order_by="received_on asc", limit=2)  # fmt: skip
	if len(closed) < 2:
		return
	frappe.set_user(MANAGER)
	if not frappe.db.exists("Complaint Legal Hold", {"complaint": closed[0].name}):
		frappe.get_doc({"doctype": "Complaint Legal Hold", "complaint": closed[0].name, "reason": "Ombudsman",
			"details": "The family has gone to the Local Government and Social Care Ombudsman."}).insert()  # fmt: skip
	if not frappe.db.exists("Subject Access Request", {"requester_email": closed[1].complainant_email}):
		request = frappe.get_doc({"doctype": "Subject Access Request", "requester_name": closed[1].complainant_name,
			"requester_email": closed[1].complainant_email, "requester_is": "The complainant",
			"received_on": add_days(today(), -10), "subject_names": closed[1].complainant_name,
			"subject_emails": closed[1].complainant_email, "identity_checked": 1,
			"identity_evidence": "Passport and a council tax bill, seen at the contact centre"}).insert()  # fmt: skip
		request.find_records()
	frappe.set_user(GOVERNANCE)
	if not frappe.db.exists("Retention Run"):
		jobs.run()
	frappe.set_user("Administrator")
