"""Emails to the people on a workshop, in words the team edits (Email Template records), each
carrying the calendar invite where there is one to give.

Mail is queued in the same transaction as the change it reports: a booking that rolls back sends
nothing. The invite's SEQUENCE is the workshop's invite_sequence, so a calendar replaces the event
it already holds rather than adding a second one.
"""

import frappe
from frappe import _
from frappe.email.doctype.email_template.email_template import get_email_template
from frappe.utils import add_days, get_datetime, get_fullname, get_url, getdate, now_datetime

from complaints_hc import email_templates
from complaints_hc.working_days.site import add_working_days
from complaints_hc.workshops import invites
from complaints_hc.workshops.names import BOOKED, CANCELLABLE, CANCELLED, SCHEDULED, WORKSHOP_CANCELLED

# Reminders are looked for this far ahead: the working day before may lie a long weekend away.
REMINDER_HORIZON_DAYS = 14


def invite(workshop, cancelled: bool | None = None) -> str:
	"""The workshop's calendar invite as it stands; cancelled=True takes it out of a calendar."""
	if cancelled is None:
		cancelled = workshop.status == WORKSHOP_CANCELLED
	return invites.workshop_invite(
		uid=f"{workshop.name}@{frappe.local.site}",
		title=workshop.title,
		starts=get_datetime(f"{workshop.workshop_date} {workshop.start_time}"),
		ends=get_datetime(f"{workshop.workshop_date} {workshop.end_time}"),
		location=workshop.venue or workshop.joining_link,
		description=workshop.learning_outcomes,
		sequence=workshop.invite_sequence or 0,
		cancelled=cancelled,
	)


def when(workshop) -> str:
	"""'Tuesday 15 July 2026, 10:00 to 12:00'"""
	day = getdate(workshop.workshop_date)
	return _("{0}, {1} to {2}").format(
		f"{day:%A} {day.day} {day:%B %Y}", str(workshop.start_time)[:5], str(workshop.end_time)[:5]
	)


def send(template_name: str, workshop, attendee: str, status: str, invite_text: str | None, **extra):
	context = {
		"doc": workshop,
		"attendee_name": get_fullname(attendee),
		"status": status,
		"when": when(workshop),
		"where": workshop.venue or workshop.joining_link or _("to be confirmed"),
		"workshop_url": get_url(f"/workshops/{workshop.name}"),
		"my_bookings_url": get_url("/my-bookings"),
		"invite_attached": bool(invite_text),
		**extra,
	}
	email = get_email_template(template_name, context)  # the team's words, rendered by Frappe
	attachments = [{"fname": f"{workshop.name}.ics", "fcontent": invite_text}] if invite_text else None
	frappe.sendmail(
		recipients=[attendee],
		subject=email["subject"],
		message=email["message"],
		attachments=attachments,
		reference_doctype="Workshop",
		reference_name=workshop.name,
		add_unsubscribe_link=False,  # about a seat the person asked for, not a mailing
	)


def booking_made(workshop_name: str, attendee: str, status: str, waitlist_position: int = 0):
	workshop = frappe.get_doc("Workshop", workshop_name)
	if status == BOOKED:
		send(email_templates.WORKSHOP_BOOKING_CONFIRMED, workshop, attendee, status, invite(workshop))
	else:
		send(email_templates.WORKSHOP_WAITLISTED, workshop, attendee, status, None,
			waitlist_position=waitlist_position)  # fmt: skip


def booking_cancelled(workshop_name: str, attendee: str, was_booked: bool):
	workshop = frappe.get_doc("Workshop", workshop_name)
	send(
		email_templates.WORKSHOP_BOOKING_CANCELLED,
		workshop,
		attendee,
		CANCELLED,
		invite(workshop, cancelled=True) if was_booked else None,
	)


def active_bookings(workshop_name: str) -> list[dict]:
	return frappe.get_all(
		"Workshop Booking",
		filters={"workshop": workshop_name, "status": ["in", CANCELLABLE]},
		fields=["name", "attendee", "status", "waitlist_position"],
		order_by="status, waitlist_position",
	)


def workshop_changed(workshop, before):
	"""Tell everyone booked or waiting that the workshop was cancelled or moved, with the new invite."""
	cancelled = workshop.status == WORKSHOP_CANCELLED
	template = email_templates.WORKSHOP_CANCELLED if cancelled else email_templates.WORKSHOP_MOVED
	updated = invite(workshop)
	for row in active_bookings(workshop.name):
		send(
			template,
			workshop,
			row.attendee,
			row.status,
			updated if row.status == BOOKED else None,
			previous_when=when(before),
			waitlist_position=row.waitlist_position,
		)


def send_reminders():
	"""Daily: remind those booked on the working day before their workshop (once each).

	A day the job did not run is caught up on the next run, as long as the workshop is still ahead.
	"""
	now = now_datetime()
	today = now.date()
	for workshop_name in frappe.get_all(
		"Workshop",
		filters={
			"status": SCHEDULED,
			"workshop_date": ["between", (add_days(today, 1), add_days(today, REMINDER_HORIZON_DAYS))],
		},
		pluck="name",
	):
		workshop = frappe.get_doc("Workshop", workshop_name)
		if add_working_days(workshop.workshop_date, -1) > today:
			continue
		updated = invite(workshop)
		for row in frappe.get_all(
			"Workshop Booking",
			filters={
				"workshop": workshop.name,
				"status": BOOKED,
				"reminder_sent_at": ["is", "not set"],
			},
			fields=["name", "attendee"],
		):
			send(email_templates.WORKSHOP_REMINDER, workshop, row.attendee, BOOKED, updated)
			frappe.db.set_value("Workshop Booking", row.name, "reminder_sent_at", now, update_modified=False)
		frappe.db.commit()  # one workshop at a time: a failure later does not resend these
