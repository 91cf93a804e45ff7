"""The Workshop Bookings report, run by a facilitator, against bookings counted by hand."""

import datetime

import frappe
from frappe.utils import getdate
from helpers import as_user, make_theme, make_user, make_workshop, on

from complaints_hc.complaints_hc.report.workshop_bookings.workshop_bookings import execute
from complaints_hc.complaints_hc.report.workshop_feedback.workshop_feedback import execute as execute_feedback
from complaints_hc.security import roles
from complaints_hc.workshops import booking


def mark_register(facilitator: str, booking_name: str, mark: str):
	"""The workshop's facilitator marks the register, as in the desk."""
	with as_user(facilitator):
		register = frappe.get_doc("Workshop Booking", booking_name)
		register.status = mark
		register.save()


def give_feedback(attendee: str, booking_name: str, rating: int, comment: str | None = None):
	"""The attendee gives feedback on their own booking, as the portal does for them."""
	with as_user(attendee):
		booking.give_feedback(booking_name, frappe.session.user, rating, comment)


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
			mark_register(facilitator, names[user], mark)
		give_feedback(staff[0], names[staff[0]], 4)
	with on("2026-07-20"):
		attended = frappe.db.get_value("Workshop Booking", {"attendee": staff[4]})
		mark_register(other_facilitator, attended, "Attended")
		give_feedback(staff[4], attended, 1)

	with as_user(facilitator):
		columns, rows, _message, chart, summary = execute(
			{"from_date": "2026-07-01", "to_date": "2026-07-31"}
		)
	by_title = {row["title"]: row for row in rows}
	assert by_title["Confirmatory Bias"] == {
		"workshop": bias.name, "title": "Confirmatory Bias", "workshop_date": getdate("2026-07-15"), "capacity": 2,
		"booked": 0, "waitlisted": 1, "cancelled": 1, "attended": 1, "no_show": 1, "ratings": 1, "rating_total": 4,
		"average_rating": 4.0,
	}  # fmt: skip
	assert (
		by_title["Professional Curiosity"]["attended"],
		by_title["Professional Curiosity"]["average_rating"],
	) == (1, 1.0)
	# the total adds the counts and averages over every rating given, not over the workshops' averages
	assert by_title["Total"] == {"title": "Total", "capacity": 5, "booked": 0, "waitlisted": 1, "cancelled": 1,
		"attended": 2, "no_show": 1, "ratings": 2, "average_rating": 2.5}  # fmt: skip
	assert [s["value"] for s in summary] == [2, 3, 2, 1]  # workshops, seats booked, attended, waiting
	assert chart["data"]["labels"] == ["Confirmatory Bias", "Professional Curiosity"]
	assert [c["fieldname"] for c in columns][-1] == "average_rating"

	with as_user(facilitator):
		by_theme = execute({"theme": "Professional Curiosity"})[1]
		by_facilitator = execute({"facilitator": facilitator})[1]
		both = execute({"theme": "Professional Curiosity", "facilitator": facilitator})[1]
	assert [r.get("workshop") for r in by_theme] == [curiosity.name, None]  # and the total
	assert [r.get("workshop") for r in by_facilitator] == [bias.name, None]
	assert both == []

	sheet = exported_to_excel(facilitator, {"from_date": "2026-07-01", "to_date": "2026-07-31"})
	assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
		["Workshop", "Title", "Date", "Capacity", "Booked", "Waitlisted", "Cancelled", "Attended", "No-show",
			"Ratings Given", "Average Rating (of 5)"],
		[bias.name, "Confirmatory Bias", datetime.datetime(2026, 7, 15), 2, 0, 1, 1, 1, 1, 1, 4],
		[curiosity.name, "Professional Curiosity", datetime.datetime(2026, 7, 20), 3, 0, 0, 0, 1, 0, 1, 1],
		[None, "Total", None, 5, 0, 1, 1, 2, 1, 2, 2.5],
	]  # fmt: skip
	assert sheet["C2"].is_date


def exported_to_excel(user: str, filters: dict):
	"""The report as the desk's Export > Excel produces it, opened with openpyxl."""
	import io
	import json

	import openpyxl
	from frappe.desk.query_report import export_query

	with as_user(user):  # set_user empties form_dict, so the request's form comes after it
		frappe.local.form_dict = frappe._dict(report_name="Workshop Bookings", file_format_type="Excel",
			filters=json.dumps(filters), visible_idx="[]")  # fmt: skip
		export_query()
	assert frappe.response.filename == "Workshop Bookings.xlsx"
	return openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent)).active


def test_the_feedback_report_shows_what_attendees_said_without_their_names(cast):
	facilitator = make_user("feedback.facilitator", roles.WORKSHOP_FACILITATOR)
	staff = [make_user(f"feedback.staff.{n}", roles.WORKSHOP_BOOKER) for n in range(4)]
	workshop = make_workshop(
		title="Engaging Fathers and Men", capacity=4, facilitators=[{"user": facilitator}]
	)
	with on("2026-06-10"):
		names = [booking.book(workshop.name, user) for user in staff]
	with on("2026-07-15"):
		for name, mark in zip(names, ("Attended", "Attended", "Attended", "No-show"), strict=True):
			mark_register(facilitator, name, mark)
		give_feedback(staff[0], names[0], 5, "Practical and kind.")
		give_feedback(staff[1], names[1], 2)

	with as_user(facilitator):
		columns, rows, _message, chart, summary = execute_feedback({"workshop": workshop.name})
	assert sorted((r["rating"], r["feedback"]) for r in rows) == [(2, ""), (5, "Practical and kind.")]
	assert all(r["workshop"] == workshop.name for r in rows)
	assert not {"attendee", "owner"} & {c["fieldname"] for c in columns}
	assert not any(user in str(rows) for user in staff)
	assert [s["value"] for s in summary] == [3, 2, 3.5]  # attended, gave feedback, average
	assert chart["data"]["datasets"][0]["values"] == [0, 1, 0, 0, 1]
	booker = make_user("feedback.booker", roles.WORKSHOP_BOOKER)
	with as_user(booker):
		assert not frappe.get_doc("Report", "Workshop Feedback").is_permitted()


def test_only_those_who_run_workshops_may_run_the_report(cast):
	report = frappe.get_doc("Report", "Workshop Bookings")
	facilitator = make_user("report.facilitator", roles.WORKSHOP_FACILITATOR)
	booker = make_user("report.booker", roles.WORKSHOP_BOOKER)
	with as_user(facilitator):
		assert report.is_permitted()
	with as_user(booker):
		assert not report.is_permitted()
