"""A notification the complaints team adds for a whole role never reaches a subject of the complaint,
nor staff who may not see it; the complainant's own address is left alone."""

import frappe
import pytest
from helpers import make_complaint, make_user

from complaints_hc.security import roles


@pytest.fixture
def notification():
	doc = frappe.get_doc({  # the council's own set-up, made in the desk
		"doctype": "Notification", "name": "Test: new complaint to the approvers", "subject": "A new complaint",
		"document_type": "Complaint", "event": "New", "channel": "Email", "enabled": 1,
		"message": "A new complaint was logged.",
		"recipients": [{"receiver_by_role": roles.QA_APPROVER}, {"receiver_by_document_field": "social_worker"},
			{"receiver_by_document_field": "complainant_email"}],
	}).insert(ignore_permissions=True)  # fmt: skip
	yield doc
	frappe.cache.hdel("notifications", "Complaint")  # the test's rollback removes the record itself


def recipients_of(complaint) -> set[str]:
	queued = frappe.get_all("Email Queue", {"reference_doctype": "Complaint", "reference_name": complaint.name},
		pluck="name")  # fmt: skip
	return set(frappe.get_all("Email Queue Recipient", {"parent": ["in", queued or [""]]}, pluck="recipient"))


def test_role_recipients_who_are_subjects_or_cannot_see_it_are_left_out(cast, notification):
	other_approver = make_user("notified.approver", roles.QA_APPROVER)
	complaint = make_complaint(cast)  # names cast.subject, who is a QA Approver too
	received = recipients_of(complaint)
	assert {cast.approver, other_approver, "joanne.pritchard@example.org"} <= received
	assert cast.subject not in received
	assert cast.social_worker not in received  # ordinary staff: no role that can read complaints


def test_a_complaint_not_naming_them_reaches_them(cast, notification):
	complaint = make_complaint(cast, subjects=[])
	assert cast.subject in recipients_of(complaint)
