"""Over HTTP: a Complaints Officer reaches the Complaints workspace; a portal-booking user is refused."""

import json

import frappe
import pytest
from helpers import make_committed_user

from complaints_hc.security import roles


@pytest.fixture(scope="module")
def officer(site):
	return make_committed_user("officer", roles.COMPLAINTS_OFFICER)


@pytest.fixture(scope="module")
def booker(site):
	return make_committed_user("booker", roles.WORKSHOP_BOOKER)


def load_workspace(session):
	return session.post(
		"/api/method/frappe.desk.desktop.get_desktop_page",
		data={"page": json.dumps({"name": "Complaints", "title": "Complaints", "public": 1})},
	)


@pytest.fixture(scope="module")
def desk_user_without_its_roles(site):
	"""Council staff with the desk for other work (Frappe's own Desk User role), no complaints role."""
	user = make_committed_user("other.desk.user", "Desk User")
	assert frappe.db.get_value("User", user, "user_type") == "System User"
	return user


def test_officer_reaches_the_complaints_workspace(http, officer):
	session = http(officer)
	sidebar = session.get("/api/method/frappe.desk.desktop.get_workspace_sidebar_items")
	assert sidebar.status_code == 200
	assert "Complaints" in [page["name"] for page in sidebar.json()["message"]["pages"]]

	page = load_workspace(session)
	assert page.status_code == 200, page.text[:500]
	content = page.json()["message"]
	shortcuts = {item["label"] for item in content["shortcuts"]["items"]}
	assert {"Open Complaints", "Overdue", "Awaiting QA", "Letters to Post"} <= shortcuts
	assert {card["label"] for card in content["number_cards"]["items"]} >= {"Open Complaints"}


def test_a_desk_user_without_its_roles_is_refused_the_workspace(http, desk_user_without_its_roles):
	session = http(desk_user_without_its_roles)
	sidebar = session.get("/api/method/frappe.desk.desktop.get_workspace_sidebar_items")
	assert sidebar.status_code == 200
	assert "Complaints" not in [page["name"] for page in sidebar.json()["message"]["pages"]]
	assert load_workspace(session).status_code == 403


def test_portal_booker_is_refused_the_desk_and_the_workspace(http, booker):
	session = http(booker)
	assert frappe.db.get_value("User", booker, "user_type") == "Website User"

	desk = session.get("/app/complaints")
	assert desk.status_code in (302, 403), desk.status_code
	if desk.status_code == 302:
		assert "/app" not in desk.headers["Location"]

	sidebar = session.get("/api/method/frappe.desk.desktop.get_workspace_sidebar_items")
	names = [p["name"] for p in sidebar.json().get("message", {}).get("pages", [])] if sidebar.ok else []
	assert "Complaints" not in names

	page = load_workspace(session)
	assert page.status_code == 403, page.status_code


def test_guest_is_refused_the_workspace(http):
	assert load_workspace(http()).status_code == 403
