"""The clocks and rules of the stages after stage 1, and of the corporate procedure, in plain Python.

No Frappe here: the records gather their stored facts and the site's calendar and call these. Every
date is counted by the one working-day engine (a `WorkingCalendar`): the day something happens is
day 0, and "within N working days" is the N-th working day after it.

- Asking for the next stage: within the council's window after the response (20 working days by
  default); later requests are not refused, they need a recorded decision.
- Stage 2 investigation: response within 25 working days of the request, at most 65 when extended
  with a reason and a new date given to the complainant.
- Stage 3 review panel: meets within 30 working days of the request; its report within 5 of the
  meeting; the council's response within 15 of receiving the report. The stage 2 Independent Person
  may not sit on it, and it has three members, one of whom chairs.
- Corporate procedure: acknowledged within 5 working days of receipt; responded to within 10 of the
  acknowledgement, extendable by at most 10 more with a reason.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from complaints_hc.complaints.names import MET, MISSED
from complaints_hc.working_days.engine import WorkingCalendar

NEXT_STAGE_WINDOW = 20  # working days after a response; Complaints Settings holds the council's value
STAGE2_RESPONSE_WITHIN, STAGE2_LONGEST = 25, 65
PANEL_MEETS_WITHIN, PANEL_REPORTS_WITHIN, PANEL_RESPONSE_WITHIN = 30, 5, 15
PANEL_SIZE = 3
CORPORATE_ACKNOWLEDGE_WITHIN, CORPORATE_RESPONSE_WITHIN, CORPORATE_LONGEST_EXTENSION = 5, 10, 10

# What can be wrong with a stage's facts; the records turn these into messages.
EXTENSION_TOO_LONG = "extension_too_long"
EXTENSION_WITHOUT_REASON = "extension_without_reason"
EXTENSION_WITHOUT_NEW_DATE_TOLD = "extension_without_new_date_told"
EXTENSION_BEFORE_DUE = "extension_before_due"
REPORT_BEFORE_MEETING = "report_before_meeting"
REPORT_RECEIVED_BEFORE_REPORT = "report_received_before_report"
RESPONSE_BEFORE_REPORT = "response_before_report"
INDEPENDENT_PERSON_ON_PANEL = "independent_person_on_panel"
PANEL_NOT_THREE = "panel_not_three"
PANEL_CHAIRS_NOT_ONE = "panel_chairs_not_one"
LATE_REQUEST_WITHOUT_DECISION = "late_request_without_decision"
REQUEST_BEFORE_RESPONSE = "request_before_response"


def met_or_missed(done_on: datetime.date | None, due_on: datetime.date) -> str | None:
	return None if done_on is None else (MET if done_on <= due_on else MISSED)


def taken(calendar: WorkingCalendar, start: datetime.date, done_on: datetime.date | None) -> int | None:
	return calendar.working_days_between(start, done_on) if done_on else None


# Asking for the next stage


def next_stage_window_ends(
	calendar: WorkingCalendar, responded_on: datetime.date, window: int = NEXT_STAGE_WINDOW
) -> datetime.date:
	"""The last day on which the complainant may ask for the next stage without a late decision."""
	return calendar.add_working_days(responded_on, window)


def request_problems(
	calendar: WorkingCalendar,
	responded_on: datetime.date | None,
	requested_on: datetime.date,
	late_decision: str | None,
	window: int = NEXT_STAGE_WINDOW,
) -> list[str]:
	"""A request needs the previous stage's response; a late one needs a recorded decision."""
	if responded_on is None or requested_on < responded_on:
		return [REQUEST_BEFORE_RESPONSE]
	if requested_on > next_stage_window_ends(calendar, responded_on, window) and not late_decision:
		return [LATE_REQUEST_WITHOUT_DECISION]
	return []


# Stage 2 investigation


@dataclass(frozen=True)
class Stage2Clock:
	requested_on: datetime.date
	due_on: datetime.date  # 25 working days
	longest_due_on: datetime.date  # 65 working days: no extension may go beyond it
	response_due_on: datetime.date  # the extended date when there is one
	responded_on: datetime.date | None
	working_days_taken: int | None
	met: str | None


def stage2_clock(
	calendar: WorkingCalendar,
	requested_on: datetime.date,
	extended_to: datetime.date | None = None,
	responded_on: datetime.date | None = None,
) -> Stage2Clock:
	due_on = calendar.add_working_days(requested_on, STAGE2_RESPONSE_WITHIN)
	response_due_on = extended_to or due_on
	return Stage2Clock(
		requested_on=requested_on,
		due_on=due_on,
		longest_due_on=calendar.add_working_days(requested_on, STAGE2_LONGEST),
		response_due_on=response_due_on,
		responded_on=responded_on,
		working_days_taken=taken(calendar, requested_on, responded_on),
		met=met_or_missed(responded_on, response_due_on),
	)


def stage2_extension_problems(
	calendar: WorkingCalendar,
	requested_on: datetime.date,
	extended_to: datetime.date | None,
	reason: str | None,
	new_date_told_on: datetime.date | None,
) -> list[str]:
	"""An extension goes past 25 working days but not past 65, with a reason and the complainant told."""
	if extended_to is None:
		return []
	clock = stage2_clock(calendar, requested_on)
	found = []
	if extended_to <= clock.due_on:
		found.append(EXTENSION_BEFORE_DUE)
	if extended_to > clock.longest_due_on:
		found.append(EXTENSION_TOO_LONG)
	if not (reason or "").strip():
		found.append(EXTENSION_WITHOUT_REASON)
	if new_date_told_on is None:
		found.append(EXTENSION_WITHOUT_NEW_DATE_TOLD)
	return found


# Stage 3 review panel


@dataclass(frozen=True)
class Stage3Clock:
	requested_on: datetime.date
	meeting_due_on: datetime.date
	meeting_on: datetime.date | None
	meeting_met: str | None
	report_due_on: datetime.date | None  # once the panel has met
	report_on: datetime.date | None
	report_met: str | None
	response_due_on: datetime.date | None  # once the council has the report
	responded_on: datetime.date | None
	response_met: str | None


def stage3_clock(
	calendar: WorkingCalendar,
	requested_on: datetime.date,
	meeting_on: datetime.date | None = None,
	report_on: datetime.date | None = None,
	report_received_on: datetime.date | None = None,
	responded_on: datetime.date | None = None,
) -> Stage3Clock:
	meeting_due_on = calendar.add_working_days(requested_on, PANEL_MEETS_WITHIN)
	report_due_on = calendar.add_working_days(meeting_on, PANEL_REPORTS_WITHIN) if meeting_on else None
	response_due_on = (
		calendar.add_working_days(report_received_on, PANEL_RESPONSE_WITHIN) if report_received_on else None
	)
	return Stage3Clock(
		requested_on=requested_on,
		meeting_due_on=meeting_due_on,
		meeting_on=meeting_on,
		meeting_met=met_or_missed(meeting_on, meeting_due_on),
		report_due_on=report_due_on,
		report_on=report_on,
		report_met=met_or_missed(report_on, report_due_on) if report_due_on else None,
		response_due_on=response_due_on,
		responded_on=responded_on,
		response_met=met_or_missed(responded_on, response_due_on) if response_due_on else None,
	)


def stage3_date_problems(
	meeting_on: datetime.date | None,
	report_on: datetime.date | None,
	report_received_on: datetime.date | None,
	responded_on: datetime.date | None,
) -> list[str]:
	"""The panel's dates in their only possible order: meeting, report, report received, response."""
	found = []
	if report_on and (meeting_on is None or report_on < meeting_on):
		found.append(REPORT_BEFORE_MEETING)
	if report_received_on and (report_on is None or report_received_on < report_on):
		found.append(REPORT_RECEIVED_BEFORE_REPORT)
	if responded_on and (report_received_on is None or responded_on < report_received_on):
		found.append(RESPONSE_BEFORE_REPORT)
	return found


def panel_problems(
	members: list[tuple[str, bool]], stage2_independent_people: set[str], complete: bool = True
) -> list[str]:
	"""`members`: (person, chairs). The stage 2 Independent Person may not sit; the panel never has more
	than three people or more than one chair, and once complete it has exactly three and one chair."""
	found = []
	if any(person in stage2_independent_people for person, _chairs in members):
		found.append(INDEPENDENT_PERSON_ON_PANEL)
	people = len({person for person, _chairs in members})
	chairs = sum(1 for _person, chairs in members if chairs)
	if people > PANEL_SIZE or (complete and people != PANEL_SIZE):
		found.append(PANEL_NOT_THREE)
	if chairs > 1 or (complete and chairs != 1):
		found.append(PANEL_CHAIRS_NOT_ONE)
	return found


# Corporate procedure


@dataclass(frozen=True)
class CorporateClock:
	received_on: datetime.date
	acknowledge_by: datetime.date
	acknowledged_on: datetime.date | None
	acknowledgement_met: str | None
	response_due_on: datetime.date | None  # once acknowledged
	longest_due_on: datetime.date | None
	responded_on: datetime.date | None
	response_met: str | None


def corporate_clock(
	calendar: WorkingCalendar,
	received_on: datetime.date,
	acknowledged_on: datetime.date | None = None,
	extended_to: datetime.date | None = None,
	responded_on: datetime.date | None = None,
) -> CorporateClock:
	acknowledge_by = calendar.add_working_days(received_on, CORPORATE_ACKNOWLEDGE_WITHIN)
	due_on = longest = None
	if acknowledged_on:
		due_on = calendar.add_working_days(acknowledged_on, CORPORATE_RESPONSE_WITHIN)
		longest = calendar.add_working_days(due_on, CORPORATE_LONGEST_EXTENSION)
	response_due_on = extended_to or due_on
	return CorporateClock(
		received_on=received_on,
		acknowledge_by=acknowledge_by,
		acknowledged_on=acknowledged_on,
		acknowledgement_met=met_or_missed(acknowledged_on, acknowledge_by),
		response_due_on=response_due_on,
		longest_due_on=longest,
		responded_on=responded_on,
		response_met=met_or_missed(responded_on, response_due_on) if response_due_on else None,
	)


def corporate_extension_problems(
	calendar: WorkingCalendar,
	received_on: datetime.date,
	acknowledged_on: datetime.date | None,
	extended_to: datetime.date | None,
	reason: str | None,
) -> list[str]:
	if extended_to is None:
		return []
	clock = corporate_clock(calendar, received_on, acknowledged_on)
	found = []
	if clock.response_due_on is None or extended_to <= clock.response_due_on:
		found.append(EXTENSION_BEFORE_DUE)
	elif extended_to > clock.longest_due_on:
		found.append(EXTENSION_TOO_LONG)
	if not (reason or "").strip():
		found.append(EXTENSION_WITHOUT_REASON)
	return found
