"""Stage 1 rules: clocks, timeliness, the overall outcome and the one-year limit, counted by hand."""

import dataclasses
import datetime
import json
import pathlib

import pytest

from complaints_hc.complaints import clocks as stage_one
from complaints_hc.complaints import names
from complaints_hc.working_days.engine import england_and_wales_calendar

D = datetime.date
CAL = england_and_wales_calendar()


def test_clocks_over_easter_with_an_agreed_15_days():
	clocks = stage_one.stage1_clocks(CAL, received_on=D(2026, 3, 23), agreed_timescale=15)
	assert clocks.day_zero == D(2026, 3, 23)
	assert clocks.contact_by == D(2026, 3, 25)
	assert clocks.draft_by == D(2026, 4, 8)
	assert clocks.due_date == D(2026, 4, 15)
	assert clocks.qa_by == D(2026, 4, 13)
	assert clocks.responded_on is None and clocks.working_days_taken is None and clocks.timescale_met is None


def test_clocks_over_christmas_before_a_timescale_is_agreed():
	clocks = stage_one.stage1_clocks(CAL, received_on=D(2025, 12, 19))
	assert clocks.contact_by == D(2025, 12, 23)
	assert clocks.due_date == D(2026, 1, 7)  # the statutory 10 working days
	assert clocks.qa_by == D(2026, 1, 5)


def test_a_restart_moves_day_zero_but_not_the_contact_deadline():
	clocks = stage_one.stage1_clocks(
		CAL, received_on=D(2026, 3, 23), restarted_on=D(2026, 3, 27), agreed_timescale=10
	)
	assert clocks.day_zero == D(2026, 3, 27)
	assert clocks.contact_by == D(2026, 3, 25)
	assert clocks.due_date == D(2026, 4, 14)


def test_an_extension_replaces_the_due_date_and_moves_quality_assurance():
	clocks = stage_one.stage1_clocks(
		CAL, received_on=D(2026, 3, 23), agreed_timescale=15, extended_to=D(2026, 4, 29)
	)
	assert clocks.due_date == D(2026, 4, 29)
	assert clocks.qa_by == D(2026, 4, 27)
	assert clocks.draft_by == D(2026, 4, 8), "the draft deadline counts from day 0"


@pytest.mark.parametrize(
	"responded_on, taken, met",
	[(D(2026, 4, 29), 25, names.MET), (D(2026, 4, 30), 26, names.MISSED)],
)
def test_working_days_taken_and_whether_the_limit_was_met(responded_on, taken, met):
	clocks = stage_one.stage1_clocks(
		CAL, received_on=D(2026, 3, 23), extended_to=D(2026, 4, 29), responded_on=responded_on
	)
	assert clocks.working_days_taken == taken
	assert clocks.timescale_met == met


@pytest.mark.parametrize(
	"today, responded_on, is_open, expected",
	[
		(D(2026, 4, 1), None, True, names.ON_TRACK),  # 7 working days before the due date
		(D(2026, 4, 9), None, True, names.DUE_SOON),  # 3 working days before
		(D(2026, 4, 14), None, True, names.DUE_SOON),  # the due date itself
		(D(2026, 4, 15), None, True, names.OVERDUE),
		(D(2026, 4, 20), D(2026, 4, 14), False, names.MET),
		(D(2026, 4, 20), D(2026, 4, 15), False, names.MISSED),
		(D(2026, 4, 20), None, False, ""),  # withdrawn
	],
)
def test_timeliness(today, responded_on, is_open, expected):
	due = D(2026, 4, 14)
	assert stage_one.timeliness(CAL, due, responded_on, today, due_soon_within=3, is_open=is_open) == expected


@pytest.mark.parametrize(
	"outcomes, expected",
	[
		([], ""),
		(["Upheld", None], ""),
		(["Upheld", ""], ""),
		(["Upheld", "Upheld"], "Upheld"),
		(["Not upheld", "Not upheld"], "Not upheld"),
		(["Upheld", "Not upheld"], "Partially upheld"),
		(["Partially upheld"], "Partially upheld"),
		(["Upheld", "Withdrawn"], "Upheld"),
		(["Not upheld", "Not investigated"], "Not upheld"),
		(["Withdrawn", "Withdrawn"], "Withdrawn"),
		(["Withdrawn", "Not investigated"], "Not investigated"),
	],
)
def test_overall_outcome_is_derived_from_the_points(outcomes, expected):
	assert stage_one.overall_outcome(outcomes) == expected


@pytest.mark.parametrize(
	"events, received, late",
	[
		(None, D(2026, 3, 23), False),
		(D(2025, 3, 23), D(2026, 3, 23), False),  # exactly a year
		(D(2025, 3, 22), D(2026, 3, 23), True),
		(D(2023, 2, 28), D(2024, 2, 29), False),  # a year before 29 February
		(D(2023, 2, 27), D(2024, 2, 29), True),
	],
)
def test_one_year_limit(events, received, late):
	assert stage_one.is_late(events, received) is late


@pytest.mark.parametrize("days, ok", [(9, False), (10, True), (15, True), (20, True), (21, False)])
def test_agreed_timescale_is_10_to_20_working_days(days, ok):
	assert stage_one.valid_timescale(days) is ok


def test_due_soon_bound_agrees_with_counting_working_days():
	today = D(2026, 4, 1)
	bound = stage_one.due_soon_bound(CAL, today, 3)
	assert bound == D(2026, 4, 9)  # the 4th working day after: 2, 7, 8, 9 April (Easter in between)
	for offset in range(0, 30):
		due = today + datetime.timedelta(days=offset)
		assert (due < bound) == (CAL.working_days_between(today, due) <= 3), due


def test_a_corporate_complaint_over_christmas_on_its_own_clocks():
	# Received Wed 23 Dec 2026; acknowledge by the 5th working day, Mon 4 Jan 2027.
	waiting = stage_one.corporate_response_clocks(CAL, received_on=D(2026, 12, 23))
	assert waiting.acknowledge_by == waiting.contact_by == D(2027, 1, 4)
	# not yet acknowledged: due as if acknowledged on 4 Jan (5-8 Jan, 11-15 Jan, 18 Jan)
	assert waiting.due_date == D(2027, 1, 18) and waiting.acknowledgement_met is None
	# acknowledged 24 Dec: 29-31 Dec, 4-8 Jan, 11-12 Jan; ten more to 26 Jan; QA two days before
	answered = stage_one.corporate_response_clocks(
		CAL, received_on=D(2026, 12, 23), acknowledged_on=D(2026, 12, 24), responded_on=D(2027, 1, 13)
	)
	assert (answered.due_date, answered.longest_due_date, answered.qa_by) == (
		D(2027, 1, 12),
		D(2027, 1, 26),
		D(2027, 1, 8),
	)
	assert answered.acknowledgement_met == names.MET and answered.timescale_met == names.MISSED
	assert answered.working_days_taken == 12  # 24 Dec, 29-31 Dec, 4-8 Jan, 11-13 Jan
	extended = stage_one.corporate_response_clocks(
		CAL, D(2026, 12, 23), D(2026, 12, 24), extended_to=D(2027, 1, 26), responded_on=D(2027, 1, 13)
	)
	assert extended.due_date == D(2027, 1, 26) and extended.timescale_met == names.MET
	late = stage_one.corporate_response_clocks(CAL, D(2026, 12, 23), acknowledged_on=D(2027, 1, 5))
	assert late.acknowledgement_met == names.MISSED


def test_the_corporate_first_alert_is_the_acknowledgement_not_the_contact():
	day, received = D(2027, 1, 4), names.RECEIVED

	def due(corporate, acknowledged=False):
		return stage_one.early_alerts_due(day, received, D(2027, 1, 5), day, acknowledged, D(2027, 1, 8),
			corporate=corporate)  # fmt: skip

	assert due(corporate=True) == {stage_one.ACKNOWLEDGEMENT_ALERT}
	assert due(corporate=False) == {stage_one.CONTACT_ALERT}
	assert due(corporate=True, acknowledged=True) == set()


def test_allocation_is_due_the_working_day_after_receipt():
	"""Day 1: received on the Thursday before Easter 2026, allocated on the Tuesday after it."""
	assert stage_one.allocation_due(CAL, D(2026, 4, 2)) == D(2026, 4, 7)
	assert stage_one.stage1_clocks(CAL, received_on=D(2026, 4, 2)).allocation_due == D(2026, 4, 7)
	assert stage_one.allocation_due(CAL, D(2026, 3, 23)) == D(2026, 3, 24)


def test_statutory_clocks_have_none_of_the_corporate_dates():
	clocks = stage_one.stage1_clocks(CAL, received_on=D(2026, 3, 23))
	assert clocks.acknowledge_by is None
	assert clocks.acknowledgement_met is None
	assert clocks.longest_due_date is None


def test_clocks_once_computed_cannot_be_changed():
	clocks = stage_one.stage1_clocks(CAL, received_on=D(2026, 3, 23))
	with pytest.raises(dataclasses.FrozenInstanceError):
		clocks.due_date = D(2026, 5, 1)


@pytest.mark.parametrize(
	"today, expected",
	[
		(D(2026, 4, 8), names.ON_TRACK),  # 4 working days before the due date: 9, 10, 13, 14 April
		(D(2026, 4, 9), names.DUE_SOON),  # 3 working days before
		(D(2026, 4, 15), names.OVERDUE),
	],
)
def test_timeliness_by_default_counts_3_working_days_as_due_soon_for_an_open_complaint(today, expected):
	assert stage_one.timeliness(CAL, D(2026, 4, 14), None, today) == expected


def test_a_due_date_on_the_bound_itself_is_still_on_track():
	"""From Wed 1 April 2026 the bound is Thu 9 April (2, 7, 8, 9 April: Easter in between)."""
	today = D(2026, 4, 1)
	assert stage_one.timeliness(CAL, D(2026, 4, 9), None, today, due_soon_within=3) == names.ON_TRACK
	assert stage_one.timeliness(CAL, D(2026, 4, 8), None, today, due_soon_within=3) == names.DUE_SOON


def test_a_corporate_response_on_its_due_date_is_in_time():
	# Acknowledged Thu 24 Dec 2026: due Tue 12 Jan 2027 (see the Christmas example above).
	clocks = stage_one.corporate_response_clocks(
		CAL, received_on=D(2026, 12, 23), acknowledged_on=D(2026, 12, 24), responded_on=D(2027, 1, 12)
	)
	assert clocks.due_date == D(2027, 1, 12) and clocks.timescale_met == names.MET


def test_a_corporate_complaint_not_yet_acknowledged_has_a_provisional_longest_date():
	"""Due Mon 18 Jan 2027 as if acknowledged on its last day; an extension could go 10 working days
	further: 19-22 and 25-29 January, then Mon 1 February."""
	waiting = stage_one.corporate_response_clocks(CAL, received_on=D(2026, 12, 23))
	assert waiting.due_date == D(2027, 1, 18)
	assert waiting.longest_due_date == D(2027, 2, 1)


# The early alerts of a complaint received Mon 23 March 2026: allocation due Tue 24, contact by Wed 25,
# quality assurance by Thu 2 April.
ALLOCATE_BY, CONTACT_BY, QA_BY = D(2026, 3, 24), D(2026, 3, 25), D(2026, 4, 2)


def early_alerts(today, status, contacted=False):
	return stage_one.early_alerts_due(today, status, ALLOCATE_BY, CONTACT_BY, contacted, QA_BY)


@pytest.mark.parametrize(
	"today, status, contacted, expected",
	[
		(D(2026, 3, 23), names.RECEIVED, False, set()),  # before any clock's day
		(D(2026, 3, 24), names.RECEIVED, False, {stage_one.ALLOCATION_ALERT}),  # on the day itself
		(D(2026, 3, 24), names.ALLOCATED, False, set()),  # already allocated
		(D(2026, 3, 25), names.RECEIVED, False, {stage_one.ALLOCATION_ALERT, stage_one.CONTACT_ALERT}),
		(D(2026, 3, 25), names.ALLOCATED, True, set()),  # already contacted
		(D(2026, 4, 1), names.IN_PROGRESS, True, set()),
		(D(2026, 4, 2), names.IN_PROGRESS, True, {stage_one.QA_ALERT}),
		(D(2026, 4, 2), names.ALLOCATED, True, {stage_one.QA_ALERT}),
		(D(2026, 4, 2), names.QUALITY_ASSURANCE, True, set()),  # already with quality assurance
		(D(2026, 4, 6), names.WITHDRAWN, False, set()),  # a withdrawn complaint raises none
	],
)
def test_early_alerts_go_out_on_their_day_while_the_step_is_undone(today, status, contacted, expected):
	"""The statutory procedure (the default): the first contact's alert is the contact's."""
	assert early_alerts(today, status, contacted) == expected


def test_the_early_alerts_names_methods_and_flags():
	"""The daily job reports the alerts by these names; each has its Notification (a method on the
	Complaint) and the Complaint's check field that records it was sent."""
	app = pathlib.Path(stage_one.__file__).parent.parent
	assert (stage_one.ALLOCATION_ALERT, stage_one.CONTACT_ALERT) == ("allocation", "contact")
	assert (stage_one.ACKNOWLEDGEMENT_ALERT, stage_one.QA_ALERT) == ("acknowledgement", "qa")
	alerts = {"allocation", "contact", "acknowledgement", "qa"}
	assert stage_one.ALERT_METHODS == {alert: f"notify_{alert}_due" for alert in alerts}
	assert stage_one.ALERT_SENT_FIELDS == {alert: f"{alert}_alert_sent" for alert in alerts}
	notifications = json.loads((app / "setup" / "defaults" / "notifications.json").read_text())
	methods = {
		n["method"] for n in notifications if n["document_type"] == "Complaint" and n["event"] == "Method"
	}
	assert set(stage_one.ALERT_METHODS.values()) <= methods
	complaint = json.loads((app / "complaints_hc" / "doctype" / "complaint" / "complaint.json").read_text())
	checks = {f["fieldname"] for f in complaint["fields"] if f["fieldtype"] == "Check"}
	assert set(stage_one.ALERT_SENT_FIELDS.values()) <= checks
