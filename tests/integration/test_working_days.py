"""The site's calendar: configured in Complaints Settings, the same answers everywhere it is used."""

import datetime
import json

import frappe
import pytest
from helpers import as_user, bench, commit, make_user

from complaints_hc.security import roles
from complaints_hc.working_days import site as working_days

CHRISTMAS_EVE_2026 = "2026-12-24"


def set_extra_days(*days: str):
	settings = frappe.get_doc("Complaints Settings")
	settings.extra_non_working_days = []
	for day in days:
		settings.append("extra_non_working_days", {"date": day, "reason": "Council closure"})
	settings.save()


def test_default_site_calendar_is_england_and_wales():
	assert working_days.add_working_days("2025-12-19", 10) == datetime.date(2026, 1, 7)
	assert working_days.working_days_between("2026-03-23", "2026-04-08") == 10
	assert not working_days.is_working_day("2026-12-28")


def test_extra_days_change_the_next_computation_in_this_process():
	manager = make_user("calendar.manager", roles.COMPLAINTS_MANAGER)
	assert working_days.add_working_days(CHRISTMAS_EVE_2026, 1) == datetime.date(2026, 12, 29)
	with as_user(manager):
		set_extra_days("2026-12-29", "2026-12-30")
	assert working_days.add_working_days(CHRISTMAS_EVE_2026, 1) == datetime.date(2026, 12, 31)
	with as_user(manager):
		set_extra_days()
	assert working_days.add_working_days(CHRISTMAS_EVE_2026, 1) == datetime.date(2026, 12, 29)


def computed_in_a_new_process() -> str:
	args = json.dumps([CHRISTMAS_EVE_2026, 1])
	output = bench(
		"--site",
		frappe.local.site,
		"execute",
		"complaints_hc.working_days.site.add_working_days",
		"--args",
		args,
	)
	return output.strip().strip('"')


def test_extra_days_reach_a_freshly_started_process():
	manager = make_user("calendar.manager", roles.COMPLAINTS_MANAGER)
	commit()
	try:
		with as_user(manager):
			set_extra_days("2026-12-29")
		commit()
		assert computed_in_a_new_process() == "2026-12-30"
	finally:
		set_extra_days()
		commit()
	assert computed_in_a_new_process() == "2026-12-29"


def test_jinja_templates_use_the_same_engine():
	rendered = frappe.render_template(
		"{{ add_working_days('2025-12-19', 10) }}|{{ working_days_between('2026-03-23', '2026-04-08') }}"
		"|{{ is_working_day('2026-12-28') }}",
		{},
	)
	assert rendered == "2026-01-07|10|False"


@pytest.mark.parametrize(
	"change, message",
	[
		({"holiday_country": "XX"}, "no public holidays"),
		({"holiday_subdivision": "NOWHERE"}, "no public holidays"),
		({"extra_non_working_days": [{"date": "2150-01-01", "reason": "x"}]}, "outside the years"),
		(
			{
				"extra_non_working_days": [
					{"date": "2026-12-29", "reason": "a"},
					{"date": "2026-12-29", "reason": "b"},
				]
			},
			"listed twice",
		),
	],
)
def test_bad_settings_are_refused_with_a_clear_message(change, message):
	manager = make_user("calendar.manager", roles.COMPLAINTS_MANAGER)
	with as_user(manager):
		settings = frappe.get_doc("Complaints Settings")
		settings.update(change)
		with pytest.raises(frappe.ValidationError, match=message):
			settings.save()
	assert frappe.db.get_single_value("Complaints Settings", "holiday_country") == "GB"
	assert not frappe.get_all("Complaints Non Working Day", {"parent": "Complaints Settings"})


def test_subdivision_changes_the_holidays():
	manager = make_user("calendar.manager", roles.COMPLAINTS_MANAGER)
	with as_user(manager):
		settings = frappe.get_doc("Complaints Settings")
		settings.holiday_subdivision = "sct"
		settings.save()
	assert settings.holiday_subdivision == "SCT"
	assert not working_days.is_working_day("2027-01-04")  # Scotland keeps 2 January (substitute)


def test_a_complaints_officer_cannot_change_the_calendar():
	officer = make_user("calendar.officer", roles.COMPLAINTS_OFFICER)
	with as_user(officer):
		settings = frappe.get_doc("Complaints Settings")
		settings.append("extra_non_working_days", {"date": "2026-12-29", "reason": "Closure"})
		with pytest.raises(frappe.PermissionError):
			settings.save()


@pytest.mark.parametrize("bad", [None, "", "next tuesday", "2026-13-01"])
def test_wrong_dates_in_templates_get_a_clear_message_not_today(bad):
	with pytest.raises(frappe.ValidationError, match="must be a date"):
		working_days.add_working_days(bad, 1)
