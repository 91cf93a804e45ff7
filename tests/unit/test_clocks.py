"""Stage 1 rules: clocks, timeliness, the overall outcome and the one-year limit, counted by hand."""

import datetime

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
