import frappe
import pytest
from helpers import Cast, SiteSession, served_site


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
