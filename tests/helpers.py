"""Factories and helpers shared by the tests: users with real roles, acting as them, HTTP sessions."""

import contextlib
import os
import re
import uuid

import frappe
import pytest
import requests

TEST_PASSWORD = "Test-Complaints-2026"
CSRF_IN_PAGE = re.compile(r'frappe\.csrf_token\s*=\s*"([^"]+)"')


def require_env(name: str) -> str:
	value = os.environ.get(name)
	if not value:
		pytest.fail(
			f"{name} is not set: run the tests with scripts/test, which sets up the site", pytrace=False
		)
	return value


def unique_email(label: str) -> str:
	return f"{label}.{uuid.uuid4().hex[:8]}@test.example.org"


def make_user(label: str, *roles: str, password: str | None = None) -> str:
	"""A new user holding exactly these roles. Returns the email (the user's name)."""
	from complaints_hc.demo import ensure_user

	email = unique_email(label)
	ensure_user(email, label.replace(".", " ").title(), "Tester", roles, password)
	return email


@contextlib.contextmanager
def as_user(email: str):
	"""Act as this user inside the block, then go back to whoever was acting before."""
	previous = frappe.session.user
	frappe.set_user(email)
	try:
		yield
	finally:
		frappe.set_user(previous)


def make_committed_user(label: str, *roles: str) -> str:
	"""A user the served site can see: HTTP and browser tests run in other processes."""
	email = make_user(label, *roles, password=TEST_PASSWORD)
	frappe.db.commit()  # nosemgrep: the web server reads this user from another connection
	return email


class SiteSession(requests.Session):
	"""A requests session addressed to the served test site, logged in as one user."""

	def __init__(self, base_url: str, site: str):
		super().__init__()
		self.base_url = base_url.rstrip("/")
		self.headers["X-Frappe-Site-Name"] = site
		self.headers["Accept"] = "application/json"

	def request(self, method, url, *args, **kwargs):
		if url.startswith("/"):
			url = self.base_url + url
		kwargs.setdefault("timeout", 60)
		kwargs.setdefault("allow_redirects", False)
		return super().request(method, url, *args, **kwargs)

	def login(self, email: str, password: str = TEST_PASSWORD) -> "SiteSession":
		response = self.post("/api/method/login", data={"usr": email, "pwd": password})
		assert response.status_code == 200, (
			f"login as {email} failed: {response.status_code} {response.text[:300]}"
		)
		self.headers["X-Frappe-CSRF-Token"] = self.csrf_token()
		return self

	def csrf_token(self) -> str:
		"""The token a browser would send: desk users get it in /app, portal users in any web page."""
		for page in ("/app", "/me"):
			found = CSRF_IN_PAGE.search(self.get(page, headers={"Accept": "text/html"}).text)
			if found:
				return found.group(1)
		raise AssertionError("no CSRF token in /app or /me")


def served_site() -> tuple[str, str]:
	return require_env("COMPLAINTS_TEST_URL"), require_env("COMPLAINTS_TEST_SITE")
