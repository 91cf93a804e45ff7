"""Beside ERPNext: non-working days from a Holiday List, teams and staff from Departments and Employees.

Collected only on a test site with ERPNext installed (COMPLAINTS_TEST_ERPNEXT=1, tests/conftest.py).
"""

import datetime

import frappe
import pytest
from helpers import as_user, make_complaint, make_team, make_user, on

from complaints_hc.complaints import calendar_follow
from complaints_hc.complaints.daily_jobs import refresh_complaint_timeliness
from complaints_hc.neighbours import custom_fields
from complaints_hc.neighbours.people import fill_team_from_department
from complaints_hc.security import roles
from complaints_hc.working_days.engine import england_and_wales_calendar

pytestmark = pytest.mark.erpnext

D = datetime.date
CLOSURE = D(2026, 12, 29)  # the council closes between Christmas and New Year
RECEIVED = "2026-12-14"  # ten working days (bank holidays only) end on 2026-12-30


@pytest.fixture(autouse=True)
def settings_cache_cleared():
	yield
	frappe.clear_document_cache("Complaints Settings", "Complaints Settings")


def make_holiday_list(first: D, last: D, *closures: D, name: str | None = None) -> str:
	"""Saturdays and Sundays as weekly offs, England's bank holidays and the closures, as ERPNext keeps them."""
	bank_holidays = england_and_wales_calendar().non_working_days
	days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
	doc = frappe.get_doc(
		{
			"doctype": "Holiday List",
			"holiday_list_name": name or f"Council {frappe.generate_hash(length=6)}",
			"from_date": first,
			"to_date": last,
			"holidays": [
				{"holiday_date": day, "weekly_off": 1, "description": "Weekend"}
				for day in days
				if day.weekday() >= 5
			]
			+ [
				{"holiday_date": day, "weekly_off": 0, "description": "Holiday"}
				for day in days
				if day.weekday() < 5 and (day in bank_holidays or day in closures)
			],
		}
	)
	return doc.insert(ignore_permissions=True).name  # ERPNext's HR Manager keeps it: not under test


def take_days_from(holiday_list: str | None, today: str = RECEIVED):
	"""Complaints Settings take non-working days from this list, saved by a Complaints Manager on `today`
	(a list must cover the day it is chosen)."""
	manager = make_user("calendar.manager", roles.COMPLAINTS_MANAGER)
	with as_user(manager), on(today):
		settings = frappe.get_doc("Complaints Settings")
		settings.set(
			custom_fields.SOURCE_FIELD,
			custom_fields.HOLIDAY_LIST if holiday_list else custom_fields.BANK_HOLIDAYS,
		)
		settings.holiday_list = holiday_list
		settings.save()


def test_the_custom_fields_exist_beside_erpnext():
	for name in custom_fields.field_names():
		assert frappe.db.exists("Custom Field", name), name


def test_a_council_closure_day_in_the_holiday_list_moves_a_due_date(cast):
	two_years = (D(2026, 1, 1), D(2027, 12, 31))
	take_days_from(make_holiday_list(*two_years))
	with on(RECEIVED):
		without = make_complaint(cast, received_on=RECEIVED)
	take_days_from(make_holiday_list(*two_years, CLOSURE))
	with on(RECEIVED):
		closed = make_complaint(cast, received_on=RECEIVED)
	assert str(without.due_date) == "2026-12-30"
	assert str(closed.due_date) == "2026-12-31"


def test_editing_the_list_moves_open_complaints_due_dates_on_the_next_refresh(cast):
	holiday_list = make_holiday_list(D(2026, 1, 1), D(2027, 12, 31))
	take_days_from(holiday_list)
	with on(RECEIVED):
		complaint = make_complaint(cast, received_on=RECEIVED)
		refresh_complaint_timeliness(RECEIVED)  # the calendar as it is now is the one followed
	assert str(frappe.db.get_value("Complaint", complaint.name, "due_date")) == "2026-12-30"

	hr_manager = make_user("hr.manager", "HR Manager")
	with as_user(hr_manager):
		doc = frappe.get_doc("Holiday List", holiday_list)
		doc.append("holidays", {"holiday_date": CLOSURE, "description": "Council closure"})
		doc.save()
	assert str(frappe.db.get_value("Complaint", complaint.name, "due_date")) == "2026-12-30"  # not yet

	with on(RECEIVED):
		refresh_complaint_timeliness(RECEIVED)
	assert str(frappe.db.get_value("Complaint", complaint.name, "due_date")) == "2026-12-31"
	assert frappe.get_all(
		"Comment",
		{
			"reference_doctype": "Complaint",
			"reference_name": complaint.name,
			"content": ["like", "%calendar changed%"],
		},
	)
	assert calendar_follow.follow_calendar_changes() == []  # followed once, not again


def test_a_list_that_covers_only_part_of_the_year_a_clock_needs_gives_a_clear_message(cast):
	take_days_from(make_holiday_list(D(2026, 1, 1), D(2026, 12, 31)), today="2026-12-21")
	with (
		on("2026-12-21"),
		pytest.raises(frappe.ValidationError, match=r"\(2026-01-01 to 2026-12-31\).*does not cover it"),
	):
		make_complaint(cast, received_on="2026-12-21")  # its ten working days run into 2027


def test_a_list_that_does_not_cover_today_is_refused_in_the_settings():
	old = make_holiday_list(D(2025, 1, 1), D(2025, 12, 31))
	with pytest.raises(frappe.ValidationError, match="does not include today"):
		take_days_from(old, today="2026-03-02")


def test_a_list_without_weekly_offs_is_refused():
	doc = frappe.get_doc({"doctype": "Holiday List", "holiday_list_name": f"No weekends {frappe.generate_hash(length=6)}",
		"from_date": "2026-01-01", "to_date": "2026-12-31",
		"holidays": [{"holiday_date": "2026-12-25", "description": "Christmas Day"}]}).insert(ignore_permissions=True)  # fmt: skip
	with pytest.raises(frappe.ValidationError, match="lists no weekly off days"):
		take_days_from(doc.name, today="2026-03-02")


# --- people ---------------------------------------------------------------------------------


def company() -> str:
	found = frappe.get_all("Company", pluck="name", limit=1)
	assert found, "the ERPNext test site has no Company: its setup wizard makes one (install.setup_answers)"
	return found[0]


def make_department(name: str) -> str:
	return (
		frappe.get_doc({"doctype": "Department", "department_name": name, "company": company()})
		.insert(ignore_permissions=True)
		.name
	)


def make_employee(first_name: str, department: str | None = None, user: str | None = None, status="Active"):
	if not frappe.db.exists("Gender", "Female"):
		frappe.get_doc({"doctype": "Gender", "gender": "Female"}).insert(ignore_permissions=True)
	return (
		frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": first_name,
				"last_name": "Tester",
				"company": company(),
				"gender": "Female",
				"date_of_birth": "1985-05-01",
				"date_of_joining": "2020-09-01",
				"department": department,
				"user_id": user,
				"status": status,
				# ERPNext asks when someone who has left did so
				"relieving_date": "2026-06-30" if status == "Left" else None,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)  # HR's records, set up by the test


def test_a_departments_employees_become_a_teams_members():
	department = make_department(f"Looked After Children {frappe.generate_hash(length=5)}")
	already, joining, left = (make_user(label) for label in ("already.member", "joining", "has.left"))
	for label, user, status in (
		("Ann", already, "Active"),
		("Bea", joining, "Active"),
		("Cat", left, "Left"),
	):
		make_employee(label, department, user, status)
	make_employee("Dot", department)  # no user: not someone the app can add
	make_employee("Eve", make_department(f"Finance {frappe.generate_hash(length=5)}"), make_user("elsewhere"))
	team = make_team(members=[already])
	frappe.db.set_value("Service Team", team, "department", department)

	manager = make_user("team.editor", roles.COMPLAINTS_MANAGER)
	with as_user(manager):
		assert fill_team_from_department(team) == {"added": [joining]}
		assert fill_team_from_department(team) == {"added": []}  # nobody twice
	members = [row.user for row in frappe.get_doc("Service Team", team).members]
	assert members == [already, joining]


def test_someone_who_may_not_edit_the_team_cannot_fill_it():
	department = make_department(f"Fostering {frappe.generate_hash(length=5)}")
	make_employee("Fay", department, make_user("fostering"))
	team = make_team()
	frappe.db.set_value("Service Team", team, "department", department)
	with as_user(make_user("qa.reader", roles.QA_OFFICER)), pytest.raises(frappe.PermissionError):
		fill_team_from_department(team)
	assert not frappe.get_doc("Service Team", team).members


def test_a_complaint_subject_picked_by_employee_carries_their_user(cast):
	user = make_user("named.worker")
	employee = make_employee("Gil", user=user)
	complaint = make_complaint(cast, subjects=[{"employee": employee, "role_in_case": "Social worker"}])
	assert [(row.employee, row.user) for row in complaint.subjects] == [(employee, user)]


def test_a_compliment_recipient_picked_by_user_is_tied_to_their_employee(cast):
	from helpers import make_compliment

	user = make_user("praised.worker")
	employee = make_employee("Hal", user=user)
	compliment = make_compliment(cast.officer, user)
	assert [(row.user, row.employee) for row in compliment.staff] == [(user, employee)]


def test_an_employee_with_no_user_is_refused_with_a_message(cast):
	employee = make_employee("Ivy")  # HR has not given her a user
	with pytest.raises(frappe.ValidationError, match="has no user"):
		make_complaint(cast, subjects=[{"employee": employee, "role_in_case": "Social worker"}])
