"""Reports off a read replica: a second MariaDB server on this machine, a real replica of the test site's
database (scripts/replica), and the served site pointed at it through Frappe's own settings.

The reports, the exports, the Number Cards and the list counts read there (with the replica's applying
paused, a complaint just saved is in none of them, and is once it catches up); saving and the access log
write to the primary, and the replica refuses the site's writes; with the replica's server stopped, the
same reports answer from the primary."""

import contextlib
import json
import os
import pathlib
import socket
import subprocess
import time

import frappe
import pymysql
import pytest
from helpers import commit, make_complaint, make_team, require_env

from complaints_hc.learning import periods
from complaints_hc.replica import ANSWERED_FOR

REPLICA_PORT = int(os.environ.get("COMPLAINTS_REPLICA_PORT") or 3307)
SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "replica"
REPLICA_KEYS = {"read_from_replica", "replica_host", "replica_db_port"}
OPEN_COMPLAINTS = "Open Complaints"  # a Number Card of the Complaints workspace


def bench_dir() -> pathlib.Path:
	return pathlib.Path(require_env("SITES_PATH")).parent


def replica_dir() -> pathlib.Path:
	return pathlib.Path(os.environ.get("REPLICA_DIR") or bench_dir() / "replica-db")


def replica(command: str):
	"""scripts/replica COMMAND on the test site: start, pause, resume, wait, halt or stop."""
	env = {
		**os.environ,
		"BENCH_DIR": str(bench_dir()),
		"DB_ROOT_PASSWORD": require_env("COMPLAINTS_DB_ROOT_PASSWORD"),
		"REPLICA_PORT": str(REPLICA_PORT),
	}
	if os.environ.get("COMPLAINTS_MARIADBD"):
		env["MARIADBD"] = os.environ["COMPLAINTS_MARIADBD"]
	result = subprocess.run([str(SCRIPT), command, require_env("COMPLAINTS_TEST_SITE")], env=env,
		capture_output=True, text=True, timeout=600)  # fmt: skip
	assert result.returncode == 0, (
		f"scripts/replica {command}: {result.stdout[-3000:]}{result.stderr[-3000:]}"
	)


def site_config() -> dict:
	path = pathlib.Path(require_env("SITES_PATH")) / require_env("COMPLAINTS_TEST_SITE") / "site_config.json"
	return json.loads(path.read_text())


def port_open(port: int) -> bool:
	with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
		return True
	return False


@contextlib.contextmanager
def on_the_replica():
	"""A cursor on the replica, logged in as the site's own database user (as Frappe logs in there)."""
	connection = pymysql.connect(host="127.0.0.1", port=REPLICA_PORT, user=frappe.conf.db_name,
		password=frappe.conf.db_password, database=frappe.conf.db_name, autocommit=True)  # fmt: skip
	try:
		with connection.cursor() as cursor:
			yield cursor
	finally:
		connection.close()


@pytest.fixture(scope="module")
def replica_of_the_site(site):
	replica("start")
	assert site_config()["read_from_replica"] == 1
	try:
		yield
	finally:
		replica("stop")
	assert not REPLICA_KEYS & set(site_config()), "the site still points at the replica"
	assert not replica_dir().exists()
	assert not port_open(REPLICA_PORT)


def new_complaint(cast, team: str) -> dict:
	"""A complaint as the Complaints Officer logs it in the desk (received today)."""
	return {"received_via": "Email", "received_on": frappe.utils.today(), "complainant_name": "Joanne Pritchard",
		"relationship_to_child": "Parent", "complainant_email": "joanne.pritchard@example.org",
		"child_name": "Kai Pritchard", "case_reference": "LCS-204811", "service_team": team,
		"social_worker": cast.social_worker}  # fmt: skip


def report(session, team: str):
	return session.post("/api/method/frappe.desk.query_report.run", data={"report_name": "Complaints Timeliness",
		"filters": json.dumps({"quarter": periods.quarter(frappe.utils.getdate()), "team": team})})  # fmt: skip


def received(session, team: str) -> int:
	response = report(session, team)
	assert response.status_code == 200, response.text[:2000]
	return response.json()["message"]["result"][0]["received"]


def open_complaints_card(session, team: str) -> int:
	card = frappe.get_doc("Number Card", OPEN_COMPLAINTS)
	filters = [*json.loads(card.filters_json), ["Complaint", "service_team", "=", team]]
	response = session.post("/api/method/frappe.desk.doctype.number_card.number_card.get_result",
		data={"doc": frappe.as_json(card.as_dict()), "filters": json.dumps(filters)})  # fmt: skip
	assert response.status_code == 200, response.text[:2000]
	return int(response.json()["message"])


def list_count(session, team: str) -> int:
	response = session.post("/api/method/frappe.desk.reportview.get_count",
		data={"doctype": "Complaint", "filters": json.dumps([["Complaint", "service_team", "=", team]])})  # fmt: skip
	assert response.status_code == 200, response.text[:2000]
	return response.json()["message"]


def exported(session, team: str) -> str:
	response = session.post("/api/method/frappe.desk.reportview.export_query", data={"doctype": "Complaint",
		"file_format_type": "CSV", "title": "Complaint", "fields": json.dumps(["`tabComplaint`.`name`"]),
		"filters": json.dumps([["Complaint", "service_team", "=", team]])})  # fmt: skip
	assert response.status_code == 200, response.text[:2000]
	return response.text


def exports_logged(complaint: str, user: str) -> int:
	frappe.db.rollback()  # a fresh look at the primary, which the served site wrote to
	return frappe.db.count(
		"Complaint Access Log", {"complaint": complaint, "user": user, "action": "Exported"}
	)


def test_reports_cards_counts_and_exports_read_from_the_replica(http, http_cast, replica_of_the_site):
	cast = http_cast
	team = make_team()
	first = make_complaint(cast, service_team=team).name
	commit()
	replica("wait")
	replica("pause")  # the replica keeps answering, as it stood
	try:
		saved = http(cast.officer).post("/api/resource/Complaint", json=new_complaint(cast, team))
		assert saved.status_code == 200, saved.text[:2000]
		second = saved.json()["data"]["name"]
		frappe.db.rollback()
		assert frappe.db.exists("Complaint", second)  # saved on the primary
		with on_the_replica() as replica_db:
			replica_db.execute("select count(*) from tabComplaint where name = %s", second)
			assert replica_db.fetchone()[0] == 0

		manager = http(cast.qa_manager)
		assert received(manager, team) == 1
		assert open_complaints_card(manager, team) == 1
		assert list_count(manager, team) == 1
		csv = exported(manager, team)
		assert first in csv and second not in csv
		# The export's look is on record, on the primary, for what the export held.
		assert exports_logged(first, cast.qa_manager) == 1
		assert exports_logged(second, cast.qa_manager) == 0
	finally:
		replica("resume")  # and caught up

	assert received(manager, team) == 2
	assert open_complaints_card(manager, team) == 2
	assert list_count(manager, team) == 2
	csv = exported(manager, team)
	assert first in csv and second in csv
	assert exports_logged(second, cast.qa_manager) == 1


def test_the_replica_refuses_the_sites_writes(replica_of_the_site):
	with on_the_replica() as replica_db:
		replica_db.execute("select count(*) from tabComplaint")
		with pytest.raises(pymysql.err.OperationalError) as refused:
			replica_db.execute("update tabComplaint set modified = modified")
	assert refused.value.args[0] == 1290  # the server is read-only


def chart_total(session) -> int:
	response = session.post("/api/method/complaints_hc.complaints_hc.dashboard_chart_source."
		"complaints_received_by_stage.complaints_received_by_stage.get")  # fmt: skip
	assert response.status_code == 200, response.text[:2000]
	return sum(sum(dataset["values"]) for dataset in response.json()["message"]["datasets"])


def drafted_compliments(user: str) -> int:
	"""The bulletin draft's compliments this quarter, drafted in this process as the site would with its
	replica settings (this process read its site config before the replica was there)."""
	from unittest.mock import patch

	from helpers import as_user

	from complaints_hc.learning import bulletin

	replica_settings = {"read_from_replica": 1, "replica_host": "127.0.0.1", "replica_db_port": REPLICA_PORT}
	with patch.dict(frappe.local.conf, replica_settings), as_user(user):
		drafted = bulletin.draft(periods.quarter(frappe.utils.getdate()))
	assert frappe.local.db is not getattr(frappe.local, "replica_db", None)  # back on the primary
	return drafted["compliments_received"]


def test_the_chart_and_the_bulletin_draft_read_from_the_replica(http, http_cast, replica_of_the_site):
	from helpers import make_compliment

	cast = http_cast
	manager = http(cast.qa_manager)
	replica("wait")
	charted, drafted = chart_total(manager), drafted_compliments(cast.qa_manager)
	replica("pause")
	try:
		make_complaint(cast, received_on=frappe.utils.today())
		make_compliment(cast.officer, cast.social_worker)
		commit()
		assert chart_total(manager) == charted  # the replica, as it stood
		assert drafted_compliments(cast.qa_manager) == drafted
	finally:
		replica("resume")
	assert chart_total(manager) == charted + 1
	assert drafted_compliments(cast.qa_manager) == drafted + 1


def test_with_the_replica_stopped_the_reports_read_from_the_primary(http, http_cast, replica_of_the_site):
	cast = http_cast
	team = make_team()
	make_complaint(cast, service_team=team)
	commit()
	replica("wait")
	manager = http(cast.qa_manager)
	assert received(manager, team) == 1

	replica("halt")
	assert not port_open(REPLICA_PORT)
	make_complaint(cast, service_team=team)  # the replica never sees this one
	commit()
	# The last word that the replica answered is trusted for ANSWERED_FOR seconds, then it is asked again.
	deadline = time.monotonic() + ANSWERED_FOR + 10
	response = report(manager, team)
	while response.status_code != 200 and time.monotonic() < deadline:
		time.sleep(0.5)
		response = report(manager, team)
	assert response.status_code == 200, response.text[:2000]
	assert response.json()["message"]["result"][0]["received"] == 2
	assert open_complaints_card(manager, team) == 2
	assert list_count(manager, team) == 2
	assert site_config()["read_from_replica"] == 1  # still asked for: the fallback is per request
