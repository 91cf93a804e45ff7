"""Actions from complaint outcomes, tracked to completion and verified by someone else."""

import datetime

import frappe
import pytest
from helpers import (
	apply_action,
	as_user,
	edit,
	make_action,
	make_complaint,
	make_team,
	make_user,
	on,
	queued_email_html,
	workflow_reshaped,
)

from complaints_hc.complaints.daily_jobs import refresh_overdue_actions
from complaints_hc.security import roles

D = datetime.date


@pytest.fixture
def complaint(cast):
	with on("2026-03-23"):
		return make_complaint(cast, received_on="2026-03-23")


def test_an_action_from_creation_to_verification(cast, complaint):
	with on("2026-03-27"):
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		action = make_action(
			complaint, cast.qa_officer, responsible=cast.team_manager, due_in_working_days=10
		)
	assert (action.status, action.raised_on, action.due_date) == ("Open", D(2026, 3, 27), D(2026, 4, 14))
	assert action.team == cast.team and action.complaints_officer == cast.officer
	assert frappe.db.get_value("Complaint", complaint.name, "open_actions") == 1

	with on("2026-04-01"):
		apply_action(action, "Start", cast.team_manager)
		edit(action, cast.team_manager, evidence="Supervision held on 1 April; notes on the case file.")
		action = apply_action(action, "Complete", cast.team_manager)
	assert (action.status, action.completed_on, action.completed_by) == (
		"Completed",
		D(2026, 4, 1),
		cast.team_manager,
	)
	assert frappe.db.get_value("Complaint", complaint.name, "open_actions") == 0

	with on("2026-04-02"):
		action = apply_action(action, "Verify", cast.qa_officer)
	assert (action.status, action.verified_on, action.verified_by) == (
		"Verified",
		D(2026, 4, 2),
		cast.qa_officer,
	)


def test_completion_needs_evidence(cast, complaint):
	action = make_action(complaint, cast.officer, responsible=cast.team_manager)
	with pytest.raises(frappe.ValidationError, match="evidence"):
		apply_action(action, "Complete", cast.team_manager)
	assert frappe.db.get_value("Complaint Action", action.name, "status") == "Open"


def test_the_person_who_completed_it_cannot_verify_it(cast, complaint):
	action = make_action(complaint, cast.officer, responsible=cast.qa_officer)
	edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
	edit(action, cast.qa_officer, evidence="Minutes sent to the family by email.")
	apply_action(action, "Complete", cast.qa_officer)
	with pytest.raises(frappe.PermissionError, match="someone else must verify"):
		apply_action(action, "Verify", cast.qa_officer)
	assert frappe.db.get_value("Complaint Action", action.name, "status") == "Completed"


def test_an_action_on_a_closed_complaint_is_still_tracked(cast, complaint):
	with on("2026-03-23"):
		edit(complaint, cast.officer, withdrawal_reason="Resolved by the team directly.")
		apply_action(complaint, "Withdraw", cast.officer)
		action = make_action(
			complaint,
			cast.officer,
			responsible=cast.team_manager,
			due_date="2026-04-30",
			due_in_working_days=0,
		)
	edit(action, cast.team_manager, evidence="Letter of apology sent.")
	assert apply_action(action, "Complete", cast.team_manager).status == "Completed"


@pytest.mark.parametrize(
	"values, message",
	[
		({"due_in_working_days": 0, "due_date": "2026-03-20"}, "cannot be before the action was raised"),
		({"due_in_working_days": 0, "due_date": None}, "Agree a completion date"),
		({"point_number": 4}, "has no point 4"),
	],
)
def test_bad_actions_are_refused_with_a_clear_message(cast, complaint, values, message):
	with on("2026-03-23"), pytest.raises(frappe.ValidationError, match=message):
		make_action(complaint, cast.officer, responsible=cast.team_manager, **values)
	assert not frappe.get_all("Complaint Action", {"complaint": complaint.name})


def test_actions_go_only_to_people_who_may_hold_them(cast, complaint):
	with pytest.raises(frappe.ValidationError, match="subject of the complaint"):
		make_action(complaint, cast.officer, responsible=cast.team_manager, responsible_manager=cast.subject)
	with pytest.raises(frappe.ValidationError, match="holds no role"):
		make_action(complaint, cast.officer, responsible=cast.social_worker)


def test_overdue_marking_catches_up_and_alerts_once(cast, complaint):
	with on("2026-03-23"):
		action = make_action(complaint, cast.officer, responsible=cast.team_manager,
			responsible_manager=cast.manager, due_in_working_days=0, due_date="2026-04-08")  # fmt: skip
	with on("2026-04-08"):
		assert refresh_overdue_actions() == []
	# No run on the 9th or 10th: the run on the 13th (Monday) catches up.
	with on("2026-04-13"):
		assert refresh_overdue_actions() == [action.name]
		assert refresh_overdue_actions() == []
	assert frappe.db.get_value("Complaint Action", action.name, "is_overdue") == 1
	queue = frappe.get_all(
		"Email Queue", {"reference_doctype": "Complaint Action", "reference_name": action.name}, pluck="name"
	)
	assert len(queue) == 1
	recipients = frappe.get_all("Email Queue Recipient", {"parent": queue[0]}, pluck="recipient")
	assert sorted(recipients) == sorted([cast.team_manager, cast.manager, cast.officer])

	edit(action, cast.team_manager, evidence="Done late, after the alert.")
	apply_action(action, "Complete", cast.team_manager)
	with on("2026-04-14"):
		refresh_overdue_actions()
	assert frappe.db.get_value("Complaint Action", action.name, "is_overdue") == 0


def test_the_owner_is_warned_two_days_before_the_action_is_due(cast, complaint):
	"""Frappe's daily run of "Days Before" alerts: due Friday 10 April, the owner alone is warned on
	Wednesday 8 April (not on the 7th), once; an action already completed is not."""
	from frappe.email.doctype.notification.notification import trigger_daily_alerts

	with on("2026-03-23"):
		action, done = (make_action(complaint, cast.officer, responsible=cast.team_manager,
			responsible_manager=cast.manager, due_in_working_days=0, due_date="2026-04-10") for _ in range(2))  # fmt: skip
	with on("2026-04-01"):
		edit(done, cast.team_manager, evidence="Supervision held on 1 April.")
		apply_action(done, "Complete", cast.team_manager)

	def warnings(record):
		return frappe.get_all("Email Queue", {"reference_doctype": "Complaint Action",
			"reference_name": record.name}, pluck="name")  # fmt: skip

	with on("2026-04-07"):
		trigger_daily_alerts()
	assert warnings(action) == []
	with on("2026-04-08"):
		trigger_daily_alerts()
	[warning] = warnings(action)
	assert frappe.get_all("Email Queue Recipient", {"parent": warning}, pluck="recipient") == [
		cast.team_manager
	]
	assert f"The action {action.name} from complaint {complaint.name} is due on" in queued_email_html(
		action.name
	)
	assert warnings(done) == []


def test_a_complaint_with_actions_cannot_be_deleted(cast, complaint):
	make_action(complaint, cast.officer, responsible=cast.team_manager)
	with as_user(cast.manager), pytest.raises(frappe.LinkExistsError, match="has actions"):
		frappe.delete_doc("Complaint", complaint.name)
	assert frappe.db.exists("Complaint", complaint.name)


def visible_actions(user):
	with as_user(user):
		try:
			return set(frappe.get_list("Complaint Action", pluck="name"))
		except frappe.PermissionError:
			return set()


def test_who_may_see_an_action(cast, complaint):
	other_manager = make_user("other.manager", roles.TEAM_MANAGER)
	make_team(team_manager=other_manager)
	subject_manager = make_user("subject.manager", roles.TEAM_MANAGER, roles.COMPLAINTS_OFFICER)
	edit(complaint, cast.officer, subjects=[{"user": subject_manager}])
	action = make_action(complaint, cast.officer, responsible=cast.team_manager)

	assert action.name in visible_actions(cast.team_manager)
	assert action.name in visible_actions(cast.officer)
	for user in (other_manager, subject_manager, cast.subject, cast.social_worker):
		assert action.name not in visible_actions(user), user
		with as_user(user):
			assert not frappe.has_permission("Complaint Action", "read", doc=action.name)


def move_card(action, user, to_state):
	from frappe.desk.doctype.kanban_board.kanban_board import update_order_for_single_card

	with as_user(user):
		update_order_for_single_card("Complaint Actions", action.name, action.workflow_state, to_state, 0, 0)
	return frappe.get_doc("Complaint Action", action.name)


def test_moving_a_card_on_the_board_applies_the_workflow(cast, complaint):
	action = make_action(complaint, cast.officer, responsible=cast.team_manager)
	action = move_card(action, cast.team_manager, "In Progress")
	assert action.status == "In Progress"
	with pytest.raises(frappe.ValidationError, match="Record the evidence that the action was done"):
		move_card(action, cast.team_manager, "Completed")  # the app's own guard, through the board
	assert frappe.db.get_value("Complaint Action", action.name, "status") == "In Progress"
	edit(action, cast.team_manager, evidence="Supervision held; notes on the case file.")
	action = move_card(frappe.get_doc("Complaint Action", action.name), cast.team_manager, "Completed")
	assert (action.status, action.completed_by) == ("Completed", cast.team_manager)


def test_evidence_may_be_a_private_attachment_alone(cast, complaint):
	action = make_action(complaint, cast.officer, responsible=cast.team_manager)
	with as_user(cast.team_manager):
		file = frappe.get_doc({"doctype": "File", "file_name": "supervision-notes.pdf", "is_private": 0,
			"content": b"%PDF-1.4 supervision notes", "attached_to_doctype": "Complaint Action",
			"attached_to_name": action.name}).insert()  # fmt: skip
	assert file.is_private == 1 and file.file_url.startswith("/private/files/")
	assert apply_action(action, "Complete", cast.team_manager).status == "Completed"


def widen_verify_to_team_managers(workflow):
	verify = next(t for t in workflow.transitions if t.action == "Verify")
	workflow.append("transitions", {**{k: verify.get(k) for k in ("state", "action", "next_state", "condition",
		"allow_self_approval")}, "allowed": roles.TEAM_MANAGER})  # fmt: skip


def test_only_the_qa_team_verifies_whatever_the_workflow_allows(cast, complaint):
	edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
	action = make_action(complaint, cast.officer, responsible=cast.qa_officer)
	edit(action, cast.qa_officer, evidence="Minutes sent to the family by email.")
	action = apply_action(action, "Complete", cast.qa_officer)
	with workflow_reshaped(cast.manager, "Complaint Action", widen_verify_to_team_managers):
		with pytest.raises(frappe.PermissionError, match="Only the QA team can verify an action"):
			apply_action(action, "Verify", cast.team_manager)
		assert frappe.db.get_value("Complaint Action", action.name, "status") == "Completed"
