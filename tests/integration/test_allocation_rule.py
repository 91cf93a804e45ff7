"""Allocation by the council's Assignment Rule: independent QA officers only, confirmed by the QSM."""

import frappe
import pytest
from helpers import apply_action, make_complaint, on

from complaints_hc.complaints.allocation import ALLOCATION_RULE


@pytest.fixture(autouse=True)
def forget_the_rule_afterwards():
	"""The test's changes to the rule are rolled back; Frappe's caches of it must not outlive them."""
	from frappe.cache_manager import clear_doctype_map

	yield
	frappe.db.rollback()
	clear_doctype_map("Assignment Rule", "Complaint")
	frappe.clear_document_cache("Assignment Rule", ALLOCATION_RULE)


def enable_rule_for(*users):
	rule = frappe.get_doc("Assignment Rule", ALLOCATION_RULE)
	rule.disabled = 0
	rule.users = []
	for user in users:
		rule.append("users", {"user": user})
	rule.save()


def test_the_rule_is_shipped_disabled():
	assert frappe.db.get_value("Assignment Rule", ALLOCATION_RULE, "disabled") == 1


def test_the_rule_allocates_a_new_complaint_to_an_independent_qa_officer(cast):
	enable_rule_for(cast.qa_officer)
	with on("2026-06-03"):  # a Wednesday: the rule works Monday to Friday
		complaint = make_complaint(cast)
	stored = frappe.get_doc("Complaint", complaint.name)
	assert (stored.qa_officer, stored.allocated_by, stored.status) == (
		cast.qa_officer,
		cast.officer,
		"Received",
	)
	assert frappe.get_all(
		"ToDo", {"reference_name": complaint.name, "allocated_to": cast.qa_officer, "status": "Open"}
	)
	assert frappe.has_permission("Complaint", "read", doc=complaint.name, user=cast.qa_officer)
	confirmed = apply_action(stored, "Allocate", cast.qa_manager)
	assert (confirmed.status, confirmed.qa_officer) == ("Allocated", cast.qa_officer)


def test_the_rule_cannot_hand_a_complaint_to_someone_involved(cast):
	enable_rule_for(cast.subject)  # a QA Officer named in the complaint
	with on("2026-06-03"), pytest.raises(frappe.PermissionError, match="cannot be assigned"):
		make_complaint(cast)
	assert not frappe.db.exists(
		"Complaint", {"complainant_name": "Joanne Pritchard", "qa_officer": cast.subject}
	)


def test_a_complaint_made_at_the_weekend_is_allocated_on_the_next_working_day(cast):
	"""The rule works on weekdays and acts when a complaint is saved: the morning job catches the weekend's."""
	from complaints_hc.complaints import intake
	from complaints_hc.complaints.allocation import allocate_waiting_complaints

	enable_rule_for(cast.qa_officer)
	with on("2026-12-26"):  # Boxing Day, a Saturday
		name = intake.log_complaint({"complainant_name": "Dawn Whitcombe", "relationship_to_child": "Parent",
			"complainant_email": "dawn@example.org", "complaint_details": "Nobody called me back."})  # fmt: skip
	assert frappe.db.get_value("Complaint", name, "qa_officer") is None
	with on("2026-12-28"):  # Monday, the substitute bank holiday for Christmas Day
		assert allocate_waiting_complaints() == []
	with on("2026-12-29"):
		assert name in allocate_waiting_complaints()
	assert frappe.db.get_value("Complaint", name, ["qa_officer", "status"]) == (cast.qa_officer, "Received")
