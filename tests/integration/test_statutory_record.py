"""The statutory record holds: what QA approved is what was sent, and the dates behind the figures
cannot be quietly rewritten. Each change is tried as the real person who would try it."""

import datetime
import hashlib

import frappe
import pytest
from helpers import (
	apply_action,
	as_user,
	edit,
	make_action,
	make_category,
	make_complaint,
	on,
	private_file,
	walk_to_quality_assurance,
)

D = datetime.date


def stored(name, field):
	return frappe.db.get_value("Complaint", name, field)


def approved(cast):
	"""A complaint received Monday 23 March 2026, drafted by the QA Officer and approved on 30 March."""
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		return apply_action(complaint, "Approve", cast.approver)


def responded(cast):
	complaint = approved(cast)
	with on("2026-03-31"):
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-31")
		return apply_action(complaint, "Send Response", cast.officer)


# --- what QA approved is frozen ---------------------------------------------------------------


def test_a_finding_cannot_change_after_approval_by_a_save(cast):
	complaint = approved(cast)
	with on("2026-03-31"), as_user(cast.officer):
		doc = frappe.get_doc("Complaint", complaint.name)
		doc.points[0].finding = "Sent on time after all."
		with pytest.raises(frappe.PermissionError, match="Quality assurance approved"):
			doc.save()
	assert (
		frappe.db.get_value("Complaint Point", complaint.points[0].name, "finding") == "Sent six weeks late."
	)


def test_a_finding_cannot_change_after_approval_through_set_value_on_the_row(cast):
	complaint = approved(cast)
	with on("2026-03-31"), as_user(cast.officer):
		with pytest.raises(frappe.PermissionError, match="Quality assurance approved"):
			frappe.client.set_value("Complaint Point", complaint.points[0].name, "outcome", "Not upheld")
	assert frappe.db.get_value("Complaint Point", complaint.points[0].name, "outcome") == "Upheld"


def test_a_point_cannot_be_removed_nor_a_remedy_added_once_sent(cast):
	complaint = responded(cast)
	with on("2026-04-01"), as_user(cast.officer):
		doc = frappe.get_doc("Complaint", complaint.name)
		doc.points = []
		with pytest.raises(frappe.PermissionError, match="Quality assurance approved"):
			doc.save()
	with on("2026-04-01"), pytest.raises(frappe.PermissionError, match="Quality assurance approved"):
		edit(complaint, cast.officer, remedy_amount=75, remedy_reason="Late minutes")
	assert len(frappe.get_all("Complaint Point", {"parent": complaint.name})) == 1
	assert stored(complaint.name, "remedy_amount") == 0


def test_an_agreed_action_keeps_its_terms_after_approval(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		action = make_action(complaint, cast.officer, responsible=cast.team_manager)
		apply_action(complaint, "Approve", cast.approver)
		with as_user(cast.officer):
			doc = frappe.get_doc("Complaint Action", action.name)
			doc.description = "Something easier"
			with pytest.raises(frappe.PermissionError, match="approved by QA"):
				doc.save()
	assert frappe.db.get_value("Complaint Action", action.name, "description") == action.description


def test_returning_an_approved_response_lets_it_change_and_keeps_both_approvals(cast):
	complaint = approved(cast)
	with on("2026-03-31"):
		with pytest.raises(
			frappe.ValidationError, match="Not a valid Workflow Action"
		):  # not the drafter's call
			apply_action(complaint, "Return for Changes", cast.qa_officer)
		complaint = apply_action(complaint, "Return for Changes", cast.qa_manager)
		assert (complaint.status, complaint.qa_returns) == ("In Progress", 1)
		with as_user(cast.qa_officer):
			doc = frappe.get_doc("Complaint", complaint.name)
			doc.points[0].finding = "Sent five weeks late, as the minutes' own date shows."
			doc.save()
		apply_action(complaint, "Submit for QA", cast.qa_officer)
	with on("2026-04-01"):
		complaint = apply_action(complaint, "Approve", cast.qa_manager)
	history = [(row.decision, row.decided_by, row.to_state) for row in complaint.approvals]
	assert history == [
		("Approved", cast.approver, "Approved"),
		("Returned for changes", cast.qa_manager, "Investigating"),
		("Approved", cast.qa_manager, "Approved"),
	]
	assert (complaint.qa_approved_by, complaint.qa_approved_on) == (cast.qa_manager, D(2026, 4, 1))


def test_the_approval_history_cannot_be_written_by_a_client(cast):
	complaint = approved(cast)
	with on("2026-03-31"):
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-31",
			approvals=[{"decision": "Approved", "decided_by": cast.officer}])  # fmt: skip
	rows = frappe.get_all("Complaint Approval", {"parent": complaint.name}, pluck="decided_by")
	assert rows == [cast.approver]


# --- the letter sent is kept -------------------------------------------------------------------


def test_sending_keeps_the_letter_as_a_private_pdf_with_its_hash(cast):
	complaint = responded(cast)
	assert (complaint.outcome_letter_sent_on, complaint.outcome_letter_sent_by) == (
		D(2026, 3, 31),
		cast.officer,
	)
	assert complaint.sent_letter_print_format == "Stage 1 Outcome Letter"
	file = frappe.get_doc("File", {"file_url": complaint.sent_letter, "attached_to_name": complaint.name})
	assert (file.is_private, file.attached_to_name, file.attached_to_field) == (
		1,
		complaint.name,
		"sent_letter",
	)
	content = file.get_content()
	assert content.startswith(b"%PDF")
	assert hashlib.sha256(content).hexdigest() == complaint.sent_letter_sha256


def test_a_young_persons_complaint_keeps_the_young_persons_letter(cast):
	with on("2026-03-30"):
		complaint = make_complaint(cast, received_on="2026-03-23", relationship_to_child="Child or young person",
			complainant_name="Kai Pritchard")  # fmt: skip
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.officer, complainant_contacted_on="2026-03-24", advocate_offered_on="2026-03-24",
			advocate_response="Declined", advocate_response_recorded_by=cast.officer,
			face_to_face_offered_on="2026-03-24")  # fmt: skip
		edit(complaint, cast.qa_officer, initial_meeting_on="2026-03-25", agreed_timescale_days=10,
			timescale_agreed_on="2026-03-25", points=[{"description": "My social worker kept changing",
			"category": make_category(), "outcome": "Upheld", "finding": "Three in six months."}])  # fmt: skip
		apply_action(complaint, "Establish Points", cast.qa_officer)
		apply_action(complaint, "Submit for QA", cast.qa_officer)
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		complaint = apply_action(complaint, "Send Response", cast.officer)
	assert complaint.sent_letter_print_format == "Stage 1 Outcome Letter (Young Person)"


def test_the_sent_letter_cannot_be_deleted_or_replaced(cast):
	complaint = responded(cast)
	file = frappe.get_doc("File", {"file_url": complaint.sent_letter, "attached_to_name": complaint.name})
	# Permissions are set aside here so that only the record's own guard stands (REST is tried over HTTP).
	with as_user(cast.manager):
		with pytest.raises(frappe.PermissionError, match="as it was sent"):
			frappe.delete_doc("File", file.name, ignore_permissions=True)
		renamed = frappe.get_doc("File", file.name)
		renamed.file_name = "a different letter.pdf"
		with pytest.raises(frappe.PermissionError, match="as it was sent"):
			renamed.save(ignore_permissions=True)
		with pytest.raises(frappe.PermissionError, match="as it was sent"):
			frappe.get_doc({"doctype": "File", "file_name": "forged.pdf", "content": b"%PDF-1.4 forged",
				"is_private": 1, "attached_to_doctype": "Complaint", "attached_to_name": complaint.name,
				"attached_to_field": "sent_letter"}).insert(ignore_permissions=True)  # fmt: skip
		with pytest.raises((frappe.LinkExistsError, frappe.PermissionError)):
			frappe.delete_doc("Complaint", complaint.name)
	with on("2026-04-01"):
		forged = private_file(complaint, cast.officer, "other.pdf")
		edit(complaint, cast.officer, sent_letter=forged, sent_letter_sha256="0" * 64)
	assert (stored(complaint.name, "sent_letter"), stored(complaint.name, "sent_letter_sha256")) == (
		file.file_url,
		complaint.sent_letter_sha256,
	)
	assert frappe.db.exists("File", file.name)


def test_an_earlier_posting_date_is_a_managers_correction_with_a_reason(cast):
	complaint = responded(cast)  # approved 30 March, sent (recorded) 31 March
	with on("2026-04-01"):
		with pytest.raises(frappe.PermissionError, match="Only a Complaints Manager"):
			edit(complaint, cast.officer, letter_posted_on="2026-03-30", letter_posted_reason="Posted first")
		with pytest.raises(frappe.ValidationError, match="why the letter was posted"):
			edit(complaint, cast.manager, letter_posted_on="2026-03-30")
		with pytest.raises(frappe.ValidationError, match="before quality assurance approved"):
			edit(complaint, cast.manager, letter_posted_on="2026-03-27", letter_posted_reason="Posted early")
		complaint = edit(complaint, cast.manager, letter_posted_on="2026-03-30",
			letter_posted_reason="Posted by hand on the day of approval; logged the next morning.")  # fmt: skip
	assert (complaint.responded_on, complaint.outcome_letter_sent_on) == (D(2026, 3, 30), D(2026, 3, 31))


# --- dates that drive the figures --------------------------------------------------------------


def test_the_received_date_is_set_once_and_changed_only_by_a_manager_with_a_reason(cast):
	with on("2026-03-25"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		with pytest.raises(frappe.PermissionError, match="Only a Complaints Manager"):
			edit(complaint, cast.officer, received_on="2026-03-20")
		with pytest.raises(frappe.ValidationError, match="why the received date"):
			edit(complaint, cast.manager, received_on="2026-03-20")
		assert stored(complaint.name, "received_on") == D(2026, 3, 23)
		complaint = edit(complaint, cast.manager, received_on="2026-03-20",
			received_on_change_reason="The email arrived on Friday evening; found in the shared inbox.")  # fmt: skip
	assert (complaint.received_on, complaint.contact_by) == (D(2026, 3, 20), D(2026, 3, 24))
	logged = frappe.get_all("Comment", {"reference_doctype": "Complaint", "reference_name": complaint.name,
		"comment_type": "Info"}, pluck="content")  # fmt: skip
	assert any("changed from 23-03-2026 to 20-03-2026" in text for text in logged)


def test_the_drafter_is_the_servers_record_never_typed(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	assert complaint.drafted_by == cast.qa_officer
	with on("2026-03-30"):
		edit(complaint, cast.approver, drafted_by=cast.other_qa_officer)
	assert stored(complaint.name, "drafted_by") == cast.qa_officer


def investigating(cast, timescale=10):
	"""Received Monday 23 March 2026, points established 25 March: due 8 April (Easter falls between)."""
	with on("2026-03-25"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.officer, complainant_contacted_on="2026-03-24")
		edit(complaint, cast.qa_officer, initial_meeting_on="2026-03-25", agreed_timescale_days=timescale,
			timescale_agreed_on="2026-03-25", points=[{"description": "Late minutes", "category": make_category()}])  # fmt: skip
		return apply_action(complaint, "Establish Points", cast.qa_officer)


def test_the_agreed_timescale_moves_only_by_an_extension(cast):
	complaint = investigating(cast)
	with on("2026-03-26"), pytest.raises(frappe.ValidationError, match="moves only by an extension"):
		edit(complaint, cast.qa_officer, agreed_timescale_days=20)
	assert stored(complaint.name, "agreed_timescale_days") == 10


def extend(cast, complaint, requested_on, new_due_date, agreed_on=None):
	agreement = private_file(complaint, cast.officer)
	return edit(complaint, cast.officer, extensions=[{"requested_on": requested_on, "new_due_date": new_due_date,
		"rationale": "Records from health are late", "complainant_agreed_on": agreed_on or requested_on,
		"agreement_attachment": agreement}])  # fmt: skip


def test_an_extension_after_the_due_date_has_passed_is_refused(cast):
	complaint = investigating(cast)
	assert complaint.due_date == D(2026, 4, 8)
	with on("2026-04-09"), pytest.raises(frappe.ValidationError, match="before the due date passes"):
		extend(cast, complaint, "2026-04-09", "2026-04-20")
	assert not frappe.get_all("Complaint Extension", {"parent": complaint.name})


def test_an_extension_requested_in_the_future_or_before_the_last_one_is_refused(cast):
	complaint = investigating(cast)
	with on("2026-04-01"):
		with pytest.raises(frappe.ValidationError, match="neither after today"):
			extend(cast, complaint, "2026-04-02", "2026-04-20", agreed_on="2026-04-02")
		extend(cast, complaint, "2026-03-31", "2026-04-20", agreed_on="2026-04-01")
	with on("2026-04-15"), pytest.raises(frappe.ValidationError, match="before the previous extension"):
		extend(cast, complaint, "2026-03-30", "2026-04-30", agreed_on="2026-04-15")
	assert len(frappe.get_all("Complaint Extension", {"parent": complaint.name})) == 1


def test_an_extension_after_the_response_is_refused(cast):
	complaint = responded(cast)
	with on("2026-04-01"), pytest.raises(frappe.ValidationError, match="only while the complaint is open"):
		extend(cast, complaint, "2026-04-01", "2026-04-20")
	assert not frappe.get_all("Complaint Extension", {"parent": complaint.name})


def test_the_clock_cannot_restart_once_the_response_went_to_qa(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		complaint = apply_action(complaint, "Return for Changes", cast.approver)
		with pytest.raises(frappe.ValidationError, match="before the response goes to QA"):
			edit(complaint, cast.manager, clock_restarted_on="2026-03-30", restart_reason="A new point")
	assert stored(complaint.name, "clock_restarted_on") is None


def test_a_remedy_is_approved_by_whoever_records_it(cast):
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		complaint = edit(complaint, cast.approver, remedy_amount=100, remedy_reason="Six weeks without minutes",
			remedy_approved_by=cast.manager)  # fmt: skip
	assert (complaint.remedy_approved_by, complaint.remedy_approved_on) == (cast.approver, D(2026, 3, 30))


def test_an_extension_must_move_the_date_later(cast):
	complaint = investigating(cast)
	assert complaint.due_date == D(2026, 4, 8)
	with (
		on("2026-04-01"),
		pytest.raises(frappe.ValidationError, match="the new completion date must be after"),
	):
		extend(cast, complaint, "2026-04-01", "2026-04-08")
	assert not frappe.get_all("Complaint Extension", {"parent": complaint.name})


@pytest.mark.parametrize("change", ["edit", "remove"])
def test_a_recorded_extension_is_never_changed_or_removed(cast, change):
	complaint = investigating(cast)
	with on("2026-04-01"):
		extend(cast, complaint, "2026-03-31", "2026-04-20", agreed_on="2026-04-01")
	with on("2026-04-02"), as_user(cast.manager):
		doc = frappe.get_doc("Complaint", complaint.name)
		if change == "edit":
			doc.extensions[0].new_due_date = "2026-04-30"
		else:
			doc.extensions = []
		with pytest.raises(frappe.ValidationError, match="cannot be changed or removed: add a new one"):
			doc.save()
	[kept] = frappe.get_all("Complaint Extension", {"parent": complaint.name}, ["new_due_date"])
	assert kept.new_due_date == D(2026, 4, 20) and stored(complaint.name, "due_date") == D(2026, 4, 20)


def test_the_complaints_manager_corrects_a_complaint_while_it_is_investigated(cast):
	complaint = investigating(cast)
	with on("2026-03-27"):
		complaint = edit(complaint, cast.manager, complainant_phone="07700 900123", interpreter_needed=1,
			interpreter_language="Polish")  # fmt: skip
	assert (complaint.status, complaint.complainant_phone, complaint.interpreter_language) == (
		"In Progress", "07700 900123", "Polish")  # fmt: skip
