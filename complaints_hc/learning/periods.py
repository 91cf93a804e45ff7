"""Council reporting periods: financial years (April to March) and their quarters (Q1 is April-June).

Pure Python, shared by compliments, reports, the bulletin and the annual report.
"""

import datetime
import re

QUARTER_LABEL = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")


def financial_year_start(day: datetime.date) -> int:
	return day.year if day.month >= 4 else day.year - 1


def financial_year(day: datetime.date) -> str:
	"""'2025-26' for any day from 1 April 2025 to 31 March 2026."""
	start = financial_year_start(day)
	return f"{start}-{(start + 1) % 100:02d}"


def quarter(day: datetime.date) -> str:
	"""'2025-26 Q1' for April to June 2025, ... '2025-26 Q4' for January to March 2026."""
	return f"{financial_year(day)} Q{((day.month - 4) % 12) // 3 + 1}"


def quarter_bounds(label: str) -> tuple[datetime.date, datetime.date]:
	"""The first and last day of a quarter given as '2025-26 Q1'."""
	found = QUARTER_LABEL.match(label or "")
	if not found or (int(found.group(1)) + 1) % 100 != int(found.group(2)):
		raise ValueError(f"{label!r} is not a quarter such as '2025-26 Q1'")
	start_year, number = int(found.group(1)), int(found.group(3))
	first_month = (3 + 3 * (number - 1)) % 12 + 1
	year = start_year if first_month >= 4 else start_year + 1
	first = datetime.date(year, first_month, 1)
	next_first = datetime.date(year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
	return first, next_first - datetime.timedelta(days=1)


def quarters_up_to(label: str, count: int) -> list[str]:
	"""The `count` quarters ending with this one, oldest first."""
	labels = [label]
	while len(labels) < count:
		start, _end = quarter_bounds(labels[0])
		labels.insert(0, quarter(start - datetime.timedelta(days=1)))
	return labels
