"""Benchmark: what recording every look costs a form load.

On the benchmark site, served by gunicorn, a Complaints Officer opens the same complaint in the desk
(`frappe.desk.form.load.getdoc`, as the form does) many times, in rounds that alternate between the
access log on and off. Prints the median time of each and their ratio (goal: at most 1.1).

Run with scripts/benchmark-access-log (not part of the test run).
"""

import statistics
import sys
import time

import frappe
import requests

from complaints_hc.security.access_log import BENCHMARK_SWITCH

USER, PASSWORD = "bench.officer@bench.example.org", "Bench-Complaints-2026"
ROUNDS, LOADS_PER_ROUND, GOAL = 10, 30, 1.1


def set_up() -> str:
	if not frappe.db.exists("User", USER):
		user = frappe.get_doc({"doctype": "User", "email": USER, "first_name": "Bench", "last_name": "Officer",
			"send_welcome_email": 0, "new_password": PASSWORD, "roles": [{"role": "Complaints Officer"}]})  # fmt: skip
		user.insert(ignore_permissions=True)
	name = frappe.db.get_value("Complaint", {"case_reference": "BENCH-ACCESS"})
	if not name:
		frappe.set_user(USER)
		name = frappe.get_doc({"doctype": "Complaint", "received_via": "Email", "received_on": frappe.utils.today(),
			"complainant_name": "Dawn Whitcombe", "relationship_to_child": "Parent", "case_reference": "BENCH-ACCESS",
			"complaint_details": "Nobody returned my calls for three weeks."}).insert().name  # fmt: skip
		frappe.set_user("Administrator")
	frappe.db.commit()
	return name


def timed_loads(session, url, site, name) -> float:
	started = time.perf_counter()
	for _ in range(LOADS_PER_ROUND):
		response = session.get(f"{url}/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": "Complaint", "name": name}, headers={"X-Frappe-Site-Name": site})  # fmt: skip
		response.raise_for_status()
	return (time.perf_counter() - started) / LOADS_PER_ROUND


def main(site: str, url: str):
	frappe.init(site=site)
	frappe.connect()
	name = set_up()
	session = requests.Session()
	session.post(f"{url}/api/method/login", data={"usr": USER, "pwd": PASSWORD},
		headers={"X-Frappe-Site-Name": site}).raise_for_status()  # fmt: skip
	timed_loads(session, url, site, name)  # warm the workers' caches
	with_log, without_log = [], []
	try:
		for _ in range(ROUNDS):
			frappe.cache.set_value(BENCHMARK_SWITCH, 1)
			without_log.append(timed_loads(session, url, site, name))
			frappe.cache.delete_value(BENCHMARK_SWITCH)
			with_log.append(timed_loads(session, url, site, name))
	finally:
		frappe.cache.delete_value(BENCHMARK_SWITCH)
	on, off = statistics.median(with_log), statistics.median(without_log)
	ratio = on / off
	print(
		f"form load with the access log:    {on * 1000:7.2f} ms (median of {ROUNDS} rounds of {LOADS_PER_ROUND})"
	)
	print(f"form load without the access log: {off * 1000:7.2f} ms")
	print(f"ratio (goal <= {GOAL}): {ratio:.3f}  ({(on - off) * 1000:+.2f} ms a load)")
	frappe.destroy()
	return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
	sys.exit(main(sys.argv[1], sys.argv[2]))
