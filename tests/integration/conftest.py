import frappe
import pytest
from helpers import Cast


@pytest.fixture(autouse=True)
def rolled_back(site):
	"""Each integration test starts as Administrator on the committed site and leaves nothing behind.

	Frappe commits in the middle of some work (the email queue marks mail as sent, for one), which
	would keep a test's data: during a test `frappe.db.commit` does nothing. A test that needs
	another process to see its data calls helpers.commit().
	"""
	frappe.set_user("Administrator")
	frappe.local.message_log = []
	frappe.local.db.commit = lambda *args, **kwargs: None
	try:
		yield
	finally:
		del frappe.local.db.commit  # back to the connection's own method
		frappe.db.rollback()
		frappe.set_user("Administrator")


@pytest.fixture(scope="session")
def cast(site):
	"""Everyone a complaint needs, with their real roles (committed once for the whole session)."""
	frappe.set_user("Administrator")
	return Cast()
