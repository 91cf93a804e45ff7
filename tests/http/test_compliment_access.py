"""Over HTTP: staff see their own compliments on the portal, nobody else's; sharing is POST only."""

import pytest
from helpers import commit, make_compliment, make_user

from complaints_hc.security import roles

PASSWORD = "Test-Complaints-2026"


@pytest.fixture(scope="module")
def compliments(http_cast):
	alice = make_user("http.staff.alice", roles.WORKSHOP_BOOKER, password=PASSWORD)
	bryn = make_user("http.staff.bryn", roles.WORKSHOP_BOOKER, password=PASSWORD)
	for_alice = make_compliment(
		http_cast.officer, alice, words="Alice listened to us & never judged <b>us</b>."
	)
	for_bryn = make_compliment(http_cast.officer, bryn, words="Bryn turned things around for our family.")
	commit()
	return alice, bryn, for_alice, for_bryn


def test_staff_see_their_own_compliments_and_nobody_elses(http, compliments):
	alice, _bryn, for_alice, for_bryn = compliments
	page = http(alice).get("/my-compliments", headers={"Accept": "text/html"})
	assert page.status_code == 200
	assert "Alice listened to us &amp; never judged us." in page.text  # plain text, escaped once
	assert "<b>us</b>" not in page.text
	assert "Bryn turned things around" not in page.text
	assert http(alice).get(f"/api/resource/Compliment/{for_bryn.name}").status_code == 403
	assert (
		http(alice).get(f"/api/resource/Compliment/{for_alice.name}").status_code == 403
	)  # the page is their view


def test_guests_are_asked_to_sign_in(http):
	response = http().get("/my-compliments", headers={"Accept": "text/html"})
	assert response.status_code in (401, 403)


def test_sharing_is_post_only_and_for_the_complaints_team(http, http_cast, compliments):
	alice, _bryn, for_alice, _for_bryn = compliments
	method = "/api/method/complaints_hc.api.compliments.share_with_staff"
	assert http(http_cast.officer).get(method, params={"compliment": for_alice.name}).status_code in (
		403,
		405,
	)
	assert http(alice).post(method, data={"compliment": for_alice.name}).status_code == 403
	shared = http(http_cast.officer).post(method, data={"compliment": for_alice.name})
	assert shared.status_code == 200 and shared.json()["message"]["shared_with"] == [alice]
