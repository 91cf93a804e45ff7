"""The later stages' clocks and rules, each date counted by hand over bank holidays (England and Wales).

Easter 2026: Good Friday 3 April and Easter Monday 6 April; early May bank holiday 4 May.
Christmas 2026: Christmas Day Friday 25 December, Boxing Day (a Saturday) substituted on Monday 28
December, New Year's Day Friday 1 January 2027.
"""

import dataclasses
import datetime

import pytest

from complaints_hc.complaints import later_stages as stages
from complaints_hc.complaints.names import MET, MISSED
from complaints_hc.working_days.engine import england_and_wales_calendar

D = datetime.date
CAL = england_and_wales_calendar()


def test_the_next_stage_window_runs_20_working_days_over_christmas():
	# Fri 18 Dec: 21-24 Dec are 1-4, 29-31 Dec 5-7, 4-8 Jan 8-12, 11-15 Jan 13-17, 18-20 Jan 18-20.
	assert stages.next_stage_window_ends(CAL, D(2026, 12, 18)) == D(2027, 1, 20)
	assert stages.next_stage_window_ends(CAL, D(2026, 12, 18), window=5) == D(2026, 12, 29)


def test_a_request_after_the_window_needs_a_decision_and_one_before_the_response_is_refused():
	responded = D(2026, 12, 18)
	assert stages.request_problems(CAL, responded, D(2027, 1, 20), None) == []
	assert stages.request_problems(CAL, responded, D(2027, 1, 21), None) == [
		stages.LATE_REQUEST_WITHOUT_DECISION
	]
	assert stages.request_problems(CAL, responded, D(2027, 1, 21), "Accepted: in hospital") == []
	assert stages.request_problems(CAL, None, D(2027, 1, 4), None) == [stages.REQUEST_BEFORE_RESPONSE]
	assert stages.request_problems(CAL, responded, D(2026, 12, 17), None) == [stages.REQUEST_BEFORE_RESPONSE]


def test_stage_2_runs_25_and_at_most_65_working_days_over_easter():
	# The worked example of the design notes: Wed 1 April 2026.
	clock = stages.stage2_clock(CAL, D(2026, 4, 1))
	assert clock.due_on == D(2026, 5, 11)
	assert clock.longest_due_on == D(2026, 7, 7)
	assert clock.response_due_on == clock.due_on
	assert clock.met is None and clock.working_days_taken is None


def test_stage_2_met_or_missed_against_the_extended_date():
	on_time = stages.stage2_clock(CAL, D(2026, 4, 1), extended_to=D(2026, 6, 30), responded_on=D(2026, 6, 30))
	assert (on_time.response_due_on, on_time.met) == (D(2026, 6, 30), MET)
	assert on_time.working_days_taken == 60  # 7 July is day 65, five working days later
	late = stages.stage2_clock(CAL, D(2026, 4, 1), responded_on=D(2026, 5, 12))
	assert (late.met, late.working_days_taken) == (MISSED, 26)


def test_a_stage_2_extension_needs_a_reason_a_new_date_told_and_stops_at_65_days():
	requested = D(2026, 4, 1)
	good = stages.stage2_extension_problems(
		CAL, requested, D(2026, 7, 7), "Independent Person ill", D(2026, 5, 5)
	)
	assert good == []
	sixty_sixth = stages.stage2_extension_problems(
		CAL, requested, D(2026, 7, 8), "More interviews", D(2026, 5, 5)
	)
	assert sixty_sixth == [stages.EXTENSION_TOO_LONG]
	bare = stages.stage2_extension_problems(CAL, requested, D(2026, 6, 1), "  ", None)
	assert bare == [stages.EXTENSION_WITHOUT_REASON, stages.EXTENSION_WITHOUT_NEW_DATE_TOLD]
	assert stages.stage2_extension_problems(CAL, requested, D(2026, 5, 11), "x", D(2026, 5, 5)) == [
		stages.EXTENSION_BEFORE_DUE
	]
	assert stages.stage2_extension_problems(CAL, requested, None, None, None) == []


def test_the_stage_3_panel_clocks_over_christmas_and_new_year():
	# Mon 14 Dec 2026: 15-24 Dec are 1-8, 29-31 Dec 9-11, 4-8 Jan 12-16, 11-15 Jan 17-21,
	# 18-22 Jan 22-26, 25-28 Jan 27-30.
	clock = stages.stage3_clock(CAL, D(2026, 12, 14))
	assert clock.meeting_due_on == D(2027, 1, 28)
	assert clock.report_due_on is None and clock.response_due_on is None
	clock = stages.stage3_clock(CAL, D(2026, 12, 14), meeting_on=D(2027, 1, 21), report_on=D(2027, 1, 29),
		report_received_on=D(2027, 1, 29), responded_on=D(2027, 2, 19))  # fmt: skip
	assert clock.meeting_met == MET
	assert clock.report_due_on == D(2027, 1, 28) and clock.report_met == MISSED
	assert clock.response_due_on == D(2027, 2, 19) and clock.response_met == MET


def test_the_panels_dates_must_come_in_order():
	meeting = D(2027, 1, 21)
	assert stages.stage3_date_problems(meeting, D(2027, 1, 20), None, None) == [stages.REPORT_BEFORE_MEETING]
	assert stages.stage3_date_problems(None, D(2027, 1, 20), None, None) == [stages.REPORT_BEFORE_MEETING]
	assert stages.stage3_date_problems(meeting, D(2027, 1, 22), D(2027, 1, 21), None) == [
		stages.REPORT_RECEIVED_BEFORE_REPORT
	]
	assert stages.stage3_date_problems(meeting, D(2027, 1, 22), D(2027, 1, 25), D(2027, 1, 24)) == [
		stages.RESPONSE_BEFORE_REPORT
	]
	assert stages.stage3_date_problems(meeting, meeting, meeting, meeting) == []


def test_the_panel_is_three_people_one_chairing_without_the_stage_2_independent_person():
	panel = [("Ruth Adeyemi", True), ("Colin Marsh", False), ("Priya Nair", False)]
	assert stages.panel_problems(panel, {"Hannah Cole"}) == []
	with_ip = [("Ruth Adeyemi", True), ("Hannah Cole", False), ("Priya Nair", False)]
	assert stages.panel_problems(with_ip, {"Hannah Cole"}) == [stages.INDEPENDENT_PERSON_ON_PANEL]
	assert stages.panel_problems(panel[:2], set()) == [stages.PANEL_NOT_THREE]
	assert stages.panel_problems(panel[:2], set(), complete=False) == []  # still being formed
	assert stages.panel_problems([("Colin Marsh", False)], set(), complete=False) == []
	two_chairs = [("Ruth Adeyemi", True), ("Colin Marsh", True), ("Priya Nair", False)]
	assert stages.panel_problems(two_chairs, set()) == [stages.PANEL_CHAIRS_NOT_ONE]
	assert stages.panel_problems(two_chairs[:2], set(), complete=False) == [stages.PANEL_CHAIRS_NOT_ONE]
	four = [*panel, ("Dev Patel", False)]
	assert stages.panel_problems(four, set(), complete=False) == [stages.PANEL_NOT_THREE]


def test_the_corporate_clocks_over_christmas():
	# Received Wed 23 Dec 2026: 24 Dec is 1, 29-31 Dec 2-4, Mon 4 Jan 5.
	clock = stages.corporate_clock(CAL, D(2026, 12, 23))
	assert clock.acknowledge_by == D(2027, 1, 4) and clock.response_due_on is None
	# Acknowledged Thu 24 Dec: 29-31 Dec are 1-3, 4-8 Jan 4-8, 11-12 Jan 9-10; ten more to Tue 26 Jan.
	clock = stages.corporate_clock(
		CAL, D(2026, 12, 23), acknowledged_on=D(2026, 12, 24), responded_on=D(2027, 1, 13)
	)
	assert clock.acknowledgement_met == MET
	assert clock.response_due_on == D(2027, 1, 12) and clock.longest_due_on == D(2027, 1, 26)
	assert clock.response_met == MISSED


def test_a_corporate_extension_is_at_most_ten_working_days_with_a_reason():
	received, acknowledged = D(2026, 12, 23), D(2026, 12, 24)
	assert (
		stages.corporate_extension_problems(CAL, received, acknowledged, D(2027, 1, 26), "Awaiting school")
		== []
	)
	assert stages.corporate_extension_problems(CAL, received, acknowledged, D(2027, 1, 27), "x") == [
		stages.EXTENSION_TOO_LONG
	]
	assert stages.corporate_extension_problems(CAL, received, None, D(2027, 1, 20), "") == [
		stages.EXTENSION_BEFORE_DUE,
		stages.EXTENSION_WITHOUT_REASON,
	]


def test_a_request_on_the_day_of_the_response_is_in_time():
	assert stages.request_problems(CAL, D(2026, 12, 18), D(2026, 12, 18), None) == []


def test_an_extension_without_any_reason_given_has_none():
	assert stages.stage2_extension_problems(CAL, D(2026, 4, 1), D(2026, 6, 1), None, D(2026, 5, 5)) == [
		stages.EXTENSION_WITHOUT_REASON
	]
	received, acknowledged = D(2026, 12, 23), D(2026, 12, 24)
	assert stages.corporate_extension_problems(CAL, received, acknowledged, D(2027, 1, 20), None) == [
		stages.EXTENSION_WITHOUT_REASON
	]


def test_a_corporate_extension_to_the_due_date_itself_extends_nothing():
	# Acknowledged Thu 24 Dec 2026: due Tue 12 Jan 2027; the next working day is an extension.
	received, acknowledged = D(2026, 12, 23), D(2026, 12, 24)
	assert stages.corporate_extension_problems(CAL, received, acknowledged, D(2027, 1, 12), "x") == [
		stages.EXTENSION_BEFORE_DUE
	]
	assert stages.corporate_extension_problems(CAL, received, acknowledged, D(2027, 1, 13), "x") == []


def test_the_clocks_once_computed_cannot_be_changed():
	clocks = [
		stages.stage2_clock(CAL, D(2026, 4, 1)),
		stages.stage3_clock(CAL, D(2026, 12, 14)),
		stages.corporate_clock(CAL, D(2026, 12, 23)),
	]
	for clock in clocks:
		with pytest.raises(dataclasses.FrozenInstanceError):
			clock.requested_on = D(2026, 1, 1)


def test_each_problem_has_its_own_code():
	"""The records look up a message by the code: two problems sharing one would show the wrong one."""
	codes = [
		stages.EXTENSION_TOO_LONG,
		stages.EXTENSION_WITHOUT_REASON,
		stages.EXTENSION_WITHOUT_NEW_DATE_TOLD,
		stages.EXTENSION_BEFORE_DUE,
		stages.REPORT_BEFORE_MEETING,
		stages.REPORT_RECEIVED_BEFORE_REPORT,
		stages.RESPONSE_BEFORE_REPORT,
		stages.INDEPENDENT_PERSON_ON_PANEL,
		stages.PANEL_NOT_THREE,
		stages.PANEL_CHAIRS_NOT_ONE,
		stages.LATE_REQUEST_WITHOUT_DECISION,
		stages.REQUEST_BEFORE_RESPONSE,
	]
	assert len(set(codes)) == len(codes)
