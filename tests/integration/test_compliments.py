"""Compliments: recorded, shared with the staff they are about, celebrated only with consent."""

import frappe
import pytest
from freezegun import freeze_time
from helpers import as_user, make_compliment, make_user

from complaints_hc.api.compliments import share_with_staff
from complaints_hc.learning.compliments import compliments_about
from complaints_hc.security import roles


@pytest.fixture
def staff():
	return [make_user(f"staff.{n}", roles.WORKSHOP_BOOKER) for n in ("one", "two", "three")]


def test_shared_with_two_staff_who_each_see_it_and_a_third_who_does_not(cast, staff):
	first, second, third = staff
	with freeze_time("2026-05-12 10:00:00"):
		compliment = make_compliment(cast.officer, first, second, received_on="2026-05-11", category=None)
		assert compliment.quarter == "2026-27 Q1"
		with as_user(cast.officer):
			result = share_with_staff(compliment.name)
	assert sorted(result["shared_with"]) == sorted([first, second])
	stored = frappe.get_doc("Compliment", compliment.name)
	assert (str(stored.shared_on), stored.shared_by) == ("2026-05-12 11:00:00", cast.officer)  # London, BST

	queue = frappe.get_all(
		"Email Queue", {"reference_doctype": "Compliment", "reference_name": compliment.name}, pluck="name"
	)
	recipients = frappe.get_all("Email Queue Recipient", {"parent": ["in", queue]}, pluck="recipient")
	assert sorted(recipients) == sorted([first, second])
	told = frappe.get_all("Notification Log", {"for_user": ["in", staff], "subject": ["like", "A compliment for you%"]},
		pluck="for_user")  # fmt: skip
	assert sorted(told) == sorted([first, second])

	assert [c.name for c in compliments_about(first)] == [compliment.name]
	assert [c.name for c in compliments_about(second)] == [compliment.name]
	assert compliments_about(third) == []
	with as_user(third), pytest.raises(frappe.PermissionError):
		frappe.get_doc("Compliment", compliment.name).check_permission("read")


def test_the_bulletin_flag_needs_consent_to_quote(cast, staff):
	with pytest.raises(frappe.ValidationError, match="agreed to being quoted"):
		make_compliment(cast.officer, staff[0], include_in_bulletin=1, consent_to_quote=0)
	celebrated = make_compliment(cast.officer, staff[0], include_in_bulletin=1, consent_to_quote=1)
	assert celebrated.include_in_bulletin == 1


@pytest.mark.parametrize(
	"values, message",
	[
		({"staff": [], "team": None}, "at least one staff member or a team"),
		({"received_on": "2099-01-01"}, "cannot be in the future"),
	],
)
def test_bad_compliments_are_refused_and_nothing_is_saved(cast, staff, values, message):
	before = frappe.db.count("Compliment")
	with pytest.raises(frappe.ValidationError, match=message):
		make_compliment(cast.officer, staff[0], **values)
	assert frappe.db.count("Compliment") == before


def test_a_team_alone_is_enough(cast):
	compliment = make_compliment(cast.officer, team=cast.team)
	assert compliment.team == cast.team and not compliment.staff


def test_sharing_needs_write_permission(cast, staff):
	compliment = make_compliment(cast.officer, staff[0])
	with as_user(staff[0]), pytest.raises(frappe.PermissionError):
		share_with_staff(compliment.name)
	assert not frappe.db.get_value("Compliment", compliment.name, "shared_on")
