"""Training needs: where a team's upheld complaint points on a learning theme meet few of its staff
trained on that theme.

For a period, per service team and theme: the stage 1 points upheld in full or in part on complaints
received in it (how many of them came through a case file audit), the audit findings of practice to
improve (an Audit Finding, with or without a complaint), the team's staff (its members and its team
manager), and how many of them have attended a workshop on the theme by the period's end. A team with
such points or findings and fewer than half its staff trained has a training need; needs are ranked
by points and findings together, then by the smallest share trained. Everything is at the level of teams and
themes: no complaint, child or named member of staff.

`rank` and `is_need` are plain Python; `team_themes` reads the site.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import frappe
from frappe import _
from frappe.utils import add_days, getdate, today

from complaints_hc import email_templates
from complaints_hc.complaints.names import PARTIALLY_UPHELD, UPHELD
from complaints_hc.workshops import mail
from complaints_hc.workshops.names import ACTIVE, ATTENDED, SCHEDULED, WORKSHOP_DRAFT

TRAINED_ENOUGH = 0.5  # half the team trained on the theme: no longer a need
AUDIT = "Case file audit"  # Complaint.received_via for points raised through the monthly audit
PRACTICE_TO_IMPROVE = "Practice to improve"  # Audit Finding.kind that counts towards a need


@dataclass
class TeamTheme:
	team: str
	theme: str
	upheld_points: int = 0
	from_audits: int = 0
	audit_findings: int = 0
	staff: int = 0
	trained: int = 0
	next_workshop: str | None = None
	next_workshop_on: datetime.date | None = None
	next_workshop_title: str | None = None

	@property
	def trained_share(self) -> float:
		return self.trained / self.staff if self.staff else 0.0

	@property
	def concerns(self) -> int:
		return self.upheld_points + self.audit_findings

	@property
	def is_need(self) -> bool:
		return is_need(self.concerns, self.staff, self.trained)


def is_need(concerns: int, staff: int, trained: int) -> bool:
	"""Upheld points or audit findings on the theme, and fewer than half the team trained on it (a
	team with nobody on record has nobody trained)."""
	return concerns > 0 and (not staff or trained / staff < TRAINED_ENOUGH)


def rank(rows: list[TeamTheme]) -> list[TeamTheme]:
	"""Most points and findings first; among equals, the smallest share trained; then by name."""
	return sorted(rows, key=lambda r: (-r.concerns, r.trained_share, r.team, r.theme))


def team_themes(
	start: datetime.date, end: datetime.date, team: str | None = None, as_reader: bool = True
) -> list[TeamTheme]:
	"""Every team and theme with upheld points or audit findings in the period, ranked, with its staff
	and training.

	Points are counted through `frappe.get_list`, so a reader counts only the complaints they may see
	(a staff member never counts the complaint that names them). `as_reader=False` counts every
	complaint, for the portal's recommendations, which show a theme and never a figure."""
	filters = [
		["Complaint", "received_on", "between", [start, end]],
		["Complaint", "service_team", "is", "set"],
		["Complaint Point", "outcome", "in", [UPHELD, PARTIALLY_UPHELD]],
		["Complaint Point", "learning_theme", "is", "set"],
	]
	if team:
		filters.append(["Complaint", "service_team", "=", team])
	counted = (frappe.get_list if as_reader else frappe.get_all)(
		"Complaint",
		filters=filters,
		fields=[
			"`tabComplaint`.service_team as team",
			"`tabComplaint Point`.learning_theme as theme",
			"count(`tabComplaint Point`.name) as points",
			f"sum(`tabComplaint`.received_via = '{AUDIT}') as from_audits",
		],
		group_by="`tabComplaint`.service_team, `tabComplaint Point`.learning_theme",
		order_by=None,
	)
	rows = {
		(r.team, r.theme): TeamTheme(r.team, r.theme, int(r.points), int(r.from_audits or 0)) for r in counted
	}
	findings = [["audited_on", "between", [start, end]], ["kind", "=", PRACTICE_TO_IMPROVE]]
	if team:
		findings.append(["service_team", "=", team])
	for r in (frappe.get_list if as_reader else frappe.get_all)("Audit Finding", filters=findings,
		fields=["service_team", "learning_theme", "count(name) as findings"],
		group_by="service_team, learning_theme", order_by=None):  # fmt: skip
		rows.setdefault((r.service_team, r.learning_theme), TeamTheme(r.service_team, r.learning_theme))
		rows[r.service_team, r.learning_theme].audit_findings = int(r.findings)
	rows = list(rows.values())
	staff = staff_of({r.team for r in rows})
	trained = trained_on({r.theme for r in rows}, set().union(*staff.values()) if staff else set(), end)
	upcoming = next_workshops({r.theme for r in rows})
	for row in rows:
		people = staff.get(row.team, set())
		row.staff = len(people)
		row.trained = len(people & trained.get(row.theme, set()))
		row.next_workshop, row.next_workshop_on, row.next_workshop_title = upcoming.get(
			row.theme, (None,) * 3
		)
	return rank(rows)


def staff_of(teams: set[str]) -> dict[str, set[str]]:
	"""Each team's staff: its members and its team manager (team membership is not complaint data)."""
	staff = {team: set() for team in teams}
	for row in frappe.get_all("Service Team Member", filters={"parenttype": "Service Team",
		"parent": ["in", list(teams) or [""]]}, fields=["parent", "user"]):  # fmt: skip
		staff[row.parent].add(row.user)
	for row in frappe.get_all("Service Team", filters={"name": ["in", list(teams) or [""]]},
		fields=["name", "team_manager"]):  # fmt: skip
		if row.team_manager:
			staff[row.name].add(row.team_manager)
	return staff


def trained_on(themes: set[str], people: set[str], by: datetime.date) -> dict[str, set[str]]:
	"""Who of these people attended a workshop on each theme, held on or before `by` (one query)."""
	trained = {theme: set() for theme in themes}
	if not themes or not people:
		return trained
	booking, workshop = frappe.qb.DocType("Workshop Booking"), frappe.qb.DocType("Workshop")
	theme = frappe.qb.DocType("Workshop Theme")
	rows = (
		frappe.qb.from_(booking)
		.join(workshop)
		.on(workshop.name == booking.workshop)
		.join(theme)
		.on((theme.parent == workshop.name) & (theme.parenttype == "Workshop"))
		.select(booking.attendee, theme.learning_theme)
		.distinct()
		.where(
			(booking.status == ATTENDED)
			& booking.attendee.isin(list(people))
			& theme.learning_theme.isin(list(themes))
			& (workshop.workshop_date <= by)
		)
		.run(as_dict=True)
	)
	for row in rows:
		trained[row.learning_theme].add(row.attendee)
	return trained


def next_workshops(themes: set[str]) -> dict[str, tuple[str, datetime.date, str]]:
	"""The next scheduled workshop on each theme from today on: its name, date and title."""
	found = {}
	for row in frappe.get_all(
		"Workshop",
		filters=[
			["Workshop", "status", "=", SCHEDULED],
			["Workshop", "workshop_date", ">=", today()],
			["Workshop Theme", "learning_theme", "in", list(themes) or [""]],
		],
		fields=["name", "workshop_date", "title", "`tabWorkshop Theme`.learning_theme as theme"],
		order_by="workshop_date asc, start_time asc",
	):
		found.setdefault(row.theme, (row.name, getdate(row.workshop_date), row.title))
	return found


# Acting on a need


def invite_team(team: str, theme: str) -> dict:
	"""Invite the team's staff not yet on it to the next scheduled workshop on the theme, in the words
	of the Email Template "Workshop recommended for your team"; they book it as any other."""
	upcoming = next_workshops({theme}).get(theme)
	if not upcoming:
		frappe.throw(
			_(
				"No workshop on {0} is scheduled. Draft one for the facilitators (Draft a Workshop), then invite the team once it is scheduled."
			).format(frappe.bold(theme)),
			title=_("No workshop scheduled"),
		)
	workshop = frappe.get_doc("Workshop", upcoming[0])
	staff = staff_of({team})[team]
	on_it = set(frappe.get_all("Workshop Booking", filters={"workshop": workshop.name, "status": ["in", ACTIVE],
		"attendee": ["in", list(staff) or [""]]}, pluck="attendee"))  # fmt: skip
	enabled = set(
		frappe.get_all("User", filters={"name": ["in", list(staff) or [""]], "enabled": 1}, pluck="name")
	)
	invited = sorted((staff & enabled) - on_it)
	for user in invited:
		mail.send(email_templates.WORKSHOP_RECOMMENDED, workshop, user, "", None, team=team, theme=theme)
	return {"workshop": workshop.name, "title": workshop.title, "invited": invited}


DRAFT_WEEKS_AHEAD = 6  # a drafted workshop's first date, for the facilitators to change


def draft_workshop(theme: str) -> str:
	"""Draft a workshop on the theme for the facilitators (the Notification "Workshop drafted from a
	training need" tells them); it is not bookable until they set it up and schedule it."""
	day = add_days(today(), 7 * DRAFT_WEEKS_AHEAD)
	doc = frappe.get_doc({
		"doctype": "Workshop", "title": theme, "status": WORKSHOP_DRAFT, "themes": [{"learning_theme": theme}],
		"description": _("Drafted from the training needs on {0}. Set the date, time, venue and learning outcomes, then schedule it.").format(theme),
		"workshop_date": day, "start_time": "10:00:00", "end_time": "12:00:00", "capacity": 20,
		"booking_opens_on": today(), "booking_closes_on": add_days(day, -1),
	}).insert()  # fmt: skip
	return doc.name


RECOMMEND_FROM_DAYS = 365  # the portal recommends on the needs of the last year


def teams_of(user: str) -> set[str]:
	member_of = frappe.get_all("Service Team Member", filters={"parenttype": "Service Team", "user": user},
		pluck="parent")  # fmt: skip
	return set(member_of) | set(frappe.get_all("Service Team", filters={"team_manager": user}, pluck="name"))


def recommendations_for(user: str) -> list[dict]:
	"""Upcoming workshops on the themes of the user's own teams' training needs, with why: the team and
	the theme, never a complaint. Themes the user has already been trained on are left out."""
	teams = teams_of(user)
	if not teams:
		return []
	end = getdate(today())
	needs = [row for row in team_themes(add_days(end, -RECOMMEND_FROM_DAYS), end, as_reader=False)
		if row.team in teams and row.is_need and row.next_workshop]  # fmt: skip
	done = trained_on({row.theme for row in needs}, {user}, end)
	return [
		{"team": row.team, "theme": row.theme, "workshop": row.next_workshop}
		for row in needs
		if user not in done.get(row.theme, set())
	]
