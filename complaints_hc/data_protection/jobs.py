"""The daily anonymisation job: every kind of record whose retention period is up, in batches, each
batch committed; the run is recorded by counts only (a Retention Run)."""

import frappe
from frappe import _
from frappe.utils import add_days, getdate, now_datetime, today
from frappe.utils.background_jobs import is_job_enqueued

from complaints_hc import background
from complaints_hc.data_protection import anonymise, retention

RUN_NOW_JOB = "retention-run-now"
DAILY_JOB = "scheduled_job::complaints_hc.data_protection.jobs.anonymise_due_records"


def anonymise_due_records():
	"""Scheduler entry point (daily, in the long queue)."""
	if frappe.db.get_single_value(retention.SETTINGS, "anonymisation_enabled"):
		run()


def ask_to_run_now() -> bool:
	"""Queue a run now (Information Governance's button); False while a run already waits or runs,
	the daily one included: two runs at once would count the same records twice."""
	if is_job_enqueued(DAILY_JOB):
		return False
	return background.start("complaints_hc.data_protection.jobs.run_now", RUN_NOW_JOB)


def run_now() -> str:
	"""The worker's part of a run asked for in the desk: the run, then the asker told where it is."""
	name = run(progress=lambda done, total: background.progress(done, total, _("Anonymisation job")))
	background.tell(frappe.session.user, _("The anonymisation job has run: {0}").format(name),
		"Retention Run", name)  # fmt: skip
	return name


def run(on=None, progress=None) -> str:
	"""Anonymise what is due on this day (today by default); returns the Retention Run's name.
	`progress(done, total)` is told after each batch."""
	on = getdate(on or today())
	started = now_datetime()
	size = frappe.db.get_single_value(retention.SETTINGS, "batch_size") or 500
	work, counts = [], []  # (names, change) in order, and the counts the run records
	due, held = retention.complaints_due(on)
	for kind in retention.COMPLAINT_TYPES:
		work.append((due[kind], anonymise.anonymise_complaints))
		counts.append({"record_type": kind, "anonymised": len(due[kind]), "held": held[kind]})
	for kind, find, change in (
		(retention.COMPLIMENT, compliments_due, anonymise.anonymise_compliments),
		(retention.WORKSHOP_BOOKING, booking_feedback_due, anonymise.clear_booking_feedback),
		(retention.ACCESS_LOG, access_logs_due, anonymise.delete_access_logs),
	):
		cutoff = retention.cutoff(kind, on)
		names = find(cutoff) if cutoff else []
		work.append((names, change))
		counts.append({"record_type": kind, "anonymised": len(names), "held": 0})
	total, done, batches = sum(len(names) for names, _change in work), 0, 0
	for names, change in work:
		for batch in in_batches(names, size, change):
			batches += 1
			done += batch
			if progress:
				progress(done, total)
	record = frappe.get_doc({"doctype": "Retention Run", "run_on": on, "ran_by": frappe.session.user,
		"started_at": started, "finished_at": now_datetime(), "batches": batches, "counts": counts})  # fmt: skip
	record.insert(ignore_permissions=True)  # the job's own record; people only read it
	frappe.db.commit()  # nosemgrep: a scheduled job's last batch
	return record.name


def in_batches(names: list[str], size: int, change):
	"""Apply `change` to `size` records at a time, committing each batch so that a long run holds no
	lock for long and a failure keeps what was done; yields each batch's size as it is done."""
	for start in range(0, len(names), size):
		batch = names[start : start + size]
		change(batch)
		frappe.db.commit()  # nosemgrep: one batch at a time, by design
		yield len(batch)


def compliments_due(cutoff) -> list[str]:
	return frappe.get_all("Compliment", filters={"anonymised_on": ("is", "not set"),
		"received_on": ("<=", cutoff)}, pluck="name", order_by="received_on asc")  # fmt: skip


def booking_feedback_due(cutoff) -> list[str]:
	return frappe.db.sql_list(
		"""select b.name from `tabWorkshop Booking` b join tabWorkshop w on w.name = b.workshop
		where w.workshop_date <= %(cutoff)s and ifnull(b.feedback, '') != ''""",
		{"cutoff": cutoff},
	)


def access_logs_due(cutoff) -> list[str]:
	return frappe.get_all("Complaint Access Log", filters={"creation": ("<", add_days(cutoff, 1))},
		pluck="name")  # fmt: skip
