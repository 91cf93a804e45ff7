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
