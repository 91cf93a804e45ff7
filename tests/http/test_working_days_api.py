"""Over HTTP: client scripts get the server's answers, and a settings change reaches every worker."""

import datetime

import frappe
import pytest
from helpers import make_committed_user, require_env

from complaints_hc.security import roles

API = "/api/method/complaints_hc.api.working_days"
SETTINGS = "/api/resource/Complaints Settings/Complaints Settings"
REQUESTS_PER_CHECK = 12  # more than the served site's workers, so each of them answers


@pytest.fixture(scope="module")
def officer(site):
	return make_committed_user("api.officer", roles.COMPLAINTS_OFFICER)


@pytest.fixture(scope="module")
def manager(site):
	return make_committed_user("api.manager", roles.COMPLAINTS_MANAGER)


def next_working_day_after_christmas_eve(session) -> set[str]:
	answers = set()
	for _ in range(REQUESTS_PER_CHECK):
		response = session.get(f"{API}.add_working_days", params={"start": "2026-12-24", "days": 1})
		assert response.status_code == 200, response.text[:300]
		answers.add(response.json()["message"])
	return answers


def test_api_answers_like_the_engine(http, officer):
	session = http(officer)
	response = session.get(f"{API}.working_days_between", params={"start": "2026-03-23", "end": "2026-04-08"})
	assert response.json()["message"] == 10
	response = session.get(f"{API}.is_working_day", params={"day": "2026-12-28"})
	assert response.json()["message"] is False


def every_workers_calendar_in_use(session) -> dict[int, dict]:
	"""Ask on fresh connections until every worker of the served site has answered: pid -> its calendar."""
	workers = int(require_env("COMPLAINTS_WEB_WORKERS"))
	answers = {}
	for _ in range(50 * workers):
		response = session.get(f"{API}.calendar_in_use", headers={"Connection": "close"})
		assert response.status_code == 200, response.text[:300]
		answers[response.json()["message"]["worker"]] = response.json()["message"]
		if len(answers) == workers:
			return answers
	raise AssertionError(f"only {len(answers)} of {workers} workers answered")


def every_workers_calendar(session) -> dict[int, list[str]]:
	"""pid -> the extra non-working days each worker's calendar follows."""
	return {
		pid: used["extra_non_working_days"] for pid, used in every_workers_calendar_in_use(session).items()
	}


def test_the_served_site_runs_several_workers(http, manager):
	assert int(require_env("COMPLAINTS_WEB_WORKERS")) >= 2
	assert len(every_workers_calendar(http(manager))) >= 2


def test_a_settings_change_reaches_every_worker(http, officer, manager):
	reader, editor = http(officer), http(manager)
	assert next_working_day_after_christmas_eve(reader) == {"2026-12-29"}
	assert set(map(tuple, every_workers_calendar(editor).values())) == {()}
	try:
		changed = editor.put(
			SETTINGS, json={"extra_non_working_days": [{"date": "2026-12-29", "reason": "Council closure"}]}
		)
		assert changed.status_code == 200, changed.text[:500]
		after = every_workers_calendar(editor)
		assert set(map(tuple, after.values())) == {("2026-12-29",)}
		assert next_working_day_after_christmas_eve(reader) == {"2026-12-30"}
	finally:
		restored = editor.put(SETTINGS, json={"extra_non_working_days": []})
		assert restored.status_code == 200, restored.text[:500]
	assert set(map(tuple, every_workers_calendar(editor).values())) == {()}
	assert next_working_day_after_christmas_eve(reader) == {"2026-12-29"}


def test_the_calendar_in_use_is_for_the_managers_eyes(http, officer):
	assert http(officer).get(f"{API}.calendar_in_use").status_code == 403


def test_bad_input_gets_a_clear_message(http, officer):
	response = http(officer).get(f"{API}.add_working_days", params={"start": "someday", "days": 1})
	assert response.status_code == 417
	assert "must be a date" in response.text


def test_bad_settings_over_rest_are_refused_and_change_nothing(http, manager):
	response = http(manager).put(SETTINGS, json={"holiday_country": "XX"})
	assert response.status_code == 417
	frappe.db.rollback()
	assert frappe.db.get_single_value("Complaints Settings", "holiday_country") == "GB"


def test_writing_the_calendar_needs_the_manager_role(http, officer):
	response = http(officer).put(SETTINGS, json={"holiday_subdivision": "SCT"})
	assert response.status_code == 403
	frappe.db.rollback()
	assert frappe.db.get_single_value("Complaints Settings", "holiday_subdivision") == "ENG"


def test_guests_get_no_answer(http):
	response = http().get(f"{API}.add_working_days", params={"start": "2026-12-24", "days": 1})
	assert response.status_code == 403


def every_workers_holiday_list(session) -> set[tuple]:
	"""(list, version) as each worker of the served site follows it."""
	used = every_workers_calendar_in_use(session).values()
	return {(calendar["holiday_list"], calendar["holiday_list_version"]) for calendar in used}


@pytest.mark.erpnext
def test_an_edit_of_the_erpnext_holiday_list_in_use_reaches_every_worker(http, officer, manager):
	"""HR keeps the council's Holiday List in ERPNext; the Complaints Manager chooses it; HR adds a
	closure day, and every worker counts with it at once. Dates are taken from today, whatever it is."""
	from complaints_hc.neighbours import custom_fields
	from complaints_hc.working_days.engine import england_and_wales_calendar

	bank = england_and_wales_calendar()
	today = datetime.date.today()
	first, last = datetime.date(today.year - 1, 1, 1), datetime.date(today.year + 2, 12, 31)
	days = (first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
	rows = [{"holiday_date": str(day), "weekly_off": int(day.weekday() >= 5), "description": "Closed"}
		for day in days if not bank.is_working_day(day)]  # fmt: skip
	start = bank.add_working_days(today, 20)
	closure = bank.add_working_days(start, 1)
	hr, reader, editor = http(make_committed_user("api.hr", "HR Manager")), http(officer), http(manager)
	made = hr.post("/api/resource/Holiday List", json={"holiday_list_name": f"Council {frappe.generate_hash(length=6)}",
		"from_date": str(first), "to_date": str(last), "holidays": rows})  # fmt: skip
	assert made.status_code == 200, made.text[:500]
	holiday_list = made.json()["data"]["name"]
	try:
		chosen = editor.put(SETTINGS, json={custom_fields.SOURCE_FIELD: custom_fields.HOLIDAY_LIST,
			"holiday_list": holiday_list})  # fmt: skip
		assert chosen.status_code == 200, chosen.text[:500]
		(followed,) = every_workers_holiday_list(editor)
		assert followed[0] == holiday_list
		one_day_on = {"start": str(start), "days": 1}
		assert reader.get(f"{API}.add_working_days", params=one_day_on).json()["message"] == str(closure)

		listed = hr.get(f"/api/resource/Holiday List/{holiday_list}").json()["data"]
		listed["holidays"].append(
			{"holiday_date": str(closure), "weekly_off": 0, "description": "Council closure"}
		)
		edited = hr.put(f"/api/resource/Holiday List/{holiday_list}", json={"holidays": listed["holidays"]})
		assert edited.status_code == 200, edited.text[:500]
		(now_followed,) = every_workers_holiday_list(editor)
		assert now_followed[0] == holiday_list and now_followed[1] != followed[1]
		after = {
			reader.get(f"{API}.add_working_days", params=one_day_on).json()["message"] for _ in range(12)
		}
		assert after == {str(bank.add_working_days(closure, 1))}
	finally:
		restored = editor.put(SETTINGS, json={custom_fields.SOURCE_FIELD: custom_fields.BANK_HOLIDAYS,
			"holiday_list": None})  # fmt: skip
		assert restored.status_code == 200, restored.text[:500]
