"""The working-day engine: hand-checked England & Wales dates, bad input, and a reference model."""

import datetime
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints_hc.working_days.engine import (
	FIRST_SUPPORTED,
	LAST_SUPPORTED,
	WorkingCalendar,
	country_calendar,
	england_and_wales_calendar,
	public_holidays,
)

D = datetime.date
CAL = england_and_wales_calendar()


# Worked examples from the design notes, checked by hand against the published bank holidays.
@pytest.mark.parametrize(
	"start, n, due",
	[
		(D(2025, 12, 19), 10, D(2026, 1, 7)),  # over Christmas and New Year 2025/26
		(D(2026, 3, 23), 10, D(2026, 4, 8)),  # over Easter 2026
		(D(2026, 4, 1), 25, D(2026, 5, 11)),  # stage 2 ordinary limit
		(D(2026, 4, 1), 65, D(2026, 7, 7)),  # stage 2 longest limit
	],
)
def test_design_notes_worked_examples(start, n, due):
	assert CAL.add_working_days(start, n) == due
	assert CAL.working_days_between(start, due) == n


def test_quality_assurance_two_working_days_before_the_deadline():
	assert CAL.add_working_days(D(2026, 4, 8), -2) == D(2026, 4, 2)  # over Good Friday and Easter Monday


@pytest.mark.parametrize(
	"day",
	[
		D(2025, 12, 25),
		D(2025, 12, 26),
		D(2026, 1, 1),
		D(2026, 4, 3),  # Good Friday
		D(2026, 4, 6),  # Easter Monday
		D(2026, 12, 25),
		D(2026, 12, 28),  # substitute for Boxing Day 2026, a Saturday
		D(2022, 6, 2),  # Spring bank holiday moved for the Platinum Jubilee
		D(2022, 6, 3),  # Platinum Jubilee
		D(2022, 9, 19),  # State funeral of Queen Elizabeth II
		D(2023, 5, 8),  # Coronation of King Charles III
		D(1999, 12, 31),  # Millennium
	],
)
def test_bank_holidays_are_not_working_days(day):
	assert day.weekday() < 5
	assert not CAL.is_working_day(day)


def test_ordinary_days_and_weekends():
	assert CAL.is_working_day(D(2026, 12, 24))
	assert CAL.is_working_day(D(2022, 5, 30))  # the usual late-May bank holiday moved away in 2022
	assert not CAL.is_working_day(D(2026, 11, 28))  # Saturday
	assert not CAL.is_working_day(D(2026, 11, 29))  # Sunday


def test_christmas_2026_with_its_substitute_boxing_day():
	assert CAL.add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)
	assert CAL.add_working_days(D(2026, 12, 24), 5) == D(2027, 1, 5)  # New Year's Day 2027 is a Friday
	assert CAL.working_days_between(D(2026, 12, 24), D(2027, 1, 5)) == 5


def test_one_off_bank_holidays_of_2022_and_2023():
	assert CAL.add_working_days(D(2022, 6, 1), 1) == D(2022, 6, 6)
	assert CAL.add_working_days(D(2022, 9, 16), 1) == D(2022, 9, 20)
	assert CAL.add_working_days(D(2023, 5, 5), 1) == D(2023, 5, 9)


def test_receipt_on_a_weekend_counts_from_the_next_working_day():
	saturday = D(2026, 3, 21)
	assert CAL.add_working_days(saturday, 1) == D(2026, 3, 23)
	assert CAL.add_working_days(saturday, 10) == D(2026, 4, 7)  # Good Friday and Easter Monday skipped


def test_receipt_on_a_bank_holiday_counts_from_the_next_working_day():
	assert CAL.add_working_days(D(2026, 4, 3), 1) == D(2026, 4, 7)
	assert CAL.add_working_days(D(2025, 12, 25), 2) == D(2025, 12, 30)


def test_negative_offsets_count_backwards():
	assert CAL.add_working_days(D(2026, 3, 23), -1) == D(2026, 3, 20)  # Monday back to Friday
	assert CAL.add_working_days(D(2026, 3, 28), -1) == D(2026, 3, 27)  # from a Saturday
	assert CAL.add_working_days(D(2026, 1, 2), -1) == D(2025, 12, 31)  # over New Year's Day
	assert CAL.add_working_days(D(2026, 4, 7), -1) == D(2026, 4, 2)  # over Easter


def test_zero_offset_is_the_start_itself_even_on_a_weekend():
	assert CAL.add_working_days(D(2026, 3, 21), 0) == D(2026, 3, 21)
	assert CAL.add_working_days(D(2026, 3, 23), 0) == D(2026, 3, 23)


def test_working_days_between_in_both_directions():
	assert CAL.working_days_between(D(2026, 3, 20), D(2026, 3, 23)) == 1  # Friday to Monday
	assert CAL.working_days_between(D(2026, 3, 23), D(2026, 3, 20)) == -1
	assert CAL.working_days_between(D(2026, 3, 21), D(2026, 3, 22)) == 0  # Saturday to Sunday
	assert CAL.working_days_between(D(2026, 3, 23), D(2026, 3, 23)) == 0
	assert CAL.working_days_between(D(2026, 1, 7), D(2025, 12, 19)) == -10


def test_extra_non_working_days_move_the_deadline():
	closures = [D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)]
	with_closures = england_and_wales_calendar(closures)
	assert with_closures.add_working_days(D(2026, 12, 24), 1) == D(2027, 1, 4)
	assert not with_closures.is_working_day(D(2026, 12, 30))
	assert CAL.is_working_day(D(2026, 12, 30)), "the default calendar must not change"


@pytest.mark.parametrize(
	"call, error",
	[
		(lambda: CAL.add_working_days(datetime.datetime(2026, 3, 23, 9, 0), 1), TypeError),
		(lambda: CAL.add_working_days("2026-03-23", 1), TypeError),
		(lambda: CAL.add_working_days(None, 1), TypeError),
		(lambda: CAL.add_working_days(D(2026, 3, 23), 1.5), TypeError),
		(lambda: CAL.add_working_days(D(2026, 3, 23), "10"), TypeError),
		(lambda: CAL.add_working_days(D(2026, 3, 23), True), TypeError),
		(lambda: CAL.is_working_day(datetime.datetime(2026, 3, 23)), TypeError),
		(lambda: CAL.working_days_between(D(2026, 3, 23), "2026-04-01"), TypeError),
		(lambda: CAL.add_working_days(D(1989, 12, 31), 1), ValueError),
		(lambda: CAL.add_working_days(D(2101, 1, 1), 1), ValueError),
		(lambda: CAL.working_days_between(D(2026, 1, 1), D(2200, 1, 1)), ValueError),
		(lambda: WorkingCalendar([], weekend=(7,)), ValueError),
		(lambda: WorkingCalendar([], weekend=range(7)), ValueError),
		(lambda: WorkingCalendar([datetime.datetime(2026, 1, 1)]), TypeError),
		(lambda: england_and_wales_calendar(["2026-12-29"]), TypeError),
	],
)
def test_wrong_input_raises_a_clear_error(call, error):
	with pytest.raises(error):
		call()


@pytest.mark.parametrize("n", [10**6, -(10**6), 10**12])
def test_absurd_offsets_fail_fast_instead_of_walking(n):
	started = time.process_time()
	with pytest.raises(ValueError, match="outside the calendar"):
		CAL.add_working_days(D(2026, 3, 23), n)
	# A guard against an unbounded walk: generous enough never to depend on machine load.
	assert time.process_time() - started < 1.0


def test_edges_of_the_supported_range():
	assert CAL.add_working_days(FIRST_SUPPORTED, -5) < FIRST_SUPPORTED
	assert CAL.add_working_days(LAST_SUPPORTED, 65) > LAST_SUPPORTED


# --- the reference model: a plain day-by-day walk, obviously right and slow ------------------


def reference_add(non_working, weekend, start, n):
	day, step, left = start, (1 if n > 0 else -1), abs(n)
	while left:
		day += datetime.timedelta(days=step)
		if day.weekday() not in weekend and day not in non_working:
			left -= 1
	return day


def reference_between(non_working, weekend, start, end):
	if end < start:
		return -reference_between(non_working, weekend, end, start)
	count, day = 0, start
	while day < end:
		day += datetime.timedelta(days=1)
		count += day.weekday() not in weekend and day not in non_working
	return count


supported_dates = st.dates(min_value=FIRST_SUPPORTED, max_value=LAST_SUPPORTED)
ENGLAND = public_holidays("GB", "ENG")


@settings(max_examples=400, deadline=None)
@given(start=supported_dates, n=st.integers(min_value=-250, max_value=250))
def test_add_working_days_matches_the_reference(start, n):
	assert CAL.add_working_days(start, n) == reference_add(ENGLAND, {5, 6}, start, n)


@settings(max_examples=400, deadline=None)
@given(start=supported_dates, span=st.integers(min_value=-400, max_value=400))
def test_working_days_between_matches_the_reference(start, span):
	end = min(max(start + datetime.timedelta(days=span), FIRST_SUPPORTED), LAST_SUPPORTED)
	assert CAL.working_days_between(start, end) == reference_between(ENGLAND, {5, 6}, start, end)


@settings(max_examples=25, deadline=None)
@given(
	weekend=st.sets(st.integers(min_value=0, max_value=6), max_size=3),
	closed=st.sets(st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 12, 31)), max_size=60),
	start=st.dates(min_value=D(2025, 6, 1), max_value=D(2027, 6, 1)),
	n=st.integers(min_value=-60, max_value=60),
)
def test_any_weekend_and_closures_match_the_reference(weekend, closed, start, n):
	calendar = WorkingCalendar(closed, weekend=weekend)
	due = calendar.add_working_days(start, n)
	assert due == reference_add(closed, weekend, start, n)
	assert calendar.working_days_between(start, due) == reference_between(closed, weekend, start, due)
	if n >= 0:
		# Counting forwards, the interval (start, due] holds exactly n working days.
		assert calendar.working_days_between(start, due) == n


# --- the edges and the messages, exactly -------------------------------------------------------


def test_the_first_supported_day_is_new_years_day_1990():
	"""1 January 1990, a Monday and a bank holiday, is the first day the engine answers for."""
	assert FIRST_SUPPORTED == D(1990, 1, 1)
	assert not CAL.is_working_day(D(1990, 1, 1))
	assert CAL.add_working_days(D(1990, 1, 1), 1) == D(1990, 1, 2)
	assert CAL.working_days_between(D(1990, 1, 1), D(1990, 1, 5)) == 4  # Tuesday to Friday
	# Christmas 1989 (Monday 25 and Tuesday 26 December) is known too: results may fall before 1990.
	assert CAL.add_working_days(D(1990, 1, 2), -4) == D(1989, 12, 22)


def test_the_last_supported_year_has_its_bank_holidays():
	# Christmas Day 2100 is a Saturday: Monday 27 and Tuesday 28 December are the substitute days.
	assert not CAL.is_working_day(D(2100, 12, 27)) and not CAL.is_working_day(D(2100, 12, 28))
	assert CAL.add_working_days(D(2100, 12, 24), 1) == D(2100, 12, 29)


def test_results_may_fall_400_days_outside_the_supported_inputs_and_no_further():
	every_day = WorkingCalendar([], weekend=())
	assert every_day.add_working_days(FIRST_SUPPORTED, -400) == D(1988, 11, 27)
	assert every_day.add_working_days(LAST_SUPPORTED, 400) == D(2102, 2, 4)
	with pytest.raises(ValueError) as before:
		every_day.add_working_days(FIRST_SUPPORTED, -401)
	assert str(before.value) == "-401 working days from 1990-01-01 falls outside the calendar"
	with pytest.raises(ValueError) as after:
		every_day.add_working_days(LAST_SUPPORTED, 401)
	assert str(after.value) == "401 working days from 2100-12-31 falls outside the calendar"


@pytest.mark.parametrize(
	"call, error, message",
	[
		(lambda: CAL.add_working_days("2026-03-23", 1), TypeError, "start must be a datetime.date, not str"),
		(lambda: CAL.is_working_day(datetime.datetime(2026, 3, 23)), TypeError,
			"day must be a datetime.date, not datetime"),
		(lambda: CAL.working_days_between(D(2026, 3, 23), "2026-04-01"), TypeError,
			"end must be a datetime.date, not str"),
		(lambda: CAL.working_days_between(None, D(2026, 4, 1)), TypeError,
			"start must be a datetime.date, not NoneType"),
		(lambda: CAL.add_working_days(D(2026, 3, 23), 1.5), TypeError,
			"the number of working days must be an int, not float"),
		(lambda: CAL.add_working_days(D(1989, 12, 31), 1), ValueError, "start 1989-12-31 is outside 1990-2100"),
		(lambda: CAL.is_working_day(D(2101, 1, 1)), ValueError, "day 2101-01-01 is outside 1990-2100"),
		(lambda: CAL.working_days_between(D(2026, 1, 1), D(2200, 1, 1)), ValueError,
			"end 2200-01-01 is outside 1990-2100"),
		(lambda: CAL.working_days_between(D(1900, 1, 1), D(2026, 1, 1)), ValueError,
			"start 1900-01-01 is outside 1990-2100"),
		(lambda: CAL.add_working_days(D(2026, 3, 23), 10**6), ValueError,
			"1000000 working days from 2026-03-23 falls outside the calendar"),
		(lambda: WorkingCalendar([], weekend=(7,)), ValueError,
			"weekend days are weekday numbers, 0 (Monday) to 6 (Sunday)"),
		(lambda: WorkingCalendar([], weekend=range(7)), ValueError, "a calendar needs at least one working weekday"),
		(lambda: WorkingCalendar([datetime.datetime(2026, 1, 1)]), TypeError,
			"a non-working day must be a datetime.date, not datetime"),
	],
)  # fmt: skip
def test_wrong_input_is_named_in_the_error(call, error, message):
	with pytest.raises(error) as raised:
		call()
	assert str(raised.value) == message


def test_a_country_without_known_holidays_is_refused_by_name():
	import holidays

	with pytest.raises(NotImplementedError) as unknown:
		holidays.country_holidays("ZZ")
	with pytest.raises(ValueError) as refused:
		public_holidays("ZZ", None)
	assert str(refused.value) == f"no public holidays are known for ZZ : {unknown.value}"


def test_england_is_the_default_and_its_holidays_are_computed_once():
	"""Every calendar of the app shares one set of England's public holidays."""
	assert public_holidays("GB", "ENG") is public_holidays("GB", "ENG")
	assert public_holidays() == public_holidays("GB", "ENG")
	assert country_calendar().non_working_days == CAL.non_working_days
	assert country_calendar(extra_non_working_days=[D(2026, 12, 29)]).non_working_days == (
		CAL.non_working_days | {D(2026, 12, 29)}
	)


def test_counting_back_past_the_first_supported_day_still_skips_the_bank_holidays():
	"""Answers may fall up to 400 days before 1990: Christmas 1988 (Boxing Day Monday 26th, the substitute
	for Christmas Day on Tuesday 27th) is not a working day there either."""
	christmas_1988 = {datetime.date(1988, 12, d) for d in (25, 26, 27)}
	landed = {CAL.add_working_days(FIRST_SUPPORTED, -n) for n in range(245, 270)}
	assert min(landed) < datetime.date(1988, 12, 25) < max(landed)
	assert not landed & christmas_1988 and all(day.weekday() < 5 for day in landed)
