"""Working-day arithmetic for every statutory clock in the app.

Pure Python: imports only the standard library and `holidays`, so the arithmetic can be checked
without a Frappe site. Everything in the app that counts working days goes through this module.

The rules (see the design notes, "Working days"):
- A working day is any day that is not a weekend day and not a non-working day (bank holiday, or
  an extra day configured by the council).
- The start is day 0 whatever day it is: "within N working days" is the N-th working day after it,
  so a complaint received on a Saturday has Monday as day 1. Counting backwards works the same way.

Each calendar precomputes, once, a table over its whole range: for every day the number of working
days up to and including it, and the list of working days in order. Every call is then a couple of
list look-ups: no loop over days, so no input can make it slow.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable

FIRST_SUPPORTED = datetime.date(1990, 1, 1)
LAST_SUPPORTED = datetime.date(2100, 12, 31)
# Results may fall a little outside the supported inputs (a deadline set on 2100-12-30).
_MARGIN_DAYS = 400


def _check_date(value, name: str) -> datetime.date:
	# datetime is a subclass of date: reject it, since a time of day has no meaning here.
	if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
		raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
	return value


def _check_supported(value: datetime.date, name: str) -> datetime.date:
	_check_date(value, name)
	if not FIRST_SUPPORTED <= value <= LAST_SUPPORTED:
		raise ValueError(
			f"{name} {value.isoformat()} is outside {FIRST_SUPPORTED.year}-{LAST_SUPPORTED.year}"
		)
	return value


class WorkingCalendar:
	"""Dates that are not worked, and the weekend; answers working-day questions in constant time."""

	def __init__(self, non_working_days: Iterable[datetime.date], weekend: Iterable[int] = (5, 6)):
		self.weekend = frozenset(weekend)
		if not self.weekend <= set(range(7)):
			raise ValueError("weekend days are weekday numbers, 0 (Monday) to 6 (Sunday)")
		if len(self.weekend) == 7:
			raise ValueError("a calendar needs at least one working weekday")
		self.non_working_days = frozenset(_check_date(d, "a non-working day") for d in non_working_days)

		self._first = FIRST_SUPPORTED.toordinal() - _MARGIN_DAYS
		last = LAST_SUPPORTED.toordinal() + _MARGIN_DAYS
		# Table indexes of the supported inputs; the margin around them is for results only.
		self._lowest = _MARGIN_DAYS
		self._highest = LAST_SUPPORTED.toordinal() - self._first
		# _count_to[i]: working days from the first day of the table up to and including day i.
		# _working[k]: the ordinal of the (k+1)-th working day of the table.
		self._count_to: list[int] = []
		self._working: list[int] = []
		closed = {d.toordinal() for d in self.non_working_days}
		weekday = datetime.date.fromordinal(self._first).weekday()
		for ordinal in range(self._first, last + 1):
			if weekday not in self.weekend and ordinal not in closed:
				self._working.append(ordinal)
			self._count_to.append(len(self._working))
			weekday = (weekday + 1) % 7

	def _index(self, day: datetime.date, name: str) -> int:
		# The exact-class test is the fast path; anything else gets the full check and its message.
		if day.__class__ is not datetime.date:
			_check_date(day, name)
		i = day.toordinal() - self._first
		if not self._lowest <= i <= self._highest:
			_check_supported(day, name)
		return i

	def is_working_day(self, day: datetime.date) -> bool:
		i = self._index(day, "day")
		return self._count_to[i] != self._count_to[i - 1]

	def add_working_days(self, start: datetime.date, n: int) -> datetime.date:
		"""The n-th working day after start (n > 0), the |n|-th before it (n < 0), or start (n == 0)."""
		i = self._index(start, "start")
		if n.__class__ is not int:  # bool is refused too: True is no number of days
			raise TypeError(f"the number of working days must be an int, not {type(n).__name__}")
		if n == 0:
			return start
		count_to = self._count_to
		worked_to_start = count_to[i]  # working days on or before start
		if n > 0:
			k = worked_to_start + n - 1
		else:
			start_is_working = worked_to_start != count_to[i - 1]
			k = worked_to_start - start_is_working + n
		if 0 <= k < len(self._working):
			return datetime.date.fromordinal(self._working[k])
		raise ValueError(f"{n} working days from {start.isoformat()} falls outside the calendar")

	def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
		"""Working days d with start < d <= end; negative (the same count) when end is before start."""
		return self._count_to[self._index(end, "end")] - self._count_to[self._index(start, "start")]


class OutsideCoveredDates(ValueError):
	"""A date a listed calendar cannot answer for: its list says nothing about that day."""


class ListedCalendar(WorkingCalendar):
	"""A calendar from an explicit list of non-working dates (weekly offs included), valid only over
	the dates the list covers. Outside them it knows nothing: every question that needs such a day is
	refused with the covered range named, never answered with a guess."""

	def __init__(
		self,
		non_working_days: Iterable[datetime.date],
		covers: tuple[datetime.date, datetime.date],
		extra: Iterable[datetime.date] = (),
	):
		first, last = covers
		_check_supported(first, "the first covered day")
		_check_supported(last, "the last covered day")
		if last < first:
			raise ValueError(
				f"the covered dates end ({last.isoformat()}) before they start ({first.isoformat()})"
			)
		self.covers = (first, last)
		# The list names its weekly offs as dates, so no weekday is a weekend day of its own.
		super().__init__(set(non_working_days) | set(extra), weekend=())

	def _refuse(self, message: str):
		"""Raise for a day outside the covered dates (a site may raise its own kind of error)."""
		raise OutsideCoveredDates(message)

	def _range(self) -> str:
		first, last = self.covers
		return f"the dates the non-working days are listed for ({first.isoformat()} to {last.isoformat()})"

	def _covered(self, day: datetime.date, name: str) -> datetime.date:
		_check_date(day, name)
		if not self.covers[0] <= day <= self.covers[1]:
			self._refuse(f"{name} {day.isoformat()} is outside {self._range()}")
		return day

	def is_working_day(self, day: datetime.date) -> bool:
		return super().is_working_day(self._covered(day, "day"))

	def add_working_days(self, start: datetime.date, n: int) -> datetime.date:
		answer = super().add_working_days(self._covered(start, "start"), n)
		# Every day between start and the answer was counted: the answer in range means they all were.
		if not self.covers[0] <= answer <= self.covers[1]:
			self._refuse(f"{n} working days from {start.isoformat()} go beyond {self._range()}")
		return answer

	def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
		return super().working_days_between(self._covered(start, "start"), self._covered(end, "end"))


def listed_calendar(
	non_working_days: Iterable[datetime.date],
	covers: tuple[datetime.date, datetime.date],
	extra: Iterable[datetime.date] = (),
) -> ListedCalendar:
	"""A calendar whose non-working days (weekends too) are the dates listed, plus the extra days,
	that answers only for dates within `covers` (first, last) and raises ValueError for any other."""
	return ListedCalendar(non_working_days, covers, extra)


@functools.lru_cache(maxsize=8)
def public_holidays(country: str = "GB", subdivision: str | None = "ENG") -> frozenset[datetime.date]:
	"""Every public holiday of the country (substitute and one-off days included) over the range."""
	import holidays

	margin = datetime.timedelta(days=_MARGIN_DAYS)  # answers may fall that far outside the range
	years = range((FIRST_SUPPORTED - margin).year, (LAST_SUPPORTED + margin).year + 1)
	try:
		found = holidays.country_holidays(country, subdiv=subdivision or None, years=years)
	except NotImplementedError as error:
		raise ValueError(f"no public holidays are known for {country} {subdivision or ''}: {error}") from None
	return frozenset(found)


def country_calendar(
	country: str = "GB", subdivision: str | None = "ENG", extra_non_working_days: Iterable[datetime.date] = ()
) -> WorkingCalendar:
	return WorkingCalendar(public_holidays(country, subdivision) | set(extra_non_working_days))


def england_and_wales_calendar(extra_non_working_days: Iterable[datetime.date] = ()) -> WorkingCalendar:
	"""Saturdays, Sundays and England & Wales bank holidays, plus the extra days given."""
	return country_calendar("GB", "ENG", extra_non_working_days)
