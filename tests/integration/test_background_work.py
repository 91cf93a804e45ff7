"""Long work in the background: the annual report as a prepared report, the bulletin's workbook and the
anonymisation job in the long queue, each once at a time, and a prepared result read by its owner alone.

No worker runs during the tests. Jobs are queued in Redis for real, on a queue of their own that no
worker serves (`held_queue`); each test then does the worker's part itself, as the job would.
"""

import gzip
import io
import json

import frappe
import openpyxl
import pytest
from frappe.core.doctype.prepared_report.prepared_report import make_prepared_report
from frappe.utils import background_jobs
from helpers import as_user, make_user, on
from rq import Queue

from complaints_hc.api import bulletin as bulletin_api
from complaints_hc.api import data_protection as data_protection_api
from complaints_hc.complaints_hc.report.annual_complaints_report import annual_complaints_report
from complaints_hc.learning import workbook_job
from complaints_hc.security import prepared_reports, roles

ANNUAL = "Annual Complaints Report"


@pytest.fixture
def held_queue(monkeypatch):
	"""The long queue under a name no worker serves: what is queued stays there until the test ends."""
	real_name = background_jobs.generate_qname
	monkeypatch.setattr(background_jobs, "generate_qname", lambda qtype: f"{real_name(qtype)}:held-by-tests")
	queue = Queue(background_jobs.generate_qname("long"), connection=background_jobs.get_redis_conn())
	queue.empty()  # anything a test run that stopped half way left behind
	try:
		yield queue
	finally:
		queue.empty()


@pytest.fixture
def emitted(monkeypatch):
	"""The realtime events sent to the desk, as (event, message, room)."""
	sent = []
	monkeypatch.setattr(frappe.realtime, "emit_via_redis", lambda *event: sent.append(event))
	return sent


def annual_filters(quarter) -> dict:
	return {"financial_year": "2026-27", "team": quarter.team}


def prepared_by(user: str, filters: dict) -> str:
	"""The desk's "Generate New Report", then the worker's part (as a retried job would: as Administrator)."""
	with as_user(user):
		name = make_prepared_report(ANNUAL, filters)["name"]
	assert frappe.db.get_value("Prepared Report", name, ["status", "owner"]) == ("Queued", user)
	prepared_reports.generate_as_owner(name)
	frappe.set_user("Administrator")
	assert frappe.db.get_value("Prepared Report", name, "status") == "Completed"
	return name


def rows_read_by(user: str, name: str, filters: dict) -> list[dict]:
	"""The stored result as the desk reads it (the report's page opened on that prepared report)."""
	with as_user(user):
		result = prepared_reports.run(ANNUAL, {**filters, "prepared_report_name": name})
	assert result["prepared_report"] and result["doc"].name == name
	return result["result"]


def test_the_annual_report_is_prepared_by_a_worker_as_its_owner(cast, quarter):
	assert frappe.db.get_value("Report", ANNUAL, "prepared_report") == 1
	filters = annual_filters(quarter)
	for user in (cast.qa_manager, cast.subject):
		with as_user(user):
			live = annual_complaints_report.execute(filters)[1]
		name = prepared_by(user, filters)
		assert rows_read_by(user, name, filters) == json.loads(frappe.as_json(live))
		received = next(r for r in live if r["measure"] == "Complaints received")
		# the subject's own result leaves out the May complaint naming them, as their live report does
		assert received["stage_1"] == (5 if user == cast.qa_manager else 4)


def test_a_prepared_result_is_read_by_its_owner_alone(cast, quarter):
	filters = annual_filters(quarter)
	name = prepared_by(cast.qa_manager, filters)
	document = frappe.get_doc("Prepared Report", name)
	(stored_file,) = frappe.get_all(
		"File", {"attached_to_doctype": "Prepared Report", "attached_to_name": name}, pluck="name"
	)
	it_admin = make_user("prepared.it.admin", "System Manager", roles.COMPLAINTS_OFFICER)
	for user in (cast.subject, it_admin):  # both may run the report themselves
		with as_user(user):
			assert frappe.get_doc("Report", ANNUAL).is_permitted()
			with pytest.raises(frappe.PermissionError):
				prepared_reports.run(ANNUAL, {**filters, "prepared_report_name": name})
			with pytest.raises(frappe.PermissionError):
				prepared_reports.run(ANNUAL, filters, user=cast.qa_manager)
			with pytest.raises(frappe.PermissionError):
				prepared_reports.download_attachment(name)
			frappe.local.form_dict = frappe._dict(report_name=ANNUAL, file_format_type="CSV",
				visible_idx="[]", filters=json.dumps({**filters, "prepared_report_name": name}))  # fmt: skip
			with pytest.raises(frappe.PermissionError):
				prepared_reports.export_query()
			frappe.local.form_dict = frappe._dict()
		assert not frappe.has_permission("Prepared Report", "read", doc=document, user=user)
		assert not frappe.has_permission("File", "read", doc=stored_file, user=user)
	with as_user(it_admin):  # Frappe's role on Prepared Report would list everyone's
		assert name not in frappe.get_list("Prepared Report", pluck="name")
	# nor does their own ask find the owner's result: it is theirs to make
	with as_user(cast.subject):
		assert prepared_reports.run(ANNUAL, filters)["doc"] is None

	with as_user(cast.qa_manager):
		prepared_reports.download_attachment(name)
	downloaded = json.loads(frappe.local.response.filecontent)
	assert downloaded["result"] == rows_read_by(cast.qa_manager, name, filters)


def test_the_owner_reads_it_only_while_they_may_run_the_report(cast, quarter):
	filters = annual_filters(quarter)
	officer = make_user("prepared.leaving.officer", roles.COMPLAINTS_OFFICER)
	name = prepared_by(officer, filters)
	assert rows_read_by(officer, name, filters)
	frappe.get_doc("User", officer).remove_roles(roles.COMPLAINTS_OFFICER)
	with as_user(officer):
		with pytest.raises(frappe.PermissionError):
			prepared_reports.run(ANNUAL, {**filters, "prepared_report_name": name})
		with pytest.raises(frappe.PermissionError):
			prepared_reports.download_attachment(name)
	(stored_file,) = frappe.get_all(
		"File",
		filters={"attached_to_doctype": "Prepared Report", "attached_to_name": name},
		fields=["name", "owner"],
	)
	assert stored_file.owner == "Administrator"  # so the file's own rule does not let the asker keep it
	assert not frappe.has_permission("File", "read", doc=stored_file.name, user=officer)
	assert gzip.decompress(frappe.get_doc("File", stored_file.name).get_content())  # still kept


def test_someone_without_the_reports_roles_cannot_have_it_prepared():
	staff = make_user("prepared.staff")
	with as_user(staff), pytest.raises(frappe.PermissionError):
		make_prepared_report(ANNUAL, {"financial_year": "2026-27"})
	assert not frappe.db.exists("Prepared Report", {"owner": staff})


def draft_bulletin(user) -> str:
	with on("2026-05-01"), as_user(user):
		return frappe.get_doc({"doctype": "Learning Bulletin", "quarter": "2026-27 Q1"}).insert().name


def job_ids(queue: Queue) -> list[str]:
	return [job.id for job in queue.jobs]


def test_the_bulletin_workbook_is_made_once_in_the_background(cast, quarter, held_queue, emitted):
	name = draft_bulletin(cast.qa_manager)
	with as_user(cast.qa_officer):
		assert bulletin_api.prepare_workbook(name)["queued"] is True
	assert "being made" in frappe.local.message_log[-1]["message"]
	expected = f"{frappe.local.site}::{workbook_job.job_id(name)}"
	assert job_ids(held_queue) == [expected]
	with as_user(cast.qa_manager):  # asked again while the first waits: nothing more is queued
		assert bulletin_api.prepare_workbook(name)["queued"] is False
	assert "already being made" in frappe.local.message_log[-1]["message"]
	assert job_ids(held_queue) == [expected]
	assert not frappe.get_all("File", {"attached_to_doctype": "Learning Bulletin", "attached_to_name": name})

	(job,) = held_queue.jobs  # the worker's part, as the person who asked
	assert job.origin.endswith(":long:held-by-tests")
	assert job.kwargs["method"] == "complaints_hc.learning.workbook_job.make"
	assert job.kwargs["user"] == cast.qa_officer
	with as_user(job.kwargs["user"]):
		frappe.get_attr(job.kwargs["method"])(**job.kwargs["kwargs"])
	(attached,) = frappe.get_all("File", {"attached_to_doctype": "Learning Bulletin", "attached_to_name": name},
		["name", "file_name", "is_private"])  # fmt: skip
	assert (attached.file_name, attached.is_private) == ("learning-bulletin-2026-27-q1.xlsx", 1)
	book = openpyxl.load_workbook(io.BytesIO(frappe.get_doc("File", attached.name).get_content()))
	assert book.sheetnames == ["About", "Good practice", "Learning", "Compliments", "Workshops"]
	progress = [message["percent"] for event, message, _room in emitted if event == "progress"]
	assert progress[-1] == 100 and progress == sorted(progress)
	assert {room for event, _m, room in emitted if event == "progress"} == {
		frappe.realtime.get_user_room(cast.qa_officer)
	}
	assert frappe.db.exists("Notification Log", {"for_user": cast.qa_officer,
		"document_type": "Learning Bulletin", "document_name": name})  # fmt: skip
	# the bulletin's readers read it, and nobody else
	assert frappe.has_permission("File", "read", doc=attached.name, user=cast.team_manager)
	assert not frappe.has_permission("File", "read", doc=attached.name, user=make_user("workbook.staff"))

	with as_user(cast.qa_officer):  # made again: it replaces the one before
		workbook_job.make(name)
	assert (
		len(frappe.get_all("File", {"attached_to_doctype": "Learning Bulletin", "attached_to_name": name}))
		== 1
	)


def test_anyone_who_may_not_read_the_bulletin_cannot_ask_for_its_workbook(cast, quarter, held_queue):
	name = draft_bulletin(cast.qa_manager)
	with as_user(make_user("workbook.asker.staff")), pytest.raises(frappe.PermissionError):
		bulletin_api.prepare_workbook(name)
	assert held_queue.jobs == []


def test_the_anonymisation_job_asked_for_in_the_desk_runs_once_in_the_background(held_queue):
	governance = make_user("background.ig.officer", roles.INFORMATION_GOVERNANCE_OFFICER)
	with as_user(governance):
		assert data_protection_api.run_retention_now()["queued"] is True
		assert data_protection_api.run_retention_now()["queued"] is False
	assert job_ids(held_queue) == [f"{frappe.local.site}::retention-run-now"]
	with as_user(make_user("background.officer", roles.COMPLAINTS_OFFICER)):
		with pytest.raises(frappe.PermissionError):
			data_protection_api.run_retention_now()
	assert len(held_queue.jobs) == 1

	(job,) = held_queue.jobs
	assert job.kwargs["method"] == "complaints_hc.data_protection.jobs.run_now"
	with on("2026-06-01"), as_user(job.kwargs["user"]):
		run = frappe.get_attr(job.kwargs["method"])()
	assert frappe.db.get_value("Retention Run", run, "ran_by") == governance
	assert frappe.db.exists("Notification Log", {"for_user": governance, "document_type": "Retention Run",
		"document_name": run})  # fmt: skip
