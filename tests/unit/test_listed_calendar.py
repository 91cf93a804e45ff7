"""A calendar from an explicit list of non-working dates (an ERPNext Holiday List), valid only over the
dates the list covers."""

import datetime

import pytest

from complaints_hc.working_days.engine import (
	ListedCalendar,
	OutsideCoveredDates,
	england_and_wales_calendar,
	listed_calendar,
)

D = datetime.date
YEAR_2026 = (D(2026, 1, 1), D(2026, 12, 31))


def weekends(first: datetime.date, last: datetime.date) -> set[datetime.date]:
	days = (first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
	return {day for day in days if day.weekday() >= 5}


def council_list(*closures: datetime.date) -> ListedCalendar:
	"""2026 as a Holiday List gives it: the weekly offs and the bank holidays as dates."""
	bank_holidays = {day for day in england_and_wales_calendar().non_working_days if day.year == 2026}
	return listed_calendar(weekends(*YEAR_2026) | bank_holidays | set(closures), covers=YEAR_2026)


def test_a_full_year_list_answers_as_the_bank_holiday_calendar_does():
	listed, bank = council_list(), england_and_wales_calendar()
	for start in (D(2026, 3, 23), D(2026, 4, 2), D(2026, 12, 4), D(2026, 5, 1)):
		assert listed.add_working_days(start, 10) == bank.add_working_days(start, 10)
	assert listed.working_days_between(D(2026, 3, 23), D(2026, 4, 8)) == 10
	assert not listed.is_working_day(D(2026, 12, 28))  # the Boxing Day substitute
	assert listed.is_working_day(D(2026, 12, 29))


def test_a_council_closure_day_in_the_list_moves_the_deadline():
	assert council_list().add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)
	assert council_list(D(2026, 12, 29)).add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 30)


def test_the_extra_days_apply_on_top_of_the_list():
	calendar = listed_calendar(weekends(*YEAR_2026), covers=YEAR_2026, extra=[D(2026, 6, 1)])
	assert not calendar.is_working_day(D(2026, 6, 1))
	assert calendar.add_working_days(D(2026, 5, 29), 1) == D(2026, 6, 2)


def test_weekdays_are_not_weekends_of_their_own():
	"""The list carries the weekly offs: a Saturday it does not list is a working day."""
	calendar = listed_calendar([], covers=YEAR_2026)
	assert calendar.weekend == frozenset()
	assert calendar.is_working_day(D(2026, 1, 3))  # a Saturday
	assert calendar.add_working_days(D(2026, 1, 2), 1) == D(2026, 1, 3)


def test_counting_backwards_stays_inside_the_list():
	assert council_list().add_working_days(D(2026, 1, 6), -2) == D(2026, 1, 2)


@pytest.mark.parametrize(
	"ask",
	[
		lambda c: c.is_working_day(D(2027, 1, 4)),
		lambda c: c.is_working_day(D(2025, 12, 31)),
		lambda c: c.add_working_days(D(2027, 1, 4), 1),
		lambda c: c.add_working_days(D(2027, 1, 4), 0),
		lambda c: c.working_days_between(D(2026, 12, 1), D(2027, 1, 8)),
		lambda c: c.working_days_between(D(2025, 12, 1), D(2026, 1, 8)),
	],
	ids=["day after", "day before", "start after", "start after, no days", "end after", "start before"],
)
def test_a_day_outside_the_list_gets_a_clear_message_naming_the_range(ask):
	with pytest.raises(ValueError, match=r"outside the dates .* listed for \(2026-01-01 to 2026-12-31\)"):
		ask(council_list())


def test_a_deadline_that_runs_past_the_list_is_refused_not_guessed():
	calendar = council_list()
	assert calendar.add_working_days(D(2026, 12, 10), 13) == D(2026, 12, 31)
	with pytest.raises(OutsideCoveredDates, match=r"20 working days from 2026-12-10 go beyond .*2026-12-31"):
		calendar.add_working_days(D(2026, 12, 10), 20)
	with pytest.raises(OutsideCoveredDates, match=r"2026-01-01 to"):
		calendar.add_working_days(D(2026, 1, 5), -5)


def test_the_error_is_a_value_error_a_site_may_replace():
	class Refused(Exception):
		pass

	class SiteCalendar(ListedCalendar):
		def _refuse(self, message):
			raise Refused(message)

	calendar = SiteCalendar([], covers=YEAR_2026)
	assert issubclass(OutsideCoveredDates, ValueError)
	with pytest.raises(Refused, match="2027-01-01"):
		calendar.is_working_day(D(2027, 1, 1))


@pytest.mark.parametrize(
	"covers, message",
	[
		((D(2026, 12, 31), D(2026, 1, 1)), "end .* before they start"),
		((D(1980, 1, 1), D(2026, 1, 1)), "outside 1990-2100"),
	],
)
def test_a_covered_range_that_makes_no_sense_is_refused(covers, message):
	with pytest.raises(ValueError, match=message):
		listed_calendar([], covers=covers)


def test_dates_must_be_dates():
	with pytest.raises(TypeError):
		council_list().is_working_day(datetime.datetime(2026, 5, 1, 9, 0))
	with pytest.raises(TypeError):
		listed_calendar(["2026-05-01"], covers=YEAR_2026)
