"""A notification the complaints team adds for a whole role never reaches a subject of the complaint,
nor staff who may not see it; the complainant's own address is left alone."""

import frappe
import pytest
from frappe.email.doctype.notification.notification import Notification
from helpers import (
	answered_at_stage_1,
	apply_action,
	as_user,
	ask_for,
	edit,
	make_action,
	make_complaint,
	make_user,
	on,
	walk_to_quality_assurance,
)

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


def recipients_of(doc) -> set[str]:
	"""Everyone an email about this document was queued for."""
	queued = frappe.get_all("Email Queue", {"reference_doctype": doc.doctype, "reference_name": doc.name},
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


def council_notification(name: str, **values):
	"""A notification the complaints team sets up in the desk (rolled back with the test)."""
	doc = frappe.get_doc({"doctype": "Notification", "name": name, "subject": "A new complaint",
		"document_type": "Complaint", "event": "New", "channel": "Email", "enabled": 1,
		"message": "A new complaint was logged.", **values}).insert(ignore_permissions=True)  # fmt: skip
	frappe.cache.hdel("notifications", doc.document_type)
	return doc


@pytest.fixture
def forget_notifications():
	yield
	for doctype in ("Complaint", "Complaint Action", "Stage 2 Investigation", "Letter to Post"):
		frappe.cache.hdel("notifications", doctype)


def test_in_app_notifications_to_a_role_leave_out_the_subject(cast, forget_notifications):
	council_notification("Test: in-app to the approvers", channel="System Notification",
		recipients=[{"receiver_by_role": roles.QA_APPROVER}])  # fmt: skip
	complaint = make_complaint(cast)  # names cast.subject, who is a QA Approver too
	alerted = set(frappe.get_all("Notification Log", {"document_type": "Complaint",
		"document_name": complaint.name}, pluck="for_user"))  # fmt: skip
	assert cast.approver in alerted
	assert cast.subject not in alerted


def test_cc_and_bcc_leave_out_whoever_may_not_see_it(cast, forget_notifications):
	council_notification("Test: copies", recipients=[{"receiver_by_document_field": "complainant_email",
		"cc": f"{cast.subject}\n{cast.manager}", "bcc": f"{cast.social_worker}\n{cast.approver}"}])  # fmt: skip
	received = recipients_of(make_complaint(cast))
	assert {cast.manager, cast.approver, "joanne.pritchard@example.org"} <= received
	assert not {cast.subject, cast.social_worker} & received


def test_assignees_are_told_only_while_they_may_see_it(cast, forget_notifications):
	complaint = make_complaint(cast)
	# An assignment left over from before they were named (written past the guards, as an old import would).
	for user in (cast.approver, cast.subject):
		frappe.get_doc({"doctype": "ToDo", "allocated_to": user, "reference_type": "Complaint",
			"reference_name": complaint.name, "description": "Look at this", "status": "Open"}).db_insert()  # fmt: skip
	frappe.db.set_value("Complaint", complaint.name, "_assign", f'["{cast.approver}", "{cast.subject}"]')
	council_notification("Test: to the assignees", event="Save", send_to_all_assignees=1, recipients=[])
	with as_user(cast.officer):
		doc = frappe.get_doc("Complaint", complaint.name)
		doc.complainant_phone = "07700 900456"
		doc.save()
	received = recipients_of(complaint)
	assert cast.approver in received
	assert cast.subject not in received


def test_notifications_on_actions_leave_out_the_subject(cast, forget_notifications):
	council_notification("Test: new action to the approvers", document_type="Complaint Action",
		recipients=[{"receiver_by_role": roles.QA_APPROVER}])  # fmt: skip
	action = make_action(make_complaint(cast), cast.officer, responsible=cast.team_manager)
	received = recipients_of(action)
	assert cast.approver in received
	assert cast.subject not in received


def test_notifications_on_letters_to_post_leave_out_the_subject(cast, forget_notifications):
	"""The council's alert for each letter waiting to be posted goes to the Complaints Officers, never to
	one the complaint names (here a subject who holds that role too)."""
	council_notification("Test: a letter to post", document_type="Letter to Post",
		recipients=[{"receiver_by_role": roles.COMPLAINTS_OFFICER}])  # fmt: skip
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)  # names cast.subject
	frappe.db.set_value("Complaint", complaint.name, {"preferred_contact_method": "Letter",
		"complainant_address": "14 Mill Lane\nHaleford\nHF2 7QT"})  # as said at intake  # fmt: skip
	frappe.get_doc("User", cast.subject).add_roles(roles.COMPLAINTS_OFFICER)
	try:
		with on("2026-03-30"):
			apply_action(complaint, "Approve", cast.approver)
			edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
			apply_action(complaint, "Send Response", cast.officer)
		[letter] = frappe.get_all("Letter to Post", {"complaint": complaint.name}, pluck="name")
		told = recipients_of(frappe.get_doc("Letter to Post", letter))
		assert cast.officer in told
		assert cast.subject not in told
	finally:
		frappe.get_doc("User", cast.subject).remove_roles(roles.COMPLAINTS_OFFICER)


def test_text_messages_never_go_to_a_whole_role(cast, forget_notifications):
	frappe.db.set_value("User", cast.approver, "mobile_no", "07700 900001")
	texts = council_notification("Test: text the approvers", channel="SMS", recipients=[
		{"receiver_by_role": roles.QA_APPROVER}, {"receiver_by_document_field": "complainant_phone"}])  # fmt: skip
	complaint = make_complaint(cast, complainant_phone="07700 900999")
	context = {"doc": complaint}
	assert "07700 900001" in Notification.get_receiver_list(texts, complaint, context)  # Frappe alone would
	assert frappe.get_doc("Notification", texts.name).get_receiver_list(complaint, context) == [
		"07700 900999"
	]


def test_a_later_stages_notifications_leave_out_the_subject(cast, forget_notifications):
	"""The shipped stage 2 and stage 3 alerts go to the Complaints Managers: never to one named in it."""
	council_notification("Test: stage 2 asked for", document_type="Stage 2 Investigation",
		recipients=[{"receiver_by_role": roles.COMPLAINTS_MANAGER}])  # fmt: skip
	complaint = answered_at_stage_1(cast)  # names cast.subject
	frappe.get_doc("User", cast.subject).add_roles(roles.COMPLAINTS_MANAGER)
	try:
		with on("2026-04-01"):
			stage_2 = ask_for("Stage 2 Investigation", complaint, cast.officer)
		told = recipients_of(stage_2)
		assert cast.manager in told
		assert cast.subject not in told
	finally:
		frappe.get_doc("User", cast.subject).remove_roles(roles.COMPLAINTS_MANAGER)
