"""The Workshop Bookings report, run by a facilitator, against bookings counted by hand."""

import frappe
from frappe.utils import getdate
from helpers import as_user, make_theme, make_user, make_workshop, on

from complaints_hc import booking, roles
from complaints_hc.complaints_hc.report.workshop_bookings.workshop_bookings import execute


def test_the_report_counts_every_booking(cast):
	facilitator = make_user("report.facilitator", roles.WORKSHOP_FACILITATOR)
	other_facilitator = make_user("report.facilitator.two", roles.WORKSHOP_FACILITATOR)
	staff = [make_user(f"report.staff.{n}", roles.WORKSHOP_BOOKER) for n in range(5)]
	bias = make_workshop(title="Confirmatory Bias", capacity=2, themes=[{"learning_theme": make_theme("Confirmatory Bias")}],
		facilitators=[{"user": facilitator}])  # fmt: skip
	curiosity = make_workshop(title="Professional Curiosity", capacity=3, workshop_date="2026-07-20",
		themes=[{"learning_theme": make_theme("Professional Curiosity")}], facilitators=[{"user": other_facilitator}])  # fmt: skip
	with on("2026-06-10"):
		names = {user: booking.book(bias.name, user) for user in staff[:4]}  # 2 booked, 2 waitlisted
		booking.cancel(names[staff[3]], staff[3])  # a waitlisted place given up
		booking.book(curiosity.name, staff[4])
	with on("2026-07-15"):
		for user, mark in ((staff[0], "Attended"), (staff[1], "No-show")):
			register = frappe.get_doc("Workshop Booking", names[user])
			register.status = mark
			register.save()
		booking.give_feedback(names[staff[0]], staff[0], 4)

	with as_user(facilitator):
		columns, rows, _message, chart, summary = execute(
			{"from_date": "2026-07-01", "to_date": "2026-07-31"}
		)
	by_title = {row["title"]: row for row in rows}
	assert by_title["Confirmatory Bias"] == {
		"workshop": bias.name, "title": "Confirmatory Bias", "workshop_date": getdate("2026-07-15"), "capacity": 2,
		"booked": 0, "waitlisted": 1, "cancelled": 1, "attended": 1, "no_show": 1, "average_rating": 4.0,
	}  # fmt: skip
	assert by_title["Professional Curiosity"]["booked"] == 1
	assert by_title["Professional Curiosity"]["average_rating"] is None
	assert [s["value"] for s in summary] == [2, 3, 1, 1]  # workshops, seats booked, attended, waiting
	assert chart["data"]["labels"] == ["Confirmatory Bias", "Professional Curiosity"]
	assert [c["fieldname"] for c in columns][-1] == "average_rating"

	with as_user(facilitator):
		by_theme = execute({"theme": "Professional Curiosity"})[1]
		by_facilitator = execute({"facilitator": facilitator})[1]
		both = execute({"theme": "Professional Curiosity", "facilitator": facilitator})[1]
	assert [r["workshop"] for r in by_theme] == [curiosity.name]
	assert [r["workshop"] for r in by_facilitator] == [bias.name]
	assert both == []


def test_only_those_who_run_workshops_may_run_the_report(cast):
	report = frappe.get_doc("Report", "Workshop Bookings")
	facilitator = make_user("report.facilitator", roles.WORKSHOP_FACILITATOR)
	booker = make_user("report.booker", roles.WORKSHOP_BOOKER)
	with as_user(facilitator):
		assert report.is_permitted()
	with as_user(booker):
		assert not report.is_permitted()
