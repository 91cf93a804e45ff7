"""A subject access request's calendar month, and retention years, counted as the law counts them."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints_hc.data_protection.months import add_months, add_years, sar_due

D = datetime.date


@pytest.mark.parametrize(
	"received, due",
	[
		(D(2026, 9, 3), D(2026, 10, 3)),  # the corresponding day
		(D(2027, 1, 31), D(2027, 2, 28)),  # no 31 February: the month's last day
		(D(2028, 1, 31), D(2028, 2, 29)),  # a leap year
		(D(2026, 3, 31), D(2026, 4, 30)),
		(D(2026, 12, 15), D(2027, 1, 15)),  # across the year's end
		(D(2028, 2, 29), D(2028, 3, 29)),
	],
)
def test_one_calendar_month(received, due):
	assert sar_due(received) == due


def test_extended_by_two_further_months():
	assert sar_due(D(2026, 11, 30), extended=True) == D(2027, 2, 28)
	assert sar_due(D(2027, 11, 30), extended=True) == D(2028, 2, 29)
	assert sar_due(D(2026, 1, 10), extended=True) == D(2026, 4, 10)


def test_years_from_a_leap_day():
	assert add_years(D(2028, 2, 29), 6) == D(2034, 2, 28)
	assert add_years(D(2028, 2, 29), 4) == D(2032, 2, 29)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)), st.integers(min_value=0, max_value=120))
def test_a_month_on_is_never_early_and_lands_in_the_right_month(day, months):
	later = add_months(day, months)
	assert later >= day
	assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
	assert later.day == day.day or (later.day < day.day and (later + datetime.timedelta(days=1)).day == 1)
