"""The guards Frappe's Workflow lacks, and who may see a complaint, as real users in process."""

import frappe
import pytest
from frappe.model.workflow import WorkflowPermissionError
from helpers import (
	apply_action,
	as_user,
	edit,
	make_complaint,
	make_team,
	make_user,
	walk_to_quality_assurance,
	workflow_reshaped,
)

from complaints_hc.security import roles
from complaints_hc.security.workflow_guard import NoActiveWorkflowError


@pytest.fixture
def in_quality_assurance(cast):
	"""A complaint drafted by a QA Officer who also holds the QA Approver role."""
	drafter = make_user("drafting.approver", roles.QA_OFFICER, roles.QA_APPROVER)
	complaint = walk_to_quality_assurance(cast, drafter)
	assert complaint.status == "Quality Assurance"
	return complaint, drafter


def test_the_drafter_cannot_approve_by_apply_workflow(in_quality_assurance):
	complaint, drafter = in_quality_assurance
	with pytest.raises(frappe.PermissionError, match="someone else must quality-assure"):
		apply_action(complaint, "Approve", drafter)
	assert frappe.db.get_value("Complaint", complaint.name, "status") == "Quality Assurance"


def test_the_drafter_cannot_approve_by_setting_the_state(in_quality_assurance):
	complaint, drafter = in_quality_assurance
	with as_user(drafter), pytest.raises(frappe.PermissionError, match="someone else must quality-assure"):
		doc = frappe.get_doc("Complaint", complaint.name)
		doc.workflow_state = "Approved"
		doc.save()
	assert frappe.db.get_value("Complaint", complaint.name, "workflow_state") == "Quality Assurance"


def test_an_independent_approver_can_approve(in_quality_assurance, cast):
	complaint, _drafter = in_quality_assurance
	approved = apply_action(complaint, "Approve", cast.approver)
	assert (approved.status, approved.qa_approved_by) == ("Approved", cast.approver)


def test_skipping_a_state_is_refused(cast):
	complaint = make_complaint(cast)
	with as_user(cast.officer), pytest.raises(WorkflowPermissionError, match="transition not allowed"):
		doc = frappe.get_doc("Complaint", complaint.name)
		doc.workflow_state = "Closed"
		doc.save()
	assert frappe.db.get_value("Complaint", complaint.name, "status") == "Received"


def test_content_changes_need_the_states_edit_role(in_quality_assurance):
	complaint, _drafter = in_quality_assurance
	other = make_user("plain.qa.officer", roles.QA_OFFICER)
	frappe.db.set_value("Complaint", complaint.name, "qa_officer", other)  # the officer may read it
	with (
		as_user(other),
		pytest.raises(frappe.PermissionError, match="only QA Approver or QA Service Manager"),
	):
		doc = frappe.get_doc("Complaint", complaint.name)
		doc.points[0].finding = "Rewritten after it went to quality assurance."
		doc.save()
	assert (
		frappe.db.get_value("Complaint Point", complaint.points[0].name, "finding") == "Sent six weeks late."
	)


def test_saving_fails_closed_without_an_active_workflow(cast):
	complaint = make_complaint(cast)
	workflow = frappe.db.get_value("Workflow", {"document_type": "Complaint", "is_active": 1})
	frappe.db.set_value("Workflow", workflow, "is_active", 0)
	frappe.cache.hdel("workflow", "Complaint")
	try:
		with pytest.raises(NoActiveWorkflowError):
			edit(complaint, cast.officer, complainant_phone="01432 260000")
	finally:
		frappe.db.set_value("Workflow", workflow, "is_active", 1)
		frappe.cache.hdel("workflow", "Complaint")


# --- who may see it ----------------------------------------------------------------------------


def visible_to(user: str, name: str) -> bool:
	with as_user(user):
		try:
			listed = name in frappe.get_list("Complaint", pluck="name")
		except frappe.PermissionError:  # no role that reads complaints at all
			listed = False
		allowed = frappe.has_permission("Complaint", "read", doc=name)
	assert listed == allowed, f"list and document disagree for {user}"
	return allowed


def test_who_may_see_a_complaint(cast):
	complaint = make_complaint(cast)
	edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
	other_team_manager = make_user("other.team.manager", roles.TEAM_MANAGER)
	make_team(team_manager=other_team_manager)
	staff = make_user("ordinary.staff")
	booker = make_user("workshop.booker", roles.WORKSHOP_BOOKER)

	for user in (
		cast.officer,
		cast.manager,
		cast.qa_manager,
		cast.approver,
		cast.qa_officer,
		cast.team_manager,
	):
		assert visible_to(user, complaint.name), user
	for user in (cast.subject, cast.other_qa_officer, other_team_manager, staff, booker):
		assert not visible_to(user, complaint.name), user


def test_every_child_table_of_complaint_data_is_found_and_asks_its_parent(site):
	"""The tables are found from the DocTypes' meta (none is listed by hand), and a row of each, read on
	its own, loads its parent for the parent's rules: a table the app adds later fails here until it does."""
	from frappe.model.base_document import get_controller

	from complaints_hc.security.complaint_data import PROTECTED, ProtectedChildRow, protected_parents_of

	tables = {
		field.options: parent for parent in PROTECTED for field in frappe.get_meta(parent).get_table_fields()
	}
	assert {"Complaint Point", "Complaint Extension Proposal", "Stage 2 Point", "Panel Member"} <= set(tables)
	for table, parent in tables.items():
		assert parent in protected_parents_of(table), table
		assert issubclass(get_controller(table), ProtectedChildRow), (
			f"{table} does not ask its parent's rules"
		)


def test_a_subject_is_excluded_even_holding_every_complaints_role(cast):
	subject = make_user("subject.all.roles", *roles.DESK_ROLES)
	complaint = make_complaint(cast, subjects=[{"user": subject}])
	assert not visible_to(subject, complaint.name)


def test_sharing_or_assigning_to_someone_who_may_not_see_it_is_refused(cast):
	from frappe.desk.form import assign_to

	complaint = make_complaint(cast)
	staff = make_user("ordinary.staff")
	with as_user(cast.officer):
		for user in (cast.subject, staff):
			with pytest.raises(frappe.PermissionError, match="cannot be shared"):
				frappe.share.add("Complaint", complaint.name, user, read=1)
			with pytest.raises(frappe.PermissionError, match="cannot be assigned"):
				assign_to.add({"doctype": "Complaint", "name": complaint.name, "assign_to": [user]})
	assert not frappe.get_all("DocShare", {"share_doctype": "Complaint", "share_name": complaint.name})
	assert not visible_to(cast.subject, complaint.name)


def test_naming_someone_as_a_subject_takes_away_their_share_and_assignment(cast):
	from frappe.desk.form import assign_to

	complaint = make_complaint(cast)
	with as_user(cast.officer):
		assign_to.add({"doctype": "Complaint", "name": complaint.name, "assign_to": [cast.approver]})
	assert visible_to(cast.approver, complaint.name)
	edit(complaint, cast.officer, subjects=[{"user": cast.approver, "role_in_case": "Signed off the plan"}])
	assert not visible_to(cast.approver, complaint.name)
	assert not frappe.get_all(
		"DocShare", {"share_doctype": "Complaint", "share_name": complaint.name, "user": cast.approver}
	)
	assert not frappe.get_all(
		"ToDo", {"reference_name": complaint.name, "allocated_to": cast.approver, "status": "Open"}
	)


def test_attachments_are_always_private(cast):
	complaint = make_complaint(cast)
	with as_user(cast.officer):
		file = frappe.get_doc({"doctype": "File", "file_name": "letter.txt", "content": b"Dear Ms Pritchard",
			"is_private": 0, "attached_to_doctype": "Complaint", "attached_to_name": complaint.name}).insert()  # fmt: skip
	assert file.is_private == 1
	assert file.file_url.startswith("/private/files/")


def widen_approve_to_the_complaints_manager(workflow):
	approve = next(t for t in workflow.transitions if t.action == "Approve")
	workflow.append("transitions", {**{k: approve.get(k) for k in ("state", "action", "next_state", "condition",
		"allow_self_approval")}, "allowed": roles.COMPLAINTS_MANAGER})  # fmt: skip


def test_approving_needs_an_approver_role_whatever_the_workflow_allows(in_quality_assurance, cast):
	complaint, _drafter = in_quality_assurance
	with workflow_reshaped(cast.manager, "Complaint", widen_approve_to_the_complaints_manager):
		with pytest.raises(frappe.PermissionError, match="Only the QA Service Manager or a QA Approver"):
			apply_action(complaint, "Approve", cast.manager)
		assert frappe.db.get_value("Complaint", complaint.name, "status") == "Quality Assurance"
		assert apply_action(complaint, "Approve", cast.approver).status == "Approved"
