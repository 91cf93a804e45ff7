"""The daily anonymisation job: every kind of record whose retention period is up, in batches, each
batch committed; the run is recorded by counts only (a Retention Run)."""

import frappe
from frappe.utils import add_days, getdate, now_datetime, today

from complaints_hc.data_protection import anonymise, retention


def anonymise_due_records():
	"""Scheduler entry point (daily)."""
	if frappe.db.get_single_value(retention.SETTINGS, "anonymisation_enabled"):
		run()


def run(on=None) -> str:
	"""Anonymise what is due on this day (today by default); returns the Retention Run's name."""
	on = getdate(on or today())
	started = now_datetime()
	size = frappe.db.get_single_value(retention.SETTINGS, "batch_size") or 500
	counts, batches = [], 0
	due, held = retention.complaints_due(on)
	for kind in retention.COMPLAINT_TYPES:
		batches += in_batches(due[kind], size, anonymise.anonymise_complaints)
		counts.append({"record_type": kind, "anonymised": len(due[kind]), "held": held[kind]})
	for kind, find, change in (
		(retention.COMPLIMENT, compliments_due, anonymise.anonymise_compliments),
		(retention.WORKSHOP_BOOKING, booking_feedback_due, anonymise.clear_booking_feedback),
		(retention.ACCESS_LOG, access_logs_due, anonymise.delete_access_logs),
	):
		cutoff = retention.cutoff(kind, on)
		names = find(cutoff) if cutoff else []
		batches += in_batches(names, size, change)
		counts.append({"record_type": kind, "anonymised": len(names), "held": 0})
	record = frappe.get_doc({"doctype": "Retention Run", "run_on": on, "ran_by": frappe.session.user,
		"started_at": started, "finished_at": now_datetime(), "batches": batches, "counts": counts})  # fmt: skip
	record.insert(ignore_permissions=True)  # the job's own record; people only read it
	frappe.db.commit()  # nosemgrep: a scheduled job's last batch
	return record.name


def in_batches(names: list[str], size: int, change) -> int:
	"""Apply `change` to `size` records at a time, committing each batch so that a long run holds no
	lock for long and a failure keeps what was done; returns how many batches ran."""
	batches = 0
	for start in range(0, len(names), size):
		change(names[start : start + size])
		frappe.db.commit()  # nosemgrep: one batch at a time, by design
		batches += 1
	return batches


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
