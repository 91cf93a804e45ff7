"""The stage 1 outcome letters, printed by the Complaints Officer: the standard letter and the one
written for a child or young person. A subject of the complaint cannot print either."""

import frappe
import pytest
from helpers import as_user, make_complaint, on


@pytest.fixture
def responded(cast):
	with on("2026-05-11"):
		complaint = make_complaint(cast, received_on="2026-05-11", complainant_name="Kai Pritchard",
			child_complainant=1, relationship_to_child="Child or young person",
			points=[{"description": "My social worker kept changing."},
				{"description": "Nobody told me about the review meeting."}])  # fmt: skip
	for row, (outcome, finding) in zip(
		complaint.points,
		(
			("Upheld", "Kai had three social workers in six months."),
			("Not upheld", "The invitation was sent."),
		),
		strict=True,
	):
		frappe.db.set_value("Complaint Point", row.name, {"outcome": outcome, "finding": finding,
			"rationale": "Checked against the case file."})  # fmt: skip
	frappe.db.set_value("Complaint", complaint.name, {"overall_outcome": "Partially upheld",
		"outcome_letter_sent_on": "2026-06-01", "remedy_amount": 50, "child_file_label": "stage 1 complaint response"})  # fmt: skip
	return complaint.name


def printed(user, name, print_format):
	with as_user(user):
		return frappe.get_print("Complaint", name, print_format)


def test_the_standard_letter(cast, responded):
	html = printed(cast.officer, responded, "Stage 1 Outcome Letter")
	assert "Dear Kai Pritchard," in html and responded in html
	assert "My social worker kept changing." in html and "Kai had three social workers in six months." in html
	assert "Upheld" in html and "Not upheld" in html
	assert "Overall, your complaint is partially upheld." in html
	assert "£ 50.00" in html or "£50.00" in html
	# 20 working days from Monday 1 June 2026 is Monday 29 June (no bank holiday between)
	assert "by 29-06-2026 (20 working days from this letter)" in html
	assert "mediation" in html and "stage 2 independent investigation" in html
	assert "stage 1 complaint response" in html


def test_the_letter_for_a_young_person(cast, responded):
	html = printed(cast.officer, responded, "Stage 1 Outcome Letter (Young Person)")
	assert "Hello Kai Pritchard," in html
	assert "You were right about this." in html and "found that this was done the right way" in html
	assert "Tell the complaints team by 29-06-2026." in html
	assert "An advocate is someone who is on your side" in html
	frappe.db.set_value("Complaint", responded, "advocate_response", "Accepted")
	assert "Your advocate can help you with this too." in printed(cast.officer, responded,
		"Stage 1 Outcome Letter (Young Person)")  # fmt: skip


def test_the_window_for_the_next_stage_is_a_setting(cast, responded):
	frappe.db.set_single_value("Complaints Settings", "next_stage_request_working_days", 10)
	try:
		html = printed(cast.officer, responded, "Stage 1 Outcome Letter")
	finally:  # values are cached in the process beyond the test's rollback
		frappe.db.set_single_value("Complaints Settings", "next_stage_request_working_days", 20)
	assert "by 15-06-2026 (10 working days from this letter)" in html


def test_a_subject_cannot_print_the_letter(cast, responded):
	with pytest.raises(frappe.DoesNotExistError):  # Frappe's print view does not even say it exists
		printed(cast.subject, responded, "Stage 1 Outcome Letter")
