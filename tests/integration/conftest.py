import frappe
import pytest


@pytest.fixture(autouse=True)
def rolled_back(site):
	"""Each integration test starts as Administrator on the committed site and leaves nothing behind."""
	frappe.set_user("Administrator")
	frappe.local.message_log = []
	yield
	frappe.db.rollback()
	frappe.set_user("Administrator")
