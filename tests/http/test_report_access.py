"""Over HTTP, through Frappe's own report runner and export: who may run the complaint reports,
and that a staff subject never sees the complaint about them counted."""

import io
import json

import frappe
import openpyxl
from helpers import commit, make_complaint, make_team, make_user

from complaints_hc.learning import periods
from complaints_hc.security import roles

RUN = "/api/method/frappe.desk.query_report.run"


def received(session, team: str) -> int:
	response = session.post(RUN, data={"report_name": "Complaints Timeliness",
		"filters": json.dumps({"quarter": periods.quarter(frappe.utils.getdate()), "team": team})})  # fmt: skip
	assert response.status_code == 200, response.text
	return response.json()["message"]["result"][0]["received"]


def test_a_subject_does_not_count_the_complaint_about_them(http, http_cast):
	team = make_team()
	make_complaint(http_cast, service_team=team, subjects=[])
	make_complaint(http_cast, service_team=team)  # names http_cast.subject
	commit()
	assert received(http(http_cast.qa_manager), team) == 2
	assert received(http(http_cast.subject), team) == 1


def test_staff_and_portal_users_cannot_run_or_export_the_reports(http, http_cast):
	staff = make_user("report.http.staff", password="Test-Complaints-2026")
	booker = make_user("report.http.booker", roles.WORKSHOP_BOOKER, password="Test-Complaints-2026")
	commit()
	for user in (staff, booker):
		session = http(user)
		for report in ("Complaints Timeliness", "Quarterly Learning Themes", "Annual Complaints Report",
			"Training Needs", "Training Impact", "Learning Meeting Pack"):  # fmt: skip
			refused = session.post(RUN, data={"report_name": report, "filters": "{}"})
			assert refused.status_code == 403, (user, report, refused.status_code)


def test_the_timeliness_report_exports_to_excel(http, http_cast):
	session = http(http_cast.qa_manager)
	response = session.post("/api/method/frappe.desk.query_report.export_query", data={
		"report_name": "Complaints Timeliness", "file_format_type": "Excel", "visible_idx": "[]",
		"filters": json.dumps({"quarter": periods.quarter(frappe.utils.getdate())})})  # fmt: skip
	assert response.status_code == 200
	sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
	assert [c.value for c in sheet[1]][:4] == ["Stage", "Received", "Responded", "Within Time Limit"]
	assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [
		"Stage 1",
		"Stage 2",
		"Stage 3",
		"Ombudsman",
	]


def test_redrawing_the_bulletin_is_post_only_and_for_its_editors(http, http_cast):
	from complaints_hc.learning.periods import quarter

	label = quarter(frappe.utils.getdate())
	if not frappe.db.exists("Learning Bulletin", label):
		frappe.set_user(http_cast.qa_manager)
		frappe.get_doc({"doctype": "Learning Bulletin", "quarter": label}).insert()
		frappe.set_user("Administrator")
		commit()
	call = {"dt": "Learning Bulletin", "dn": label, "method": "fill_from_data"}
	editor = http(http_cast.qa_manager)
	assert editor.get("/api/method/run_doc_method", params=call).status_code in (403, 405)
	assert http(http_cast.team_manager).post("/api/method/run_doc_method", data=call).status_code == 403
	assert editor.post("/api/method/run_doc_method", data=call).status_code == 200
