"""Stage 1 clocks in plain Python: the dates, the overall outcome, timeliness and the one-year limit.

A complaint under the corporate procedure has its own clocks (`corporate_response_clocks`): it is
acknowledged within 5 working days and answered within 10 of the acknowledgement, never on the
statutory timescale.

No Frappe here: the controller gathers the stored facts and the site's calendar and calls these.
All counting goes through the working-day engine (a `WorkingCalendar`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from complaints_hc.complaints import later_stages
from complaints_hc.complaints.names import (
	BEFORE_QUALITY_ASSURANCE,
	DECIDED_OUTCOMES,
	DUE_SOON,
	MET,
	MISSED,
	NOT_INVESTIGATED,
	NOT_UPHELD,
	ON_TRACK,
	OPEN,
	OUTCOME_WITHDRAWN,
	OVERDUE,
	PARTIALLY_UPHELD,
	RECEIVED,
	UPHELD,
)
from complaints_hc.working_days.engine import WorkingCalendar

ALLOCATE_WITHIN = 1  # the complaint is allocated to a QA Officer on Day 1
CONTACT_WITHIN = 2  # the Complaints Officer contacts the complainant within 2 working days of receipt
DRAFT_WITHIN = 10  # the QA Officer drafts the response within 10 working days of day 0
DEFAULT_TIMESCALE = 10  # until a timescale is agreed, the statutory 10 working days apply
SHORTEST_TIMESCALE, LONGEST_TIMESCALE = 10, 20
QA_BEFORE_DEADLINE = 2  # quality assurance is due 2 working days before the deadline
DUE_SOON_WITHIN = 3  # working days; the council can change it in Complaints Settings


@dataclass(frozen=True)
class Stage1Clocks:
	day_zero: datetime.date
	allocation_due: datetime.date
	contact_by: datetime.date
	draft_by: datetime.date
	due_date: datetime.date
	qa_by: datetime.date
	responded_on: datetime.date | None
	working_days_taken: int | None
	timescale_met: str | None  # MET, MISSED, or None while no response has been sent
	# The corporate procedure only:
	acknowledge_by: datetime.date | None = None
	acknowledgement_met: str | None = None
	longest_due_date: datetime.date | None = None  # the furthest an extension may move the response


def stage1_clocks(
	calendar: WorkingCalendar,
	received_on: datetime.date,
	restarted_on: datetime.date | None = None,
	agreed_timescale: int | None = None,
	extended_to: datetime.date | None = None,
	responded_on: datetime.date | None = None,
) -> Stage1Clocks:
	"""Every stage 1 date, from the stored facts only.

	A restart makes its date the new day 0 for the investigation (draft, due and QA); contacting the
	complainant still counts from receipt. An agreed extension replaces the due date.
	"""
	day_zero = restarted_on or received_on
	due_date = extended_to or calendar.add_working_days(day_zero, agreed_timescale or DEFAULT_TIMESCALE)
	taken = calendar.working_days_between(day_zero, responded_on) if responded_on else None
	return Stage1Clocks(
		day_zero=day_zero,
		allocation_due=allocation_due(calendar, received_on),
		contact_by=calendar.add_working_days(received_on, CONTACT_WITHIN),
		draft_by=calendar.add_working_days(day_zero, DRAFT_WITHIN),
		due_date=due_date,
		qa_by=calendar.add_working_days(due_date, -QA_BEFORE_DEADLINE),
		responded_on=responded_on,
		working_days_taken=taken,
		timescale_met=None if responded_on is None else (MET if responded_on <= due_date else MISSED),
	)


def corporate_response_clocks(
	calendar: WorkingCalendar,
	received_on: datetime.date,
	acknowledged_on: datetime.date | None = None,
	extended_to: datetime.date | None = None,
	responded_on: datetime.date | None = None,
) -> Stage1Clocks:
	"""Every date of a corporate complaint. Until it is acknowledged, the response is due as if the
	acknowledgement came on its last day, so the complaint is never without a due date."""
	clock = later_stages.corporate_clock(calendar, received_on, acknowledged_on, extended_to, responded_on)
	latest_acknowledgement = acknowledged_on or clock.acknowledge_by
	due_date = clock.response_due_on or calendar.add_working_days(
		latest_acknowledgement, later_stages.CORPORATE_RESPONSE_WITHIN
	)
	longest = clock.longest_due_on or calendar.add_working_days(
		due_date, later_stages.CORPORATE_LONGEST_EXTENSION
	)
	qa_by = calendar.add_working_days(due_date, -QA_BEFORE_DEADLINE)
	return Stage1Clocks(
		day_zero=received_on,
		allocation_due=allocation_due(calendar, received_on),
		contact_by=clock.acknowledge_by,
		draft_by=qa_by,
		due_date=due_date,
		qa_by=qa_by,
		responded_on=responded_on,
		working_days_taken=calendar.working_days_between(received_on, responded_on) if responded_on else None,
		timescale_met=None if responded_on is None else (MET if responded_on <= due_date else MISSED),
		acknowledge_by=clock.acknowledge_by,
		acknowledgement_met=clock.acknowledgement_met,
		longest_due_date=longest,
	)


def timeliness(
	calendar: WorkingCalendar,
	due_date: datetime.date,
	responded_on: datetime.date | None,
	today: datetime.date,
	due_soon_within: int = DUE_SOON_WITHIN,
	is_open: bool = True,
) -> str:
	"""On track, due soon, overdue (while open); met or missed (once responded); "" when withdrawn."""
	if responded_on:
		return MET if responded_on <= due_date else MISSED
	if not is_open:
		return ""
	if today > due_date:
		return OVERDUE
	if due_date < due_soon_bound(calendar, today, due_soon_within):
		return DUE_SOON
	return ON_TRACK


def due_soon_bound(calendar: WorkingCalendar, today: datetime.date, due_soon_within: int) -> datetime.date:
	"""An open complaint due before this date (and not yet overdue) is due soon.

	It is the working day after the last "due soon" one, so that a due date on a non-working day
	counts like the working day before it. The daily job compares stored due dates with it in SQL.
	"""
	return calendar.add_working_days(today, due_soon_within + 1)


def overall_outcome(point_outcomes: Iterable[str | None]) -> str:
	"""The complaint's outcome from its points' outcomes; "" while any point is undecided.

	Upheld when every investigated point is upheld, not upheld when none is, partially upheld for
	any mixture. Points withdrawn or not investigated do not count towards it.
	"""
	outcomes = list(point_outcomes)
	if not outcomes or not all(outcomes):
		return ""
	decided = [o for o in outcomes if o in DECIDED_OUTCOMES]
	if not decided:
		return OUTCOME_WITHDRAWN if all(o == OUTCOME_WITHDRAWN for o in outcomes) else NOT_INVESTIGATED
	if all(o == UPHELD for o in decided):
		return UPHELD
	if all(o == NOT_UPHELD for o in decided):
		return NOT_UPHELD
	return PARTIALLY_UPHELD


def one_year_before(day: datetime.date) -> datetime.date:
	try:
		return day.replace(year=day.year - 1)
	except ValueError:  # 29 February
		return day.replace(year=day.year - 1, day=28)


def is_late(events_began_on: datetime.date | None, received_on: datetime.date) -> bool:
	"""More than a year between the events and receipt: a decision to accept it must be recorded."""
	return bool(events_began_on) and events_began_on < one_year_before(received_on)


def valid_timescale(days: int) -> bool:
	return SHORTEST_TIMESCALE <= days <= LONGEST_TIMESCALE


# The early clocks of stage 1, each with the Notification method that warns of it.
ALLOCATION_ALERT, CONTACT_ALERT, ACKNOWLEDGEMENT_ALERT, QA_ALERT = (
	"allocation",
	"contact",
	"acknowledgement",
	"qa",
)
ALERT_METHODS = {
	ALLOCATION_ALERT: "notify_allocation_due",
	CONTACT_ALERT: "notify_contact_due",
	ACKNOWLEDGEMENT_ALERT: "notify_acknowledgement_due",
	QA_ALERT: "notify_qa_due",
}
ALERT_SENT_FIELDS = {
	ALLOCATION_ALERT: "allocation_alert_sent",
	CONTACT_ALERT: "contact_alert_sent",
	ACKNOWLEDGEMENT_ALERT: "acknowledgement_alert_sent",
	QA_ALERT: "qa_alert_sent",
}


def allocation_due(calendar: WorkingCalendar, received_on: datetime.date) -> datetime.date:
	"""Day 1: the QA Service Manager allocates the complaint the working day after receipt."""
	return calendar.add_working_days(received_on, ALLOCATE_WITHIN)


def early_alerts_due(
	today: datetime.date,
	status: str,
	allocation_due: datetime.date,
	contact_by: datetime.date,
	contacted: bool,
	qa_by: datetime.date,
	corporate: bool = False,
) -> set[str]:
	"""The early clocks whose day has come while the step they time is still undone.

	Each alert goes out on the clock's own day, so the step can still be taken in time, or at once when
	a complaint is logged after that day. Withdrawn, answered and closed complaints raise none. Under
	the corporate procedure the first contact is the acknowledgement (`contact_by` is its deadline and
	`contacted` whether it was sent), so that alert is the acknowledgement's.
	"""
	due = set()
	if status == RECEIVED and today >= allocation_due:
		due.add(ALLOCATION_ALERT)
	if status in OPEN and not contacted and today >= contact_by:
		due.add(ACKNOWLEDGEMENT_ALERT if corporate else CONTACT_ALERT)
	if status in BEFORE_QUALITY_ASSURANCE and today >= qa_by:
		due.add(QA_ALERT)
	return due
