"""Over HTTP: the workshops page recommends sessions for the signed-in member's own team, saying why
by team and theme only; a member of another team sees no recommendation, and nobody sees a complaint."""

import frappe
from frappe.utils import add_days, getdate
from helpers import TEST_PASSWORD, commit, make_complaint, make_team, make_theme, make_user, make_workshop

from complaints_hc.security import roles


def test_the_workshops_page_recommends_for_the_members_own_team(http, http_cast):
	today = getdate()
	suffix = frappe.generate_hash(length=5)
	theme = make_theme(f"Engaging Fathers {suffix}")
	member = make_user("needs.member", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	other = make_user("needs.other", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	team, _other_team = make_team(members=[member]), make_team(members=[other])
	complaint = make_complaint(http_cast, received_on=str(add_days(today, -30)), service_team=team,
		points=[{"description": "Dad was never asked", "learning_theme": theme}])  # fmt: skip
	frappe.db.set_value("Complaint Point", complaint.points[0].name, "outcome", "Upheld")
	workshop = make_workshop(title=f"Fathers matter {suffix}", workshop_date=str(add_days(today, 20)),
		booking_opens_on=str(add_days(today, -1)), booking_closes_on=str(add_days(today, 19)),
		themes=[{"learning_theme": theme}])  # fmt: skip
	commit()

	page = http(member).get("/workshops")
	assert page.status_code == 200
	recommended = page.text.split('id="recommended-title"', 1)
	assert len(recommended) == 2, "the member sees a recommendation"
	assert workshop.name in recommended[1] and theme in recommended[1] and team in recommended[1]
	for secret in (complaint.name, complaint.child_name, complaint.complainant_name, "Dad was never asked"):
		assert secret not in page.text
	elsewhere = http(other).get("/workshops")
	assert (
		elsewhere.status_code == 200 and workshop.name in elsewhere.text
	)  # the session itself is open to all
	assert 'id="recommended-title"' not in elsewhere.text


def test_a_drafted_workshop_is_not_on_the_portal(http):
	today = getdate()
	member = make_user("draft.viewer", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	draft = make_workshop(title=f"Drafted {frappe.generate_hash(length=5)}", status="Draft",
		workshop_date=str(add_days(today, 42)), booking_opens_on=str(today), booking_closes_on=str(add_days(today, 41)))  # fmt: skip
	commit()
	session = http(member)
	assert session.get(f"/workshops/{draft.name}").status_code == 404
	assert draft.title not in session.get("/workshops").text
