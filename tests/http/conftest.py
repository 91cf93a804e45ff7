import frappe
import pytest
from helpers import TEST_PASSWORD, Cast, SiteSession, commit, make_team, make_user, served_site

from complaints_hc.security import roles


@pytest.fixture
def http(site):
	"""Open a session on the served site: `http()` for a guest, `http(email)` logged in as that user."""
	base_url, site_name = served_site()
	sessions = []

	def open_session(email: str | None = None) -> SiteSession:
		session = SiteSession(base_url, site_name)
		sessions.append(session)
		return session.login(email) if email else session

	yield open_session
	for session in sessions:
		session.close()


@pytest.fixture(scope="session")
def http_cast(site):
	"""Everyone a complaint needs, committed so that the served site can log them in."""
	frappe.set_user("Administrator")
	return Cast()


@pytest.fixture(scope="session")
def outsiders(http_cast):
	"""People who may not see the cast's complaints: a subject holding every desk role (each test names
	them on its complaint), a QA Officer with nothing allocated, a Team Manager of another team."""
	everything = make_user("every.role.subject", *roles.DESK_ROLES, password=TEST_PASSWORD)
	idle_qa = make_user("idle.qa.officer", roles.QA_OFFICER, password=TEST_PASSWORD)
	other_manager = make_user("other.team.manager", roles.TEAM_MANAGER, password=TEST_PASSWORD)
	make_team(team_manager=other_manager)
	commit()
	return {"subject with every role": everything, "QA Officer, nothing allocated": idle_qa,
		"Team Manager of another team": other_manager}  # fmt: skip
