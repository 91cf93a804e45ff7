"""The daily timeliness job: set-wise, catching up on missed days, notifying once per change."""

import datetime

import frappe
from freezegun import freeze_time
from helpers import apply_action, edit, make_complaint

from complaints_hc.complaints.daily_jobs import refresh_complaint_timeliness

D = datetime.date
RECEIVED = "2026-06-01"  # a Monday: 10 working days later is Monday 15 June


def run_job_on(day: str):
	with freeze_time(f"{day} 06:00:00"):
		return refresh_complaint_timeliness()


def timeliness(name):
	return frappe.db.get_value("Complaint", name, "rag_status")


def emails_about(name):
	queue = frappe.get_all(
		"Email Queue", {"reference_doctype": "Complaint", "reference_name": name}, pluck="name"
	)
	return [
		(
			frappe.db.get_value("Email Queue", q, "message")
			.split("Subject: ", 1)[-1]
			.split("\n", 1)[0]
			.strip(),
			sorted(frappe.get_all("Email Queue Recipient", {"parent": q}, pluck="recipient")),
		)
		for q in queue
	]


def test_on_track_then_due_soon_then_overdue_with_one_alert_each(cast):
	with freeze_time(f"{RECEIVED} 12:00:00"):
		complaint = make_complaint(cast, received_on=RECEIVED)
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
	assert (complaint.due_date, timeliness(complaint.name)) == (D(2026, 6, 15), "On track")

	run_job_on("2026-06-09")  # 10, 11, 12, 15 June still to go: four working days
	assert timeliness(complaint.name) == "On track"
	assert emails_about(complaint.name) == []

	changed = run_job_on("2026-06-10")  # three working days to go
	assert complaint.name in changed["Due soon"]
	assert timeliness(complaint.name) == "Due soon"
	assert emails_about(complaint.name) == [
		(f"{complaint.name}: stage 1 response due 15-06-2026", sorted([cast.officer, cast.qa_officer]))
	]

	run_job_on("2026-06-10")  # the same day again: nothing changes, nobody is told twice
	assert len(emails_about(complaint.name)) == 1

	run_job_on("2026-06-16")
	assert timeliness(complaint.name) == "Overdue"
	subjects = [subject for subject, _recipients in emails_about(complaint.name)]
	assert f"Overdue: {complaint.name} was due 15-06-2026" in subjects


def test_a_missed_run_is_caught_up(cast):
	with freeze_time(f"{RECEIVED} 12:00:00"):
		complaint = make_complaint(cast, received_on=RECEIVED)
	# The scheduler did not run from 9 to 16 June: the next run puts it straight.
	changed = run_job_on("2026-06-17")
	assert complaint.name in changed["Overdue"]
	assert timeliness(complaint.name) == "Overdue"


def test_withdrawn_and_responded_complaints_are_left_alone(cast):
	with freeze_time(f"{RECEIVED} 12:00:00"):
		withdrawn = make_complaint(
			cast, received_on=RECEIVED, withdrawal_reason="Resolved informally by the team"
		)
		apply_action(withdrawn, "Withdraw", cast.officer)
	run_job_on("2026-06-20")
	assert timeliness(withdrawn.name) == ""
	assert emails_about(withdrawn.name) == []


def test_an_extension_agreed_before_the_due_date_keeps_a_complaint_on_track(cast):
	from helpers import private_file

	with freeze_time(f"{RECEIVED} 12:00:00"):
		complaint = make_complaint(cast, received_on=RECEIVED)
	run_job_on("2026-06-12")
	assert timeliness(complaint.name) == "Due soon"
	with freeze_time("2026-06-12 12:00:00"):
		agreement = private_file(complaint, cast.officer)
		edit(complaint, cast.officer, extensions=[{"requested_on": "2026-06-11", "new_due_date": "2026-07-10",
			"rationale": "Waiting for the health visitor's records", "complainant_agreed_on": "2026-06-12",
			"agreement_attachment": agreement}])  # fmt: skip
	assert timeliness(complaint.name) == "On track"
	run_job_on("2026-06-17")
	assert timeliness(complaint.name) == "On track"


def test_a_complaint_logged_already_overdue_raises_the_overdue_alert_when_saved(cast):
	with freeze_time("2026-06-17 12:00:00"):
		complaint = make_complaint(cast, received_on=RECEIVED)  # due 15 June: logged late
	assert timeliness(complaint.name) == "Overdue"
	subjects = [subject for subject, _recipients in emails_about(complaint.name)]
	assert f"Overdue: {complaint.name} was due 15-06-2026" in subjects
	run_job_on("2026-06-18")  # the job does not tell them again
	subjects = [subject for subject, _recipients in emails_about(complaint.name)]
	assert subjects.count(f"Overdue: {complaint.name} was due 15-06-2026") == 1
