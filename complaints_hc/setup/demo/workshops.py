"""Demo workshops: the seven from the council's paper (summer 2025) and upcoming ones, create-if-missing."""

import frappe
from frappe.utils import add_days, getdate, today

from complaints_hc.workshops import booking
from complaints_hc.workshops.names import ATTENDED, NO_SHOW

DEMO = "@demo.example.org"
FACILITATORS = (f"sian.roberts{DEMO}", f"tom.hughes{DEMO}")
BOOKERS = tuple(f"{name}{DEMO}" for name in ("priya.shah", "owen.jones", "ellie.marsh", "ben.carter"))

# title, learning themes, learning outcomes, date in the paper
PAPER_WORKSHOPS = (
	("Safety and SMART Planning", ("SMART Planning and Safety Plans",),
		"Understanding what makes a good outcome-focused, child-centred SMART plan and developing it with families.\n"
		"Contingency planning.\nWhat a safety plan is, and how to formulate one.", "2025-07-15"),
	("Confirmatory Bias", ("Confirmatory Bias",),
		"Understanding the impact of fixed thinking and confirmatory bias in practice, and how to recognise and prevent it.",
		"2025-07-29"),
	("Voice of the Child and Purposeful Visits", ("Voice of the Child and Purposeful Visits",),
		"Planning visits with a purpose, and recording the child's wishes and feelings in their own words.", "2025-08-05"),
	("Chronology, Genogram and Case Summaries", ("Chronology, Genogram and Case Summaries",),
		"Practice expectations for the content and use of chronologies, genograms and case summaries.\n"
		"Learning from audits: what good looks like.", "2025-08-07"),
	("Threshold Training", ("Threshold Training",),
		"Understanding thresholds.\nApplying the levels of need to case scenarios.\nComplex cases, neglect and threshold.",
		"2025-08-26"),
	("Professional Curiosity", ("Professional Curiosity",),
		"What professional curiosity is.\nThe barriers to it and what enables it in practice.", "2025-08-28"),
	("Engaging Fathers and Men", ("Engaging Fathers and Men",),
		"Including fathers and male carers from the first contact, in assessments, plans and meetings.", "2025-09-09"),
)  # fmt: skip


# What some of those who came said afterwards: rating out of 5, comment.
FEEDBACK = (
	(5, "Practical examples I can use on my next visit."),
	(4, "Useful, and good to hear how other teams do it."),
	(3, ""),
	(5, "The case scenarios made thresholds much clearer."),
	(4, "Would like a follow-up session on recording."),
)


def make_demo_workshops():
	for index, (title, themes, outcomes, day) in enumerate(PAPER_WORKSHOPS):
		workshop = ensure_workshop(title, themes, outcomes, getdate(day), status="Completed")
		if workshop:
			record_register(workshop, index)
	# The same programme again, from next month, open for booking now.
	for offset, (title, themes, outcomes, _day) in enumerate(PAPER_WORKSHOPS):
		upcoming = add_days(today(), 21 + 7 * offset)
		workshop = ensure_workshop(title, themes, outcomes, getdate(upcoming), status="Scheduled")
		if workshop and offset < 2:
			for user in BOOKERS[: 2 + offset]:
				frappe.set_user(user)
				booking.book(workshop, user)
	frappe.set_user("Administrator")


def ensure_workshop(title, themes, outcomes, day, status) -> str | None:
	if frappe.db.exists("Workshop", {"title": title, "workshop_date": day}):
		return None
	past = status == "Completed"
	workshop = frappe.get_doc({
		"doctype": "Workshop", "title": title, "status": "Scheduled", "description": "A bite-size workshop run by the QA team.",
		"learning_outcomes": outcomes, "themes": [{"learning_theme": t} for t in themes],
		"facilitators": [{"user": FACILITATORS[len(title) % 2]}], "workshop_date": day,
		"start_time": "10:00:00", "end_time": "12:00:00", "venue": "Online (Teams)" if len(title) % 2 else "Plough Lane, Room 2",
		"capacity": 3 if not past else 20, "booking_opens_on": add_days(day, -42) if past else today(),
		"booking_closes_on": add_days(day, -1), "cancellation_cutoff_hours": 24,
	}).insert(ignore_permissions=True)  # demo set-up  # fmt: skip
	if past:
		workshop.db_set("status", status)
	return workshop.name


def record_register(workshop: str, index: int):
	"""A past session's register: all but one booker came, and some of them gave feedback."""
	no_show = BOOKERS[index % len(BOOKERS)]
	for n, user in enumerate(BOOKERS):
		came = user != no_show
		rating, comment = FEEDBACK[(index + n) % len(FEEDBACK)]
		gave_feedback = came and n % 2 == 0
		row = frappe.get_doc({
			"doctype": "Workshop Booking", "workshop": workshop, "attendee": user,
			"status": ATTENDED if came else NO_SHOW, "booked_at": frappe.utils.now_datetime(),
			"rating": rating / 5 if gave_feedback else 0, "feedback": comment if gave_feedback else None,
			"feedback_at": frappe.utils.now_datetime() if gave_feedback else None,
		})  # fmt: skip
		row.flags.from_booking_service = True  # history, not a booking made today
		row.insert(ignore_permissions=True)  # demo set-up
	booking.set_counters(workshop, len(BOOKERS), 0)
