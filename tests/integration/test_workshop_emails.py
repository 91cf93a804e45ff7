"""The emails around a booking: confirmation with its invite, the reminder the working day before,
and the notice (with an updated invite) when a workshop is cancelled or moved."""

import email

import frappe
import pytest
from helpers import as_user, make_user, make_workshop, on

from complaints_hc.security import roles
from complaints_hc.workshops import booking
from complaints_hc.workshops import mail as workshop_mail


@pytest.fixture
def staff():
	return [make_user(f"mail.booker.{n}", roles.WORKSHOP_BOOKER) for n in range(3)]


@pytest.fixture
def facilitator():
	return make_user("mail.facilitator", roles.WORKSHOP_FACILITATOR)


def book(user, workshop):
	with as_user(user):
		return booking.book(workshop.name, user)


def mails_to(user, workshop) -> list[dict]:
	"""Each queued email about this workshop to this user: subject, body text and calendar invite."""
	found = []
	for q in frappe.get_all(
		"Email Queue",
		{"reference_doctype": "Workshop", "reference_name": workshop.name},
		["name", "message"],
		order_by="creation",
	):
		if frappe.get_all("Email Queue Recipient", {"parent": q.name, "recipient": user}):
			found.append(parsed(q.message))
	return found


def parsed(raw: str) -> dict:
	message = email.message_from_string(raw)
	body, invite = "", None
	for part in message.walk():
		if part.get_content_type() == "text/calendar":
			invite = part.get_payload(decode=True).decode()
		elif part.get_content_type() == "text/html":
			body += part.get_payload(decode=True).decode()
	subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
	return {"subject": subject, "body": body, "invite": invite}


def the_mail(user, workshop, subject_start: str) -> dict:
	[found] = [m for m in mails_to(user, workshop) if m["subject"].startswith(subject_start)]
	return found


def edit_workshop(workshop, user, **values):
	with as_user(user):
		doc = frappe.get_doc("Workshop", workshop.name)
		doc.update(values)
		doc.save()
	return doc


def test_booking_confirms_with_an_invite_and_the_waiting_list_is_told_its_place(staff):
	workshop = make_workshop(capacity=1)
	with on("2026-06-10"):
		book(staff[0], workshop)
		book(staff[1], workshop)
	[confirmed] = mails_to(staff[0], workshop)
	assert confirmed["subject"].startswith(f"Booked: {workshop.title}")
	assert "Wednesday 15 July 2026, 10:00 to 12:00" in confirmed["body"]
	assert f"UID:{workshop.name}@{frappe.local.site}" in confirmed["invite"]
	assert "DTSTART;TZID=Europe/London:20260715T100000" in confirmed["invite"]
	assert "SEQUENCE:0" in confirmed["invite"] and "METHOD:PUBLISH" in confirmed["invite"]
	[waiting] = mails_to(staff[1], workshop)
	assert waiting["subject"].startswith("Waiting list:")
	assert "number 1 on its waiting list" in waiting["body"]
	assert waiting["invite"] is None


def test_cancelling_a_seat_takes_it_out_of_the_calendar(staff):
	workshop = make_workshop()
	with on("2026-06-10"):
		name = book(staff[0], workshop)
		with as_user(staff[0]):
			booking.cancel(name, staff[0])
	assert len(mails_to(staff[0], workshop)) == 2
	the_mail(staff[0], workshop, "Booked:")
	cancelled = the_mail(staff[0], workshop, "Cancelled: your place")
	assert cancelled["subject"] == f"Cancelled: your place on {workshop.title}"
	assert "METHOD:CANCEL" in cancelled["invite"] and "STATUS:CANCELLED" in cancelled["invite"]
	assert f"UID:{workshop.name}@" in cancelled["invite"]


def test_a_booking_that_fails_sends_nothing(staff):
	workshop = make_workshop()
	with on("2026-05-20"), pytest.raises(booking.BookingError):
		book(staff[0], workshop)
	assert mails_to(staff[0], workshop) == []


def reminders(workshop, user):
	return [m for m in mails_to(user, workshop) if m["subject"].startswith("Tomorrow's workshop")]


def test_the_reminder_goes_the_working_day_before_to_those_booked_once(staff):
	workshop = make_workshop(capacity=1)  # Wednesday 15 July 2026
	with on("2026-06-10"):
		book(staff[0], workshop)
		book(staff[1], workshop)  # waiting: no reminder
	with on("2026-07-13"):
		workshop_mail.send_reminders()
	assert reminders(workshop, staff[0]) == []
	with on("2026-07-14"):
		workshop_mail.send_reminders()
		workshop_mail.send_reminders()  # the job running twice reminds nobody twice
	[reminder] = reminders(workshop, staff[0])
	assert "Plough Lane, Room 2" in reminder["body"] and "SEQUENCE:0" in reminder["invite"]
	assert reminders(workshop, staff[1]) == []


def test_the_reminder_skips_the_weekend_and_a_bank_holiday(staff):
	# Tuesday 1 September 2026: the Monday before is the summer bank holiday, so Friday 28 August.
	workshop = make_workshop(workshop_date="2026-09-01", booking_closes_on="2026-08-27")
	with on("2026-06-10"):
		book(staff[0], workshop)
	with on("2026-08-27"):
		workshop_mail.send_reminders()
	assert reminders(workshop, staff[0]) == []
	with on("2026-08-28"):
		workshop_mail.send_reminders()
	assert len(reminders(workshop, staff[0])) == 1


def test_a_missed_reminder_is_caught_up_while_the_workshop_is_ahead(staff):
	workshop = make_workshop(workshop_date="2026-09-01", booking_closes_on="2026-08-27")
	with on("2026-06-10"):
		book(staff[0], workshop)
	with on("2026-08-31"):  # the job did not run on Friday
		workshop_mail.send_reminders()
	assert len(reminders(workshop, staff[0])) == 1
	with on("2026-09-01"):  # on the day itself it is too late to remind
		workshop_mail.send_reminders()
	assert len(reminders(workshop, staff[0])) == 1


def test_moving_a_workshop_sends_everyone_the_change_and_the_booked_a_new_invite(staff, facilitator):
	workshop = make_workshop(capacity=1)
	with on("2026-06-10"):
		book(staff[0], workshop)
		book(staff[1], workshop)
	with on("2026-07-14"):
		workshop_mail.send_reminders()
	with on("2026-06-20"):
		moved = edit_workshop(workshop, facilitator, workshop_date="2026-07-22", start_time="14:00:00",
			end_time="16:00:00")  # fmt: skip
	assert moved.invite_sequence == 1
	notice = the_mail(staff[0], workshop, "Workshop changed")
	assert (
		notice["subject"] == f"Workshop changed: {workshop.title}, now Wednesday 22 July 2026, 14:00 to 16:00"
	)
	assert "It was: Wednesday 15 July 2026, 10:00 to 12:00" in notice["body"]
	assert (
		"SEQUENCE:1" in notice["invite"] and "DTSTART;TZID=Europe/London:20260722T140000" in notice["invite"]
	)
	waiting = the_mail(staff[1], workshop, "Workshop changed")
	assert waiting["invite"] is None
	assert "still number 1 on the waiting list" in waiting["body"]
	# the reminder is due again before the new date
	assert frappe.db.get_value("Workshop Booking", {"attendee": staff[0]}, "reminder_sent_at") is None


def test_an_edit_that_does_not_touch_the_calendar_sends_nothing(staff, facilitator):
	workshop = make_workshop()
	with on("2026-06-10"):
		book(staff[0], workshop)
		edited = edit_workshop(workshop, facilitator, description="Now with a case study.", capacity=5)
	assert edited.invite_sequence == 0
	assert len(mails_to(staff[0], workshop)) == 1  # the confirmation only


def test_cancelling_a_workshop_tells_everyone_and_cannot_be_undone(staff, facilitator):
	workshop = make_workshop(capacity=1)
	with on("2026-06-10"):
		book(staff[0], workshop)
		book(staff[1], workshop)
		cancelled = edit_workshop(workshop, facilitator, status="Cancelled")
	assert cancelled.invite_sequence == 1
	booked, waiting = (the_mail(user, workshop, "Workshop cancelled") for user in staff[:2])
	assert (
		booked["subject"] == f"Workshop cancelled: {workshop.title}, Wednesday 15 July 2026, 10:00 to 12:00"
	)
	assert "METHOD:CANCEL" in booked["invite"] and "SEQUENCE:1" in booked["invite"]
	assert waiting["invite"] is None and "has been cancelled" in waiting["body"]
	assert mails_to(staff[2], workshop) == []
	with pytest.raises(frappe.ValidationError, match="stays cancelled"):
		edit_workshop(workshop, facilitator, status="Scheduled")
	assert frappe.db.get_value("Workshop", workshop.name, "status") == "Cancelled"


def test_the_downloaded_invite_carries_the_current_version(staff, facilitator):
	from complaints_hc.api import workshops

	workshop = make_workshop()
	with on("2026-06-10"):
		book(staff[0], workshop)
		edit_workshop(workshop, facilitator, venue="Civic Centre, Room 5")
		with as_user(staff[0]):
			workshops.calendar_invite(workshop.name)
	assert "SEQUENCE:1" in frappe.response.filecontent
	assert "LOCATION:Civic Centre\\, Room 5" in frappe.response.filecontent


def test_saving_a_workshop_keeps_the_seats_booked_meanwhile(staff, facilitator):
	workshop = make_workshop(capacity=3)
	with as_user(facilitator):
		stale = frappe.get_doc("Workshop", workshop.name)  # the facilitator's form, opened earlier
	with on("2026-06-10"):
		book(staff[0], workshop)
		book(staff[1], workshop)
	stale.description = "Updated while people were booking."
	with as_user(facilitator):
		stale.save()
	assert frappe.db.get_value("Workshop", workshop.name, "seats_booked") == 2
