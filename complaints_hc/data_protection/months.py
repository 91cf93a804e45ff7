"""Calendar months, as UK GDPR counts a subject access request's time limit: from the day of receipt to
the corresponding day of the next month, or that month's last day when it has no such day (ICO
guidance). Pure Python, no Frappe."""

import calendar
import datetime

SAR_MONTHS = 1
SAR_EXTENSION_MONTHS = 2


def add_months(day: datetime.date, months: int) -> datetime.date:
	"""The same day `months` calendar months on, or the last day of that month (31 January + 1 month
	is 28 February, or the 29th in a leap year)."""
	index = day.year * 12 + (day.month - 1) + months
	year, month = divmod(index, 12)
	month += 1
	return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: datetime.date, years: int) -> datetime.date:
	"""The same day `years` on (29 February becomes 28 February in a common year)."""
	return add_months(day, 12 * years)


def sar_due(received: datetime.date, extended: bool = False) -> datetime.date:
	"""When the answer to a subject access request is due: one calendar month after receipt, or three
	when extended by the two further months the law allows for complex or numerous requests."""
	return add_months(received, SAR_MONTHS + (SAR_EXTENSION_MONTHS if extended else 0))
