"""Over HTTP: client scripts get the server's answers, and a settings change reaches every worker."""

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


def every_workers_calendar(session) -> dict[int, list[str]]:
	"""Ask on fresh connections until every worker of the served site has answered: pid -> its extra days."""
	workers = int(require_env("COMPLAINTS_WEB_WORKERS"))
	answers = {}
	for _ in range(50 * workers):
		response = session.get(f"{API}.calendar_in_use", headers={"Connection": "close"})
		assert response.status_code == 200, response.text[:300]
		answers[response.json()["message"]["worker"]] = response.json()["message"]["extra_non_working_days"]
		if len(answers) == workers:
			return answers
	raise AssertionError(f"only {len(answers)} of {workers} workers answered")


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
