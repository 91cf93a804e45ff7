"""Who may do what to each record type, as Frappe's own permission check answers for real users.

A DocType row that names a role grants only the rights it lists; these tests catch a right that
slipped in (Frappe's DocPerm defaults every right to 1 when a row is built in code).
"""

import frappe
import pytest
from helpers import make_user

from complaints_hc.security import roles

RIGHTS = ("read", "write", "create", "delete", "share")

# (role, doctype): the rights that role holds on it; every other right is refused.
EXPECTED = {
	(roles.WORKSHOP_BOOKER, "Workshop"): {"read"},
	(roles.WORKSHOP_BOOKER, "Workshop Booking"): {"read"},
	(roles.WORKSHOP_BOOKER, "Learning Theme"): {"read"},
	(roles.WORKSHOP_BOOKER, "Complaint"): set(),
	(roles.WORKSHOP_BOOKER, "Compliment"): set(),
	(roles.WORKSHOP_FACILITATOR, "Workshop"): {"read", "write", "create", "delete"},
	(roles.WORKSHOP_FACILITATOR, "Workshop Booking"): {"read", "write"},
	(roles.WORKSHOP_FACILITATOR, "Learning Theme"): {"read"},
	(roles.WORKSHOP_FACILITATOR, "Complaint"): set(),
	(roles.TEAM_MANAGER, "Complaint"): {"read"},
	(roles.TEAM_MANAGER, "Complaint Action"): {"read", "write"},
	(roles.TEAM_MANAGER, "Complaint Category"): {"read"},
	(roles.QA_OFFICER, "Complaint"): {"read", "write"},
	(roles.QA_OFFICER, "Learning Theme"): {"read"},
	(roles.QA_APPROVER, "Compliment"): {"read"},
	# the complaints team shares a complaint with a colleague who may see it (complaints_hc.security.route_closures)
	(roles.COMPLAINTS_OFFICER, "Complaint"): {"read", "write", "create", "share"},
	(roles.COMPLAINTS_MANAGER, "Complaint"): {"read", "write", "create", "delete", "share"},
	(roles.COMPLAINTS_MANAGER, "Learning Theme"): {"read", "write", "create", "delete"},
	# audit findings: recorded by the QA team, read by team managers, nothing to portal users
	(roles.QA_OFFICER, "Audit Finding"): {"read", "write", "create"},
	(roles.TEAM_MANAGER, "Audit Finding"): {"read"},
	(roles.WORKSHOP_BOOKER, "Audit Finding"): set(),
}


@pytest.mark.parametrize("role, doctype", sorted(EXPECTED), ids=lambda value: str(value))
def test_each_role_holds_only_its_rights(role, doctype):
	user = make_user(f"rights.{frappe.scrub(role)}", role)
	held = {right for right in RIGHTS if frappe.has_permission(doctype, right, user=user)}
	assert held == EXPECTED[role, doctype]
