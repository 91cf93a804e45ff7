"""The retention schedule (Data Protection Settings) and which records' time is up on a given day.

Everything here reads set-wise: one query per kind of record, then plain date arithmetic, so that the
daily job stays quick at hundreds of thousands of complaints.
"""

import datetime

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc.complaints import names
from complaints_hc.data_protection.months import add_years

SETTINGS = "Data Protection Settings"

STAGE_1_ONLY = "Complaint: stage 1 only"
LATER_STAGES = "Complaint: mediation, stage 2 or later"
CORPORATE = "Complaint: corporate procedure"
COMPLIMENT = "Compliment"
WORKSHOP_BOOKING = "Workshop booking and feedback"
ACCESS_LOG = "Complaint access log"
COMPLAINT_TYPES = (STAGE_1_ONLY, LATER_STAGES, CORPORATE)
RECORD_TYPES = (*COMPLAINT_TYPES, COMPLIMENT, WORKSHOP_BOOKING, ACCESS_LOG)

CLOSING_DATE = "Closing date (the last stage's end)"
COUNTED_FROM = {
	STAGE_1_ONLY: CLOSING_DATE,
	LATER_STAGES: CLOSING_DATE,
	CORPORATE: CLOSING_DATE,
	COMPLIMENT: "Date received",
	WORKSHOP_BOOKING: "Workshop date",
	ACCESS_LOG: "Date of the look",
}

# (record type, years, and until the child is, why): what a council starts from; see the README.
DEFAULT_PERIODS = (
	(STAGE_1_ONLY, 6, 21, "Six years: the Limitation Act 1980's period for most claims. A child may "
		"bring a personal injury claim until they are 21, so not before then."),
	(LATER_STAGES, 6, 25, "As stage 1, and not before the child is 25, as many councils keep children's "
		"social care complaint files that went to independent investigation."),
	(CORPORATE, 6, 0, "Six years: the Limitation Act 1980's period for most claims."),
	(COMPLIMENT, 3, 0, "Long enough for three years of quarterly bulletins and annual reports."),
	(WORKSHOP_BOOKING, 3, 0, "Feedback words only; who attended stays as the staff training record."),
	(ACCESS_LOG, 6, 0, "As long as the complaints whose looks they record."),
)  # fmt: skip

# Later-stage records: the statuses that end them, and the date each ended on.
LATER_STAGE_ENDS = {
	"Mediation": (names.MEDIATION_FINAL, "coalesce(withdrawn_on, stage_2_requested_on, meeting_on, requested_on)"),
	"Stage 2 Investigation": (names.STAGE2_FINAL, "coalesce(withdrawn_on, response_sent_on, requested_on)"),
	"Stage 3 Review Panel": (names.STAGE3_FINAL, "coalesce(withdrawn_on, response_sent_on, requested_on)"),
	"Ombudsman Enquiry": ((names.OMBUDSMAN_CLOSED,), "coalesce(remedy_paid_on, final_decision_on, requested_on)"),
}  # fmt: skip
ENDED = (names.CLOSED, names.WITHDRAWN, names.ESCALATED)


def ensure_default_periods():
	"""The shipped schedule, for a site whose schedule is empty (install, and a patch for older sites)."""
	settings = frappe.get_single(SETTINGS)
	if settings.retention_periods:
		return
	for record_type, years, child_age, basis in DEFAULT_PERIODS:
		settings.append("retention_periods", {"record_type": record_type, "years": years,
			"keep_until_child_age": child_age, "basis": basis})  # fmt: skip
	settings.flags.ignore_permissions = True  # install-time set-up
	settings.save()


def validate_periods(settings):
	seen = set()
	for row in settings.retention_periods:
		if row.record_type in seen:
			frappe.throw(_("Row {0}: {1} already has a retention period.").format(row.idx, row.record_type))
		seen.add(row.record_type)
		row.counted_from = COUNTED_FROM[row.record_type]
		if row.keep_until_child_age and row.record_type not in COMPLAINT_TYPES:
			frappe.throw(
				_("Row {0}: only complaints can be kept until the child reaches an age.").format(row.idx)
			)


def periods() -> dict[str, frappe._dict]:
	"""Record type -> its period; a kind of record with no row is kept (never anonymised)."""
	rows = frappe.get_all("Retention Period", filters={"parent": SETTINGS, "parenttype": SETTINGS},
		fields=["record_type", "years", "keep_until_child_age"])  # fmt: skip
	return {row.record_type: row for row in rows}


def complaint_type(procedure: str | None, stage: str | None, has_later_stage: bool) -> str:
	if procedure == names.CORPORATE:
		return CORPORATE
	return LATER_STAGES if has_later_stage or (stage and stage != names.STAGE_1) else STAGE_1_ONLY


def due_on(ended: datetime.date, period, child_born: datetime.date | None) -> datetime.date:
	"""The first day the record may be anonymised: its years after the end, and not before the child
	reaches the age set, when their date of birth is known."""
	due = add_years(ended, period.years)
	if period.keep_until_child_age and child_born:
		due = max(due, add_years(child_born, period.keep_until_child_age))
	return due


def later_stage_ends() -> tuple[dict[str, datetime.date], set[str]]:
	"""Per complaint, the latest day a later stage ended, and the complaints with a later stage still open."""
	ended, still_open = {}, set()
	for doctype, (final, end_date) in LATER_STAGE_ENDS.items():
		rows = frappe.db.sql(
			f"""select complaint, max({end_date}), sum(status not in %(final)s)
			from `tab{doctype}` where complaint is not null group by complaint""",  # nosemgrep: fixed names
			{"final": final},
		)
		for complaint, last_end, open_count in rows:
			if open_count:
				still_open.add(complaint)
			if last_end and (complaint not in ended or getdate(last_end) > ended[complaint]):
				ended[complaint] = getdate(last_end)
	return ended, still_open


def held_complaints() -> set[str]:
	return set(
		frappe.get_all("Complaint Legal Hold", filters={"lifted_on": ("is", "not set")}, pluck="complaint")
	)


def complaints_due(on: datetime.date) -> tuple[dict[str, list[str]], dict[str, int]]:
	"""Complaints whose time is up on this day, by record type, and how many of each a hold keeps."""
	schedule = periods()
	later_ended, later_open = later_stage_ends()
	held = held_complaints()
	due, held_back = {t: [] for t in COMPLAINT_TYPES}, dict.fromkeys(COMPLAINT_TYPES, 0)
	rows = frappe.db.sql(
		"""select name, `procedure`, stage, closed_on, withdrawn_on, child_date_of_birth from tabComplaint
		where anonymised_on is null and status in %(ended)s""",
		{"ended": ENDED},
	)
	for name, procedure, stage, closed_on, withdrawn_on, child_born in rows:
		if name in later_open:
			continue
		kind = complaint_type(procedure, stage, name in later_ended)
		period = schedule.get(kind)
		ends = [getdate(d) for d in (closed_on, withdrawn_on, later_ended.get(name)) if d]
		if (
			not period
			or not ends
			or due_on(max(ends), period, getdate(child_born) if child_born else None) > on
		):
			continue
		if name in held:
			held_back[kind] += 1
		else:
			due[kind].append(name)
	return due, held_back


def cutoff(record_type: str, on: datetime.date) -> datetime.date | None:
	"""Records of this type dated on or before this day are due; None when the type is kept."""
	period = periods().get(record_type)
	return add_years(on, -period.years) if period else None
