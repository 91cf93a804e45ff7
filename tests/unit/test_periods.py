"""Financial years and quarters, as the council reports them."""

import datetime

import pytest

from complaints_hc.learning import periods

D = datetime.date


@pytest.mark.parametrize(
	"day, year, quarter",
	[
		(D(2025, 4, 1), "2025-26", "2025-26 Q1"),
		(D(2025, 6, 30), "2025-26", "2025-26 Q1"),
		(D(2025, 7, 1), "2025-26", "2025-26 Q2"),
		(D(2025, 12, 31), "2025-26", "2025-26 Q3"),
		(D(2026, 1, 1), "2025-26", "2025-26 Q4"),
		(D(2026, 3, 31), "2025-26", "2025-26 Q4"),
		(D(2099, 4, 1), "2099-00", "2099-00 Q1"),
	],
)
def test_financial_year_and_quarter(day, year, quarter):
	assert periods.financial_year(day) == year
	assert periods.quarter(day) == quarter


@pytest.mark.parametrize(
	"label, first, last",
	[
		("2025-26 Q1", D(2025, 4, 1), D(2025, 6, 30)),
		("2025-26 Q2", D(2025, 7, 1), D(2025, 9, 30)),
		("2025-26 Q3", D(2025, 10, 1), D(2025, 12, 31)),
		("2025-26 Q4", D(2026, 1, 1), D(2026, 3, 31)),
		("2027-28 Q4", D(2028, 1, 1), D(2028, 3, 31)),
	],
)
def test_quarter_bounds(label, first, last):
	assert periods.quarter_bounds(label) == (first, last)
	assert periods.quarter(first) == periods.quarter(last) == label


@pytest.mark.parametrize("label", ["", "2025 Q1", "2025-27 Q1", "2025-26 Q5", None])
def test_a_wrong_quarter_is_refused(label):
	with pytest.raises(ValueError):
		periods.quarter_bounds(label)


def test_a_wrong_quarter_is_refused_with_an_example_of_a_right_one():
	with pytest.raises(ValueError) as refused:
		periods.quarter_bounds("2025-26 Q5")
	assert str(refused.value) == "'2025-26 Q5' is not a quarter such as '2025-26 Q1'"


def test_the_quarters_up_to_one_oldest_first():
	"""Back across a financial year's start: Q1 2026-27 is preceded by the four quarters of 2025-26."""
	assert periods.quarters_up_to("2026-27 Q1", 5) == [
		"2025-26 Q1",
		"2025-26 Q2",
		"2025-26 Q3",
		"2025-26 Q4",
		"2026-27 Q1",
	]
	assert periods.quarters_up_to("2025-26 Q3", 2) == ["2025-26 Q2", "2025-26 Q3"]


def test_the_quarters_up_to_one_across_a_century():
	assert periods.quarters_up_to("2100-01 Q1", 3) == ["2099-00 Q3", "2099-00 Q4", "2100-01 Q1"]


def test_one_quarter_up_to_itself_is_that_quarter_alone():
	assert periods.quarters_up_to("2025-26 Q4", 1) == ["2025-26 Q4"]
