import frappe
import pytest
from helpers import Cast


@pytest.fixture(autouse=True)
def rolled_back(site):
	"""Each integration test starts as Administrator on the committed site and leaves nothing behind."""
	frappe.set_user("Administrator")
	frappe.local.message_log = []
	yield
	frappe.db.rollback()
	frappe.set_user("Administrator")


@pytest.fixture(scope="session")
def cast(site):
	"""Everyone a complaint needs, with their real roles (committed once for the whole session)."""
	frappe.set_user("Administrator")
	return Cast()
