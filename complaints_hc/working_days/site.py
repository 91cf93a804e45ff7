"""The site's working-day calendar: the engine of timescales.py, configured by Complaints Settings.

Controllers, reports, jobs, print formats (jinja) and the API all ask `site_calendar()`. The calendar
is built once per process and site, and rebuilt when the settings it was built from change: the
settings come from Frappe's document cache, which every worker sees cleared when they are saved.
"""

import datetime
from typing import NamedTuple

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc.working_days.engine import WorkingCalendar, country_calendar


class CalendarSettings(NamedTuple):
	"""What a calendar is built from. With a Holiday List (ERPNext), the country is not used, and the
	list's last save is part of it, so an edit of the list rebuilds the calendar as a settings change does."""

	country: str
	subdivision: str | None
	extra_days: tuple[datetime.date, ...]
	holiday_list: str | None = None
	holiday_list_version: str | None = None


# site -> (the settings the calendar was built from, the calendar)
_calendars: dict[str, tuple[CalendarSettings, WorkingCalendar]] = {}


def calendar_settings(settings) -> CalendarSettings:
	"""Country, subdivision and the extra non-working days; the Holiday List when one is chosen."""
	from complaints_hc.neighbours import custom_fields, erpnext_installed

	extra = tuple(sorted({getdate(row.date) for row in settings.extra_non_working_days or ()}))
	found = CalendarSettings(settings.holiday_country or "GB", settings.holiday_subdivision or None, extra)
	# The choice exists only while ERPNext does (a Custom Field); a value left behind is not a choice.
	if (
		settings.get(custom_fields.SOURCE_FIELD) == custom_fields.HOLIDAY_LIST
		and settings.meta.has_field("holiday_list")
		and erpnext_installed()
	):
		from complaints_hc.neighbours.holiday_list import version_of

		holiday_list = settings.get("holiday_list") or ""
		return found._replace(holiday_list=holiday_list, holiday_list_version=version_of(holiday_list))
	return found


def build_calendar(key: CalendarSettings) -> WorkingCalendar:
	if key.holiday_list is not None:
		from complaints_hc.neighbours.holiday_list import holiday_list_calendar

		return holiday_list_calendar(key.holiday_list, key.extra_days)
	try:
		return country_calendar(key.country, key.subdivision, key.extra_days)
	except (ValueError, TypeError) as error:
		frappe.throw(str(error), title=_("Working-day calendar"))


def calendar_in_use() -> CalendarSettings:
	"""The settings this process's calendar is now built from (rebuilt first if they changed)."""
	site_calendar()
	return _calendars[frappe.local.site][0]


def site_calendar() -> WorkingCalendar:
	key = calendar_settings(frappe.get_cached_doc("Complaints Settings"))
	cached = _calendars.get(frappe.local.site)
	if cached is None or cached[0] != key:
		cached = (key, build_calendar(key))
		_calendars[frappe.local.site] = cached
	return cached[1]


def as_date(value, label: str = "date") -> datetime.date:
	"""A date from a date or an ISO string. Never today by default, unlike getdate(None)."""
	if isinstance(value, datetime.datetime):
		return value.date()
	if isinstance(value, datetime.date):
		return value
	if isinstance(value, str) and value.strip():
		try:
			return datetime.date.fromisoformat(value.strip()[:10])
		except ValueError:
			pass
	frappe.throw(_("{0} must be a date (YYYY-MM-DD), not {1}").format(_(label), repr(value)))


def _engine_call(fn, *args):
	try:
		return fn(*args)
	except (ValueError, TypeError) as error:
		frappe.throw(str(error), title=_("Working days"))


# Jinja methods (hooks.py) for print formats, email templates and notifications; dates may be strings.


def add_working_days(start, days) -> datetime.date:
	return _engine_call(site_calendar().add_working_days, as_date(start, "start"), frappe.utils.cint(days))


def working_days_between(start, end) -> int:
	return _engine_call(site_calendar().working_days_between, as_date(start, "start"), as_date(end, "end"))


def is_working_day(day) -> bool:
	return _engine_call(site_calendar().is_working_day, as_date(day, "day"))


def due_soon_within() -> int:
	"""Working days before the due date that count as "due soon" (Complaints Settings)."""
	from complaints_hc.complaints.clocks import DUE_SOON_WITHIN

	configured = frappe.get_cached_doc("Complaints Settings").due_soon_working_days
	return DUE_SOON_WITHIN if configured is None else configured
