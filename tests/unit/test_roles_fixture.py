"""The roles shipped as fixtures are exactly the roles the app declares, with the right desk access."""

import json
import pathlib

from complaints_hc.security import roles

FIXTURE = pathlib.Path(roles.__file__).parent.parent / "fixtures" / "role.json"


def load_fixture():
	return {record["name"]: record for record in json.loads(FIXTURE.read_text())}


def test_fixture_holds_every_declared_role_and_nothing_else():
	assert set(load_fixture()) == set(roles.ALL_ROLES)


def test_only_the_portal_role_is_kept_out_of_the_desk():
	fixture = load_fixture()
	assert {name for name, record in fixture.items() if not record["desk_access"]} == set(roles.PORTAL_ROLES)


def test_fixture_hook_is_filtered_to_the_declared_roles():
	from complaints_hc import hooks

	(role_fixture,) = [f for f in hooks.fixtures if f["dt"] == "Role"]
	assert role_fixture["filters"] == [["name", "in", list(roles.ALL_ROLES)]]


def test_no_role_takes_a_name_erpnext_or_hrms_uses():
	# The app must install beside ERPNext v15 and Frappe HR: a clash would merge two meanings.
	taken = {
		"Accounts Manager",
		"HR Manager",
		"HR User",
		"Employee",
		"Quality Manager",
		"Projects Manager",
		"Projects User",
		"Support Team",
		"Sales Manager",
		"Stock Manager",
		"Maintenance Manager",
		"Manufacturing Manager",
		"Leave Approver",
		"Expense Approver",
		"Interviewer",
	}
	assert not taken & set(roles.ALL_ROLES)
