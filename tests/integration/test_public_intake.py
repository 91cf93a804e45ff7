"""The public form's logging, in the test process: a complaint is never lost for want of mail."""

import frappe
from helpers import as_user

from complaints_hc.complaints import intake


def test_the_complaint_is_kept_when_no_acknowledgement_can_be_sent(site):
	frappe.db.set_value("Email Account", {"default_outgoing": 1}, "default_outgoing", 0)
	frappe.local.outgoing_email_account = {}
	try:
		with as_user("Guest"):
			name = intake.log_complaint({"complainant_name": "Dawn Whitcombe", "relationship_to_child": "Parent",
				"complainant_email": "dawn.whitcombe@example.org",
				"complaint_details": "Nobody returned my calls for three weeks."})  # fmt: skip
	finally:
		frappe.local.outgoing_email_account = {}
	assert frappe.db.get_value("Complaint", name, ["received_via", "status"]) == ("Portal", "Received")
	assert frappe.get_all("Error Log", {"reference_doctype": "Complaint", "reference_name": name})


def test_a_script_reaching_the_intake_is_stored_inert(site):
	"""Frappe strips tags from a guest's form before the app sees it; the complaint itself is the
	second layer, for any other way a script could reach the intake."""
	with as_user("Guest"):
		name = intake.log_complaint({"complainant_name": "<script>alert(1)</script>Dawn Whitcombe",
			"relationship_to_child": "Parent", "complainant_email": "dawn.inert@example.org",
			"complaint_details": "<img src=x onerror=alert(2)>Nobody returned my calls."})  # fmt: skip
	stored = frappe.db.get_value("Complaint", name, ["complainant_name", "complaint_details"], as_dict=True)
	assert "Dawn Whitcombe" in stored.complainant_name and "<script" not in stored.complainant_name
	assert "Nobody returned my calls." in stored.complaint_details
	assert "onerror" not in stored.complaint_details
