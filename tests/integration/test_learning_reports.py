"""The complaint reports against one known quarter (2026-27 Q1: April to June 2026), counted by hand.

The data is the `quarter` fixture (conftest.py): one team holds all of it, so data other tests
commit cannot stray into the figures.
"""

import frappe
import pytest
from helpers import (
	as_user,
	make_complaint,
	make_team,
	make_user,
	on,
)

from complaints_hc.complaints import daily_jobs as timeliness
from complaints_hc.complaints_hc.report.annual_complaints_report import annual_complaints_report
from complaints_hc.complaints_hc.report.complaints_timeliness import complaints_timeliness
from complaints_hc.complaints_hc.report.compliments_received import compliments_received
from complaints_hc.complaints_hc.report.outstanding_actions import outstanding_actions
from complaints_hc.complaints_hc.report.quarterly_learning_themes import quarterly_learning_themes
from complaints_hc.security import roles

Q1 = {"quarter": "2026-27 Q1"}


def run(report, user, **filters):
	with as_user(user):
		return report.execute(filters)


def by_key(rows, key="learning_theme"):
	return {(row.get("theme"), row[key]): row for row in rows}


def figures(row, *keys):
	return tuple(row[key] for key in keys)


THEME_KEYS = (
	"points",
	"upheld",
	"partially_upheld",
	"not_upheld",
	"other_outcome",
	"previous_points",
	"change",
)


def test_learning_themes_count_points_outcomes_change_and_training(cast, quarter):
	_columns, rows, _message, chart, summary = run(quarterly_learning_themes, cast.qa_manager, **Q1,
		team=quarter.team)  # fmt: skip
	rows = by_key(rows)
	curiosity, voice = quarter.curiosity, quarter.voice
	assert figures(rows[None, curiosity], *THEME_KEYS) == (3, 1, 0, 1, 1, 1, 2)
	assert figures(rows[None, curiosity], "workshops", "seats_booked", "attended") == (1, 2, 1)
	assert figures(rows[curiosity, "Communication"], *THEME_KEYS) == (2, 1, 0, 0, 1, 1, 1)
	assert figures(rows[curiosity, "Assessment"], *THEME_KEYS) == (1, 0, 0, 1, 0, 0, 1)
	assert figures(rows[None, voice], *THEME_KEYS) == (1, 0, 1, 0, 0, 1, 0)
	assert figures(rows[None, voice], "workshops", "seats_booked", "attended") == (0, 0, 0)
	assert figures(rows[voice, "Communication"], *THEME_KEYS) == (1, 0, 1, 0, 0, 0, 1)
	assert figures(rows[voice, "Assessment"], *THEME_KEYS) == (0, 0, 0, 0, 0, 1, -1)
	# the stage 2 asked for on 10 June: its one point (voice, communication) is not yet decided
	assert figures(rows[None, voice], "stage_2_points", "stage_2_upheld") == (1, 0)
	assert figures(rows[voice, "Communication"], "stage_2_points", "stage_2_upheld") == (1, 0)
	assert figures(rows[None, curiosity], "stage_2_points", "stage_2_upheld") == (0, 0)
	assert len(rows) == 6
	assert [s["value"] for s in summary] == ["2026-27 Q1", 4, 2, curiosity, 2]
	assert chart["data"]["labels"] == [curiosity, voice]
	assert chart["data"]["datasets"][0]["values"] == [1, 0]  # upheld


def test_a_subject_never_counts_the_complaint_that_names_them(cast, quarter):
	# cast.subject is a QA Approver (who sees every complaint) named on the May complaint.
	rows = by_key(run(quarterly_learning_themes, cast.subject, **Q1, team=quarter.team)[1])
	assert figures(rows[None, quarter.voice], "points", "previous_points", "stage_2_points") == (0, 1, 0)
	assert rows[None, quarter.curiosity]["points"] == 3
	stage_1 = run(complaints_timeliness, cast.subject, **Q1, team=quarter.team)[1][0]
	assert figures(stage_1, "received", "responded", "within_time_limit", "extensions", "restarts") == (
		3,
		2,
		2,
		0,
		0,
	)
	assert (stage_1["within_percent"], stage_1["average_days"], stage_1["worst_days"]) == (100.0, 8.5, 15)
	with on("2026-06-15"):
		actions = run(outstanding_actions, cast.qa_manager, team=quarter.team)[1]
		subjects_view = run(outstanding_actions, cast.subject, team=quarter.team)[1]
	assert sum(r["open_actions"] for r in actions) == 2
	assert sum(r["open_actions"] for r in subjects_view) == 1


def test_timeliness_per_stage(cast, quarter):
	_columns, rows, _message, chart, summary = run(
		complaints_timeliness, cast.qa_manager, **Q1, team=quarter.team
	)
	stage_1, stage_2, stage_3, ombudsman = rows
	assert figures(stage_1, "stage", "received", "responded", "within_time_limit", "within_percent") == (
		"Stage 1",
		4,
		3,
		2,
		66.7,
	)
	assert figures(stage_1, "average_days", "worst_days", "extensions", "restarts", "early_resolutions") == (
		12.7,
		21,
		1,
		1,
		1,
	)
	assert figures(stage_1, "open_now", "overdue_now") == (2, 1)  # June's, overdue; July's, on track
	assert figures(stage_2, "received", "responded", "within_percent", "open_now", "overdue_now") == (
		1,
		0,
		None,
		1,
		1,
	)
	assert stage_3["received"] == ombudsman["received"] == 0
	assert [s["value"] for s in summary] == ["2026-27 Q1", 5, 3, 66.7, 2]
	assert chart["data"]["datasets"][0]["values"] == [4, 1, 0, 0]
	# the same figures for a date range covering the quarter
	assert run(complaints_timeliness, cast.qa_manager, from_date="2026-04-01", to_date="2026-06-30",
		team=quarter.team)[1] == rows  # fmt: skip


def test_a_quarter_the_other_filters_and_a_bad_period(cast, quarter):
	stage_2_only = run(complaints_timeliness, cast.qa_manager, **Q1, team=quarter.team, stage="Stage 2")[1]
	assert [r["received"] for r in stage_2_only] == [1, 1, 0, 0]  # the complaint that reached stage 2
	other_team = run(complaints_timeliness, cast.qa_manager, **Q1, team=make_team())[1]
	assert sum(r["received"] for r in other_team) == 0
	with pytest.raises(frappe.ValidationError, match="such as 2026-27 Q1"):
		run(complaints_timeliness, cast.qa_manager, quarter="Q5 2026")
	with pytest.raises(frappe.ValidationError, match="both a from date and a to date"):
		run(complaints_timeliness, cast.qa_manager, from_date="2026-04-01")
	with pytest.raises(frappe.ValidationError, match="end on or after"):
		run(complaints_timeliness, cast.qa_manager, from_date="2026-04-01", to_date="2026-03-01")


def test_compliments_by_category_team_and_source_with_consented_quotes(cast, quarter):
	_columns, rows, message, chart, summary = run(
		compliments_received, cast.qa_manager, **Q1, team=quarter.team
	)
	assert [figures(r, "category", "source", "compliments", "may_quote") for r in rows] == [
		("Listening", "External", 2, 1),
		("Written work", "Monthly case file audit", 1, 1),
	]
	assert {r["team"] for r in rows} == {quarter.team}
	assert message.index("She listened to my son.") < message.index("A clear, current chronology.")
	assert "Not for quoting." not in message and "Next quarter." not in message
	assert [s["value"] for s in summary] == ["2026-27 Q1", 3, 2]
	assert chart["data"]["datasets"][0]["values"] == [2, 1]


def test_outstanding_actions_by_owner_with_their_age_in_working_days(cast, quarter):
	with on("2026-06-15"):
		timeliness.refresh_overdue_actions()
		_columns, rows, _message, chart, summary = run(
			outstanding_actions, cast.qa_manager, team=quarter.team
		)
		overdue_only = run(outstanding_actions, cast.qa_manager, team=quarter.team, overdue_only=1)[1]
	# raised Monday 1 June (10 working days by Monday 15 June) and Wednesday 10 June (3)
	assert rows == [{"team": quarter.team, "responsible": cast.team_manager, "open_actions": 2, "overdue": 1,
		"average_age": 6.5, "oldest_age": 10}]  # fmt: skip
	assert [figures(r, "open_actions", "oldest_age") for r in overdue_only] == [(1, 10)]
	assert [s["value"] for s in summary] == [2, 1, 10]
	assert chart["data"]["datasets"][1]["values"] == [1]


def test_the_annual_report_for_a_financial_year(cast, quarter):
	with on("2026-06-15"):
		timeliness.refresh_overdue_actions()
	_columns, rows, _message, chart, summary = run(annual_complaints_report, cast.qa_manager,
		financial_year="2026-27", team=quarter.team)  # fmt: skip
	table = {(r["section"], r["measure"]): (r["stage_1"], r["stage_2"], r["stage_3"], r["ombudsman"], r["total"])
		for r in rows}  # fmt: skip
	assert table == {
		("Complaints", "Complaints received"): (5, 1, 0, 0, 6),
		("Complaints", "Responses sent"): (3, 0, 0, 0, 3),
		("Complaints", "Responses within the time limit"): (2, 0, 0, None, 2),
		("Complaints", "Responses within the time limit (%)"): (67, None, None, None, 67),
		("Complaints", "Resolved early"): (1, 0, 0, 0, 1),
		("Complaints", "Extensions agreed"): (1, 0, 0, 0, 1),
		("Complaints", "Clocks restarted"): (1, 0, 0, 0, 1),
		("Outcomes of points", "Upheld"): (2, None, None, None, 2),
		("Outcomes of points", "Partially upheld"): (1, None, None, None, 1),
		("Outcomes of points", "Not upheld"): (1, None, None, None, 1),
		("Outcomes of points", "Open"): (1, 1, None, None, 2),
		("Learning themes", quarter.curiosity): (None, None, None, None, 4),
		("Learning themes", quarter.voice): (None, None, None, None, 1),
		("Actions", "Actions agreed"): (None, None, None, None, 3),
		("Actions", "Completed"): (None, None, None, None, 1),
		("Actions", "Verified by the QA team"): (None, None, None, None, 0),
		("Actions", "Still open"): (None, None, None, None, 2),
		("Actions", "Overdue now"): (None, None, None, None, 1),
		("Compliments", "Compliments received"): (None, None, None, None, 4),
		("Compliments", "Listening"): (None, None, None, None, 3),
		("Compliments", "Written work"): (None, None, None, None, 1),
	}
	assert [s["value"] for s in summary] == ["2026-27", 6, 67, 3, 4]
	assert chart["data"]["datasets"][0]["values"] == [5, 1, 0, 0]
	# nothing that identifies anyone: no names, references or free text of a complaint
	text = str(rows)
	assert not any(word in text for word in ("Pritchard", "LCS-", "Kai", cast.subject, cast.team_manager))
	before = run(annual_complaints_report, cast.qa_manager, financial_year="2025-26", team=quarter.team)[1]
	assert before[0]["total"] == 1  # the February complaint
	with pytest.raises(frappe.ValidationError, match="such as 2025-26"):
		run(annual_complaints_report, cast.qa_manager, financial_year="2026")


def escalations_beyond_the_quarter(cast, quarter):
	"""On top of the known quarter: the May complaint's stage 3 panel (asked for 1 September, answered
	2 November, within its limit) and its Ombudsman enquiry (11 January, decided 15 March 2027); and a
	corporate complaint of 11 May, answered on 22 May within its limit, that the Ombudsman took up
	on 15 June. Written straight onto the records, like the rest of the quarter."""
	may = frappe.get_all("Complaint", {"service_team": quarter.team, "stage": "Stage 2"}, pluck="name")[0]
	panel = frappe.get_doc({"doctype": "Stage 3 Review Panel", "complaint": may, "requested_on": "2026-09-01",
		"procedure": "Statutory (Children Act 1989)",
		"requested_via": "Email", "remaining_concerns": "Still unhappy", "status": "Responded",
		"workflow_state": "Responded", "timeliness": "Met", "response_sent_on": "2026-11-02",
		"working_days_taken": 44})  # fmt: skip
	with on("2026-05-11"):
		corporate = make_complaint(
			cast, received_on="2026-05-11", procedure="Corporate", service_team=quarter.team
		)
	frappe.db.set_value("Complaint", corporate.name, {"status": "Responded", "acknowledged_on": "2026-05-12",
		"responded_on": "2026-05-22", "timescale_met": "Met", "working_days_taken": 9, "stage": "Ombudsman"})  # fmt: skip
	enquiries = [
		{"complaint": may, "procedure": "Statutory (Children Act 1989)", "ombudsman_reference": "26 100 001",
			"requested_on": "2027-01-11",
			"final_decision_on": "2027-03-15", "status": "Final Decision", "workflow_state": "Final Decision"},
		{"complaint": corporate.name, "procedure": "Corporate", "ombudsman_reference": "26 100 002",
			"requested_on": "2026-06-15",
			"status": "Enquiry", "workflow_state": "Enquiry"},
	]  # fmt: skip
	for record in (panel, *(frappe.get_doc({"doctype": "Ombudsman Enquiry", **e}) for e in enquiries)):
		record.set_new_name()
		record.db_insert()


def test_the_annual_report_counts_every_stage_and_keeps_the_procedures_apart(cast, quarter):
	escalations_beyond_the_quarter(cast, quarter)

	def annual(**filters):
		rows = run(annual_complaints_report, cast.qa_manager, financial_year="2026-27", team=quarter.team,
			**filters)[1]  # fmt: skip
		return {r["measure"]: (r["stage_1"], r["stage_2"], r["stage_3"], r["ombudsman"], r["total"])
			for r in rows if r["section"] == "Complaints"}  # fmt: skip

	statutory = annual()
	assert annual(procedure="Statutory (Children Act 1989)") == statutory
	assert statutory["Complaints received"] == (5, 1, 1, 1, 8)
	assert statutory["Responses sent"] == (
		3,
		0,
		1,
		1,
		5,
	)  # the Ombudsman's final decision counts as its answer
	assert statutory["Responses within the time limit"] == (2, 0, 1, None, 3)
	assert statutory["Responses within the time limit (%)"] == (67, None, 100, None, 75)
	corporate = annual(procedure="Corporate")
	assert corporate["Complaints received"] == (1, 0, 0, 1, 2)
	assert corporate["Responses sent"] == (1, 0, 0, 0, 1)
	assert corporate["Responses within the time limit (%)"] == (100, None, None, None, 100)

	def timeliness_rows(**filters):
		return {r["stage"]: r for r in run(complaints_timeliness, cast.qa_manager, **Q1, team=quarter.team,
			**filters)[1]}  # fmt: skip

	assert timeliness_rows()["Stage 1"]["received"] == 4  # the corporate complaint is not a statutory one
	corporate_quarter = timeliness_rows(procedure="Corporate")
	assert figures(
		corporate_quarter["Stage 1"], "received", "responded", "within_time_limit", "average_days"
	) == (
		1,
		1,
		1,
		9.0,
	)
	assert corporate_quarter["Ombudsman"]["received"] == 1 and corporate_quarter["Stage 2"]["received"] == 0


@pytest.mark.parametrize(
	"report",
	[
		"Annual Complaints Report",
		"Quarterly Learning Themes",
		"Complaints Timeliness",
		"Compliments Received",
		"Training Needs",
		"Training Impact",
		"Learning Meeting Pack",
		"Outstanding Actions",
	],
)
def test_staff_without_a_complaints_role_cannot_run_the_reports(report):
	for user in (make_user("reports.staff"), make_user("reports.booker", roles.WORKSHOP_BOOKER)):
		with as_user(user):
			assert not frappe.get_doc("Report", report).is_permitted()


def test_a_report_stopped_by_a_bad_filter_stays_a_live_report(cast):
	"""Frappe switches a script report still running after 15 seconds to a prepared report for everyone;
	a run stopped by an error must not leave that switch waiting (operations/reports.py)."""
	import threading

	from frappe.core.doctype.report.report import enable_prepared_report

	def switches_waiting():
		return [thread for thread in threading.enumerate() if isinstance(thread, threading.Timer)
			and thread.function is enable_prepared_report and not thread.finished.is_set()
			and thread.kwargs.get("report") == "Complaints Timeliness"]  # fmt: skip

	report = frappe.get_doc("Report", "Complaints Timeliness")
	assert not report.prepared_report and not switches_waiting()
	with as_user(cast.qa_manager), pytest.raises(frappe.ValidationError, match="such as 2026-27 Q1"):
		report.execute_script_report({"quarter": "Q5 2026"})
	assert not switches_waiting()
	with as_user(cast.qa_manager):
		report.execute_script_report(Q1)  # a good run cancels its own, as Frappe does
	assert not switches_waiting()
