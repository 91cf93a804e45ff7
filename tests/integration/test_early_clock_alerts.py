"""Alerts before the early clocks are missed: allocation (Day 1), contact (2 working days) and QA
(2 working days before the deadline), each raised once, by the daily job or by the save that makes it
due, to people who may see the complaint."""

import frappe
from freezegun import freeze_time
from helpers import apply_action, edit, make_category, make_complaint, on

from complaints_hc.complaints.daily_jobs import raise_early_clock_alerts

RECEIVED = "2026-06-05"  # a Friday: Day 1 is Monday 8 June, contact by Tuesday 9 June


def run_job_on(day: str):
	with freeze_time(f"{day} 08:00:00"):
		return raise_early_clock_alerts()


def alerts_about(name) -> dict[str, list[str]]:
	"""Subject line -> recipients, of the emails queued about this complaint."""
	found = {}
	for queued in frappe.get_all("Email Queue", {"reference_doctype": "Complaint", "reference_name": name},
		pluck="name"):  # fmt: skip
		message = frappe.db.get_value("Email Queue", queued, "message")
		subject = message.split("Subject: ", 1)[-1].split("\n", 1)[0].strip()
		# one alert to many people may be queued as several emails
		found.setdefault(subject, []).extend(
			frappe.get_all("Email Queue Recipient", {"parent": queued}, pluck="recipient")
		)
	return {subject: sorted(recipients) for subject, recipients in found.items()}


def test_allocation_and_contact_alerts_come_on_their_day_once(cast):
	with on(RECEIVED):
		complaint = make_complaint(cast, received_on=RECEIVED)
	assert run_job_on("2026-06-05") == {"allocation": [], "contact": [], "acknowledgement": [], "qa": []}
	raised = run_job_on("2026-06-08")
	assert raised["allocation"] == [complaint.name] and raised["contact"] == []
	allocation = f"{complaint.name}: allocate to a QA Officer today (Day 1)"
	assert cast.qa_manager in alerts_about(complaint.name)[allocation]
	assert run_job_on("2026-06-08")["allocation"] == []  # never twice
	raised = run_job_on("2026-06-09")
	assert raised["contact"] == [complaint.name]
	contact = f"{complaint.name}: contact the complainant by 09-06-2026"
	assert cast.officer in alerts_about(complaint.name)[contact]


def test_contact_made_in_time_raises_no_contact_alert(cast):
	with on(RECEIVED):
		complaint = make_complaint(cast, received_on=RECEIVED)
		edit(complaint, cast.officer, complainant_contacted_on=RECEIVED)
	assert complaint.name not in run_job_on("2026-06-10")["contact"]


def test_a_complaint_logged_late_raises_its_alerts_when_saved(cast):
	with on("2026-06-12"):
		complaint = make_complaint(cast, received_on=RECEIVED)
	subjects = set(alerts_about(complaint.name))
	assert f"{complaint.name}: allocate to a QA Officer today (Day 1)" in subjects
	assert f"{complaint.name}: contact the complainant by 09-06-2026" in subjects
	assert frappe.db.get_value(
		"Complaint", complaint.name, ["allocation_alert_sent", "contact_alert_sent"]
	) == (
		1,
		1,
	)
	assert run_job_on("2026-06-15") == {"allocation": [], "contact": [], "acknowledgement": [], "qa": []}


def test_the_qa_alert_reaches_the_approvers_but_never_a_subject(cast):
	with on(RECEIVED):
		complaint = make_complaint(cast, received_on=RECEIVED)  # names cast.subject, a QA Approver too
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.officer, complainant_contacted_on=RECEIVED)
		edit(complaint, cast.qa_officer, initial_meeting_on=RECEIVED, agreed_timescale_days=10,
			timescale_agreed_on=RECEIVED, points=[{"description": "Late minutes", "category": make_category()}])  # fmt: skip
		complaint = apply_action(complaint, "Establish Points", cast.qa_officer)
	assert str(complaint.qa_by) == "2026-06-17"  # due Friday 19 June
	assert complaint.name not in run_job_on("2026-06-16")["qa"]
	assert run_job_on("2026-06-17")["qa"] == [complaint.name]
	recipients = alerts_about(complaint.name)[
		f"{complaint.name}: the response is due for quality assurance on 17-06-2026"
	]
	assert {cast.approver, cast.qa_manager, cast.qa_officer} <= set(recipients)
	assert cast.subject not in recipients


def test_a_complaint_in_qa_already_raises_no_qa_alert(cast):
	from helpers import walk_to_quality_assurance

	complaint = walk_to_quality_assurance(cast, cast.qa_officer)  # already with QA
	assert complaint.name not in run_job_on("2026-04-02")["qa"]
