"""Over HTTP, several gunicorn workers: bookings that hold when many arrive at once."""

import concurrent.futures
import json
import threading

import frappe
import pytest
from frappe.utils import add_days, today
from helpers import SiteSession, commit, make_user, make_workshop, on, served_site

from complaints_hc.security import roles
from complaints_hc.workshops import booking

PASSWORD = "Test-Complaints-2026"
BOOK = "/api/method/complaints_hc.api.workshops.book"


def open_workshop(capacity: int):
	"""Bookable now, on the served site's real clock."""
	return make_workshop(title=f"Professional Curiosity {frappe.generate_hash(length=6)}", capacity=capacity,
		workshop_date=add_days(today(), 20), booking_opens_on=add_days(today(), -1),
		booking_closes_on=add_days(today(), 10))  # fmt: skip


def logged_in(users):
	base_url, site = served_site()
	return [SiteSession(base_url, site).login(user, PASSWORD) for user in users]


def all_at_once(sessions, workshop_name):
	"""Send one booking per session, released together."""
	gate = threading.Barrier(len(sessions))

	def send(session):
		gate.wait()
		return session.post(BOOK, data={"workshop": workshop_name})

	with concurrent.futures.ThreadPoolExecutor(max_workers=len(sessions)) as pool:
		return list(pool.map(send, sessions))


def test_fifty_staff_booking_the_last_seat(site):
	users = [make_user(f"load.booker.{n}", roles.WORKSHOP_BOOKER, password=PASSWORD) for n in range(50)]
	workshop = open_workshop(capacity=1)
	commit()
	responses = all_at_once(logged_in(users), workshop.name)

	assert [r.status_code for r in responses] == [200] * 50, {r.status_code for r in responses}
	outcomes = [r.json()["message"]["status"] for r in responses]
	assert outcomes.count("Booked") == 1 and outcomes.count("Waitlisted") == 49
	frappe.db.rollback()
	bookings = frappe.get_all(
		"Workshop Booking", {"workshop": workshop.name}, ["status", "waitlist_position"]
	)
	assert len(bookings) == 50
	assert [b.status for b in bookings].count("Booked") == 1
	assert sorted(b.waitlist_position for b in bookings if b.status == "Waitlisted") == list(range(1, 50))
	seats, waiting = frappe.db.get_value("Workshop", workshop.name, ["seats_booked", "waitlist_count"])
	assert (seats, waiting) == (1, 49)


def test_one_person_sending_ten_bookings_at_once(site):
	user = make_user("eager.booker", roles.WORKSHOP_BOOKER, password=PASSWORD)
	workshop = open_workshop(capacity=5)
	commit()
	session = logged_in([user])[0]
	clones = []
	for _ in range(10):
		clone = SiteSession(session.base_url, session.headers["X-Frappe-Site-Name"])
		clone.cookies.update(session.cookies)
		clone.headers["X-Frappe-CSRF-Token"] = session.headers["X-Frappe-CSRF-Token"]
		clones.append(clone)
	responses = all_at_once(clones, workshop.name)

	codes = sorted(r.status_code for r in responses)
	assert codes.count(200) == 1 and codes.count(417) == 9, codes
	for refused in (r for r in responses if r.status_code == 417):
		assert "already booked" in refused.text
	frappe.db.rollback()
	assert frappe.db.count("Workshop Booking", {"workshop": workshop.name}) == 1
	assert frappe.db.get_value("Workshop", workshop.name, "seats_booked") == 1


CANCEL = "/api/method/complaints_hc.api.workshops.cancel"


def test_cancellations_at_once_promote_the_waiting_list_in_order(site):
	"""Three booked and one waiting give up their places at the same moment: the seats go to the first
	still waiting, in order, the counters and positions stay whole, and each promoted person is told."""
	people = [make_user(f"race.{n}", roles.WORKSHOP_BOOKER, password=PASSWORD) for n in range(8)]
	workshop = open_workshop(capacity=3)
	names = {user: booking.book(workshop.name, user) for user in people}  # 3 booked, 5 waiting (1-5)
	commit()
	leaving = [*people[:3], people[4]]  # the three with seats, and the second in the queue
	sessions = logged_in(leaving)
	gate = threading.Barrier(len(sessions))

	def cancel(pair):
		session, user = pair
		gate.wait()
		return session.post(CANCEL, data={"booking_name": names[user]})

	with concurrent.futures.ThreadPoolExecutor(max_workers=len(sessions)) as pool:
		responses = list(pool.map(cancel, zip(sessions, leaving, strict=True)))
	assert [r.status_code for r in responses] == [200] * 4, [r.text[:200] for r in responses]

	frappe.db.rollback()
	rows = {row.attendee: row for row in frappe.get_all("Workshop Booking", {"workshop": workshop.name},
		["name", "attendee", "status", "waitlist_position"])}  # fmt: skip
	assert [rows[user].status for user in leaving] == ["Cancelled"] * 4
	first, third, fourth, fifth = people[3], people[5], people[6], people[7]
	assert [(rows[u].status, rows[u].waitlist_position) for u in (first, third, fourth, fifth)] == [
		("Booked", 0), ("Booked", 0), ("Booked", 0), ("Waitlisted", 1)]  # fmt: skip
	assert frappe.db.get_value("Workshop", workshop.name, ["seats_booked", "waitlist_count"]) == (3, 1)
	for promoted in (first, third, fourth):
		queued = frappe.get_all("Email Queue", {"reference_doctype": "Workshop Booking",
			"reference_name": rows[promoted].name}, pluck="name")  # fmt: skip
		told = frappe.get_all("Email Queue Recipient", {"parent": ["in", queued or [""]]}, pluck="recipient")
		assert promoted in told, promoted


@pytest.fixture(scope="module")
def two_bookers(site):
	alice = make_user("portal.alice", roles.WORKSHOP_BOOKER, password=PASSWORD)
	bryn = make_user("portal.bryn", roles.WORKSHOP_BOOKER, password=PASSWORD)
	workshop = open_workshop(capacity=10)
	commit()
	return alice, bryn, workshop


def test_a_portal_user_cannot_read_or_cancel_anothers_booking(http, two_bookers):
	alice, bryn, workshop = two_bookers
	booked = http(alice).post(BOOK, data={"workshop": workshop.name})
	assert booked.status_code == 200
	name = booked.json()["message"]["name"]
	assert http(bryn).get(f"/api/resource/Workshop Booking/{name}").status_code == 403
	listed = http(bryn).get("/api/resource/Workshop Booking", params={"fields": json.dumps(["name"])})
	assert name not in listed.text
	cancelled = http(bryn).post("/api/method/complaints_hc.api.workshops.cancel", data={"booking_name": name})
	assert cancelled.status_code == 403
	assert http(alice).get(f"/api/resource/Workshop Booking/{name}").status_code == 200


def test_booking_is_post_only(http, two_bookers):
	_alice, bryn, workshop = two_bookers
	assert http(bryn).get(BOOK, params={"workshop": workshop.name}).status_code in (403, 405)


def test_cancelling_and_feedback_are_post_only_and_only_for_ones_own_booking(http, two_bookers):
	alice, bryn, workshop = two_bookers
	name = frappe.db.get_value("Workshop Booking", {"workshop": workshop.name, "attendee": alice})
	if not name:
		booked = http(alice).post(BOOK, data={"workshop": workshop.name})
		assert booked.status_code == 200, booked.text[:300]
		name = booked.json()["message"]["name"]
	frappe.db.set_value(
		"Workshop Booking", name, "status", "Attended"
	)  # the register, as marked by the facilitator
	commit()
	feedback = "/api/method/complaints_hc.api.workshops.give_feedback"
	for method in (CANCEL, feedback):
		assert http(alice).get(method, params={"booking_name": name, "rating": 5}).status_code in (403, 405)
	refused = http(bryn).post(
		feedback, data={"booking_name": name, "rating": 1, "comment": "Not mine to rate"}
	)
	assert refused.status_code == 403 and "not your booking" in refused.text
	frappe.db.rollback()
	assert frappe.db.get_value("Workshop Booking", name, ["status", "feedback_at"]) == ("Attended", None)
	given = http(alice).post(feedback, data={"booking_name": name, "rating": 4, "comment": "Useful"})
	assert given.status_code == 200, given.text[:300]
	frappe.db.rollback()
	assert frappe.db.get_value("Workshop Booking", name, "rating") == 0.8


def test_my_bookings_offers_a_short_feedback_form_once_after_attending(http, two_bookers):
	"""A workshop held two days ago: the one the facilitator marked present is offered the form until they
	have used it; the one booked but not marked present is not offered it."""
	alice, bryn, _workshop = two_bookers
	held = make_workshop(title=f"Held {frappe.generate_hash(length=6)}", capacity=10,
		workshop_date=add_days(today(), -2), booking_opens_on=add_days(today(), -20),
		booking_closes_on=add_days(today(), -3))  # fmt: skip
	with on(add_days(today(), -10)):
		attended, absent = [booking.book(held.name, user) for user in (alice, bryn)]
	frappe.db.set_value(
		"Workshop Booking", attended, "status", "Attended"
	)  # the register, as the facilitator kept it
	commit()

	def my_bookings(user) -> str:
		page = http(user).get("/my-bookings", headers={"Accept": "text/html"})
		assert page.status_code == 200, page.status_code
		return page.text

	offered = my_bookings(alice)
	assert f'data-feedback="{attended}"' in offered and f'for="rating-{attended}"' in offered
	assert f'data-feedback="{absent}"' not in my_bookings(bryn)
	given = http(alice).post("/api/method/complaints_hc.api.workshops.give_feedback",
		data={"booking_name": attended, "rating": 5, "comment": "Clear and practical."})  # fmt: skip
	assert given.status_code == 200, given.text[:300]
	assert f'data-feedback="{attended}"' not in my_bookings(alice)
	frappe.db.rollback()
	assert frappe.db.get_value("Workshop Booking", attended, ["rating", "feedback"]) == (
		1.0,
		"Clear and practical.",
	)


def test_a_portal_user_reaches_no_complaint_data(http, two_bookers):
	alice, _bryn, _workshop = two_bookers
	session = http(alice)
	for doctype in ("Complaint", "Complaint Action", "Compliment", "Complaint Point"):
		assert session.get(f"/api/resource/{doctype}").status_code == 403, doctype
	assert session.get("/app/complaint", headers={"Accept": "text/html"}).status_code in (302, 403)


def test_a_portal_user_cannot_change_workshops_or_bookings_through_the_rest_api(http, two_bookers):
	alice, _bryn, _workshop = two_bookers
	workshop = open_workshop(capacity=10)
	commit()
	session = http(alice)
	name = session.post(BOOK, data={"workshop": workshop.name}).json()["message"]["name"]
	attempts = [
		session.put(f"/api/resource/Workshop/{workshop.name}", json={"capacity": 500, "title": "Changed"}),
		session.post("/api/resource/Workshop", json={"title": "Mine", "workshop_date": "2030-01-01"}),
		session.delete(f"/api/resource/Workshop/{workshop.name}"),
		session.put(f"/api/resource/Workshop Booking/{name}", json={"status": "Attended"}),
		session.post("/api/resource/Workshop Booking", json={"workshop": workshop.name, "attendee": alice}),
		session.delete(f"/api/resource/Workshop Booking/{name}"),
	]
	assert [r.status_code for r in attempts] == [403] * len(attempts)
	frappe.db.rollback()
	assert frappe.db.get_value("Workshop", workshop.name, ["title", "capacity"]) == (workshop.title, 10)
	assert frappe.db.get_value("Workshop Booking", name, "status") == "Booked"


def test_a_workshop_has_its_own_page_for_signed_in_staff(http, two_bookers):
	alice, _bryn, workshop = two_bookers
	page = http(alice).get(f"/workshops/{workshop.name}", headers={"Accept": "text/html"})
	assert page.status_code == 200
	assert f'<h1 id="workshop-title">{workshop.title}</h1>' in page.text
	assert "Plough Lane, Room 2" in page.text
	missing = http(alice).get("/workshops/WS-0000-99999", headers={"Accept": "text/html"})
	assert missing.status_code == 404
	base_url, site = served_site()
	anonymous = SiteSession(base_url, site).get(
		f"/workshops/{workshop.name}", headers={"Accept": "text/html"}
	)
	assert anonymous.status_code in (401, 403) and workshop.title not in anonymous.text
