"""Benchmark: the anonymisation job at 100,000 complaints, beside a plain SQL update of the same rows.

On the benchmark site it generates 100,000 closed complaints from 2012-2015 (all past their retention
period), each with three points, a subject, an extension and, for one in ten, a comment and a version.
First the reference: plain SQL, in batches of the job's size, blanks the same personal fields of the
same complaints and points and removes the subjects (no framework, no trail, no record of the run);
the data is then generated afresh and the job itself runs (`jobs.run`). Prints each one's time per
10,000 complaints and their ratio. The data is removed afterwards. (The job runs whole, so anything
else on the benchmark site past its retention period is anonymised too, such as the reports
benchmark's older compliments: their counts, which the reports use, stay.)

Run with scripts/benchmark-anonymisation (not part of the test run). --scale 0.1 makes a tenth.
"""

import argparse
import datetime
import random
import sys
import time

import frappe

from complaints_hc.data_protection import jobs, retention

PREFIX = "ANON"
COMPLAINTS = 100_000
BASE = ["name", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]
CHILD = [*BASE, "parent", "parenttype", "parentfield"]
NOW = datetime.datetime(2026, 1, 1)


def stamp(name: str, idx: int = 0) -> list:
	return [name, NOW, NOW, "Administrator", "Administrator", 0, idx]


def generate(count: int, rng: random.Random):
	complaints, points, subjects, extensions, comments, versions = [], [], [], [], [], []
	for n in range(count):
		name = f"{PREFIX}-C{n:06d}"
		received = datetime.date(2012, 1, 1) + datetime.timedelta(days=rng.randint(0, 1400))
		closed = received + datetime.timedelta(days=rng.randint(10, 60))
		complaints.append([*stamp(name), received, closed, "Closed", "Stage 1", "Statutory (Children Act 1989)",
			f"Parent {n}", f"parent{n}@family.example.org", "07700 900000", f"Child {n}", f"LCS-{n:06d}",
			"What happened, in the complainant's words.", "Met"])  # fmt: skip
		for p in range(3):
			points.append([*stamp(f"{name}-P{p}", p + 1), name, "Complaint", "points", f"Point {p} about Child {n}",
				"Upheld", f"Finding about Child {n}"])  # fmt: skip
		subjects.append([*stamp(f"{name}-S", 1), name, "Complaint", "subjects", "Administrator"])
		extensions.append([*stamp(f"{name}-E", 1), name, "Complaint", "extensions", received, closed,
			f"More time for Child {n}"])  # fmt: skip
		if n % 10 == 0:
			comments.append([*stamp(f"{name}-M"), "Comment", "Complaint", name, f"Mum of Child {n} rang."])
			versions.append([*stamp(f"{name}-V"), "Complaint", name, '{"changed": []}'])
	insert("Complaint", ["received_on", "closed_on", "status", "stage", "procedure", "complainant_name",
		"complainant_email", "complainant_phone", "child_name", "case_reference", "complaint_details",
		"timescale_met"], complaints)  # fmt: skip
	insert("Complaint Point", ["description", "outcome", "finding"], points, CHILD)
	insert("Complaint Subject", ["user"], subjects, CHILD)
	insert("Complaint Extension", ["requested_on", "new_due_date", "rationale"], extensions, CHILD)
	insert("Comment", ["comment_type", "reference_doctype", "reference_name", "content"], comments)
	insert("Version", ["ref_doctype", "docname", "data"], versions)


def insert(doctype: str, fields: list[str], rows: list[list], base: list[str] = BASE):
	frappe.db.bulk_insert(doctype, [*base, *fields], rows, chunk_size=5_000)
	frappe.db.commit()


def remove_data():
	for doctype, field in (("Complaint Point", "parent"), ("Complaint Subject", "parent"),
		("Complaint Extension", "parent"), ("Complaint", "name"), ("Comment", "reference_name"),
		("Version", "docname"), ("Retention Run Count", "parent")):  # fmt: skip
		frappe.db.sql(f"delete from `tab{doctype}` where `{field}` like %s", f"{PREFIX}-%")  # nosemgrep
	frappe.db.commit()


def names(count: int) -> list[str]:
	return [f"{PREFIX}-C{n:06d}" for n in range(count)]


def plain_sql(count: int, size: int) -> float:
	"""The same rows' personal data blanked with plain UPDATE and DELETE statements, batch by batch."""
	started = time.perf_counter()
	everyone = names(count)
	for start in range(0, count, size):
		batch = {"names": tuple(everyone[start : start + size])}
		frappe.db.sql("""update tabComplaint set complainant_name = 'Anonymised', complainant_email = null,
			complainant_phone = null, child_name = null, case_reference = null, complaint_details = ''
			where name in %(names)s""", batch)  # fmt: skip
		frappe.db.sql("""update `tabComplaint Point` set description = '', finding = null
			where parenttype = 'Complaint' and parent in %(names)s""", batch)  # fmt: skip
		frappe.db.sql("""update `tabComplaint Extension` set rationale = null
			where parenttype = 'Complaint' and parent in %(names)s""", batch)  # fmt: skip
		frappe.db.sql(
			"delete from `tabComplaint Subject` where parenttype = 'Complaint' and parent in %(names)s", batch
		)
		frappe.db.commit()
	return time.perf_counter() - started


def main(site: str, scale: float):
	frappe.init(site=site)
	frappe.connect()
	frappe.set_user("Administrator")
	count = max(int(COMPLAINTS * scale), 1000)
	size = frappe.db.get_single_value(retention.SETTINGS, "batch_size") or 500
	rng = random.Random(20261129)
	remove_data()
	print(f"Generating {count:,} closed complaints from 2012-2015 ...", flush=True)
	generate(count, rng)
	reference = plain_sql(count, size)

	remove_data()
	generate(count, random.Random(20261129))
	started = time.perf_counter()
	run = frappe.get_doc("Retention Run", jobs.run())
	job = time.perf_counter() - started
	done = {row.record_type: row.anonymised for row in run.counts}
	left = frappe.db.count("Complaint", {"name": ["like", f"{PREFIX}-%"], "anonymised_on": ["is", "not set"]})
	traces = frappe.db.count("Comment", {"reference_name": ["like", f"{PREFIX}-%"]})
	remove_data()
	frappe.db.delete("Retention Run", {"name": run.name})
	frappe.db.commit()

	per = 10_000 / count
	print(
		f"\n  complaints anonymised by the job    {done.get(retention.STAGE_1_ONLY, 0):>10,}  (left: {left}, comments left: {traces})"
	)
	print(f"  plain SQL, per 10,000 complaints    {reference * per:>10.2f} s")
	print(f"  the job, per 10,000 complaints      {job * per:>10.2f} s")
	print(f"  ratio (job / plain SQL)             {job / reference:>10.2f}")
	print(
		f"  batches of {size}; the job also removes comments, versions, emails and files, and records the run"
	)
	return 0 if left == 0 and traces == 0 else 1


if __name__ == "__main__":
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("site")
	parser.add_argument("--scale", type=float, default=1.0)
	arguments = parser.parse_args()
	sys.exit(main(arguments.site, arguments.scale))
