"""The quarterly bulletin drafted from the known quarter (conftest.py), edited, printed and exported."""

import io

import frappe
import openpyxl
import pytest
from helpers import as_user, make_compliment, make_user, on

from complaints_hc.api import bulletin as bulletin_api
from complaints_hc.security import roles


def draft(user, quarter_label="2026-27 Q1"):
	with on("2026-05-01"), as_user(user):  # the curiosity workshop of 15 May is still to come
		return frappe.get_doc({"doctype": "Learning Bulletin", "quarter": quarter_label}).insert()


def test_the_draft_comes_from_the_quarter(cast, quarter):
	doc = draft(cast.qa_manager)
	assert doc.name == "2026-27 Q1" and doc.title == "Learning from Complaints and Compliments: 2026-27 Q1"
	assert (str(doc.period_start), str(doc.period_end)) == ("2026-04-01", "2026-06-30")
	assert "1 April 2026 to 30 June 2026" in doc.introduction
	assert doc.good_practice == "<ul><li>Calls and emails were easy to find.</li></ul>"
	assert doc.learning == (
		f"<h4>{quarter.curiosity}: 3 complaint points, 1 upheld in full or in part</h4>"
		"<ul><li>Keep asking when things do not fit.</li></ul>"
		f"<h4>{quarter.voice}: 2 complaint points, 1 upheld in full or in part</h4>"
		"<ul><li>Record the child&apos;s own words.</li><li>Tell families the day plans change.</li></ul>"
	)
	assert doc.compliments_received == 3
	assert [q.words for q in doc.quotes] == ["She listened to my son.", "A clear, current chronology."]
	assert [(w.title, w.themes, str(w.workshop_date)) for w in doc.workshops] == [
		(quarter.curiosity, quarter.curiosity, "2026-05-15")
	]


def test_a_finding_is_never_copied_and_six_quotes_at_most_those_marked_first(cast, quarter):
	"""Every point of the quarter's complaints gets a finding naming someone: none of it reaches the draft.
	Six more consented quotes arrive in June: the one marked for the bulletin (15 April) still comes
	first, then the newest five."""
	finding = "Ms Adeyemi, the social worker, did not pass on the message."
	complaints = frappe.get_all("Complaint", {"service_team": quarter.team}, pluck="name")
	for point in frappe.get_all("Complaint Point", {"parenttype": "Complaint", "parent": ["in", complaints]},
		pluck="name"):  # fmt: skip
		frappe.db.set_value("Complaint Point", point, {"finding": finding, "rationale": finding})
	for day in range(1, 7):
		received_on = f"2026-06-0{day}"
		with on(received_on):
			make_compliment(cast.officer, team=quarter.team, received_on=received_on, category="Listening",
				consent_to_quote=1, words=f"June quote {day}.")  # fmt: skip
	doc = draft(cast.qa_manager)
	assert "Ms Adeyemi" not in frappe.as_json(doc.as_dict())
	assert [q.words for q in doc.quotes] == ["She listened to my son.", "A clear, current chronology.",
		"June quote 6.", "June quote 5.", "June quote 4.", "June quote 3."]  # fmt: skip


def test_a_subject_drafting_it_leaves_out_the_complaint_that_names_them(cast, quarter):
	doc = draft(cast.subject)
	assert quarter.voice not in doc.learning and quarter.curiosity in doc.learning


def test_the_team_edits_it_but_only_consented_quotes_go_in(cast, quarter):
	doc = draft(cast.qa_manager)
	not_consented = frappe.get_all("Compliment", {"team": quarter.team, "consent_to_quote": 0}, pluck="name")[
		0
	]
	with as_user(cast.qa_officer):
		doc.reload()
		doc.good_practice = "<ul><li>Written by the team.</li></ul>"
		doc.append("quotes", {"compliment": not_consented, "words": "Not for quoting."})
		with pytest.raises(frappe.ValidationError, match="did not agree to being quoted"):
			doc.save()
		doc.reload()  # as the form does after a refused save
		doc.good_practice = "<ul><li>Written by the team.</li></ul>"
		doc.status = "Published"
		doc.save()
	assert frappe.db.get_value("Learning Bulletin", doc.name, ["status", "good_practice"]) == (
		"Published", "<ul><li>Written by the team.</li></ul>")  # fmt: skip
	assert doc.published_on
	with as_user(cast.qa_officer), pytest.raises(frappe.ValidationError, match="published"):
		doc.fill_from_data()


def test_one_bulletin_per_quarter_and_a_real_quarter(cast, quarter):
	draft(cast.qa_manager)
	with pytest.raises(frappe.DuplicateEntryError):
		draft(cast.qa_manager)
	with pytest.raises(frappe.ValidationError, match="such as 2026-27 Q1"):
		draft(cast.qa_manager, "Spring 2026")
	assert not frappe.db.exists("Learning Bulletin", "Spring 2026")


def test_the_print_format(cast, quarter):
	doc = draft(cast.qa_manager)
	with as_user(cast.qa_manager):
		html = frappe.get_print("Learning Bulletin", doc.name, "Learning Bulletin")
	assert "Learning from Complaints and Compliments: 2026-27 Q1" in html
	assert "We received 3 compliments this quarter." in html
	assert "She listened to my son." in html and "Keep asking when things do not fit." in html
	workshop = doc.workshops[0].workshop
	assert frappe.utils.get_url(f"/workshops/{workshop}") in html


def test_the_workbook_has_a_sheet_per_section_laid_out_for_reading(cast, quarter):
	doc = draft(cast.qa_manager)
	with as_user(cast.qa_manager):
		bulletin_api.download_workbook(doc.name)
	assert frappe.response.filename == "Learning from Complaints and Compliments: 2026-27 Q1.xlsx"
	book = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent))
	assert book.sheetnames == ["About", "Good practice", "Learning", "Compliments", "Workshops"]
	about = book["About"]
	assert about["A1"].value == doc.title and about["A1"].font.bold
	assert (about["B3"].value, about["B4"].value, about["B5"].value) == (
		"01 April 2026 to 30 June 2026",
		"Draft",
		3,
	)
	assert [c.value for c in book["Good practice"][4]] == ["Calls and emails were easy to find."]
	learning = book["Learning"]
	assert [c.value for c in learning[3]] == ["Learning theme", "What we learn"]
	assert learning["A3"].font.bold and learning.freeze_panes == "A4"
	assert [[c.value for c in row] for row in learning.iter_rows(min_row=4)] == [
		[
			f"{quarter.curiosity}: 3 complaint points, 1 upheld in full or in part",
			"Keep asking when things do not fit.",
		],
		[
			f"{quarter.voice}: 2 complaint points, 1 upheld in full or in part",
			"Record the child's own words.",
		],
		[
			f"{quarter.voice}: 2 complaint points, 1 upheld in full or in part",
			"Tell families the day plans change.",
		],
	]
	compliments = book["Compliments"]
	assert compliments["A1"].value == "Compliments: 3 received"
	assert [c.value for c in compliments[4]][:2] == ["She listened to my son.", "Parent"]
	assert compliments["A4"].alignment.wrap_text
	workshops = book["Workshops"]
	row = [c.value for c in workshops[4]]
	assert row[1:4] == ["10:00 to 12:00", quarter.curiosity, quarter.curiosity]
	assert row[0].date().isoformat() == "2026-05-15" and workshops["A4"].number_format == "DD/MM/YYYY"
	assert workshops["F4"].hyperlink.target == frappe.utils.get_url(f"/workshops/{doc.workshops[0].workshop}")
	assert workshops.max_row == 4


def test_words_that_look_like_a_formula_stay_words_in_the_workbook(cast, quarter):
	doc = draft(cast.qa_manager)
	with as_user(cast.qa_manager):
		doc.reload()
		doc.quotes[0].words = '=HYPERLINK("http://evil.example","Click")'
		doc.save()
		bulletin_api.download_workbook(doc.name)
	cell = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent))["Compliments"]["A4"]
	assert cell.value == '=HYPERLINK("http://evil.example","Click")' and cell.data_type == "s"


def test_only_the_complaints_and_qa_teams_read_it(cast, quarter):
	doc = draft(cast.qa_manager)
	for user in (make_user("bulletin.staff"), make_user("bulletin.booker", roles.WORKSHOP_BOOKER)):
		with as_user(user), pytest.raises(frappe.PermissionError):
			bulletin_api.download_workbook(doc.name)
	with as_user(cast.team_manager):
		assert frappe.has_permission("Learning Bulletin", "read", doc.name)
		assert not frappe.has_permission("Learning Bulletin", "write", doc.name)
