"""Retention, anonymisation, legal holds, subject access requests and decisions on erasure and
rectification, as the people who use them: the Complaints Manager, Information Governance, and a
Complaints Manager who is named in a complaint."""

import json
import os
import re

import frappe
import pytest
from frappe.utils.pdf import get_pdf
from helpers import (
	as_user,
	make_action,
	make_category,
	make_complaint,
	make_compliment,
	make_team,
	make_user,
	make_workshop,
	on,
	pdf_text,
)

from complaints_hc.complaints_hc.report.annual_complaints_report import annual_complaints_report
from complaints_hc.complaints_hc.report.complaints_timeliness import complaints_timeliness
from complaints_hc.complaints_hc.report.quarterly_learning_themes import quarterly_learning_themes
from complaints_hc.data_protection import jobs, retention
from complaints_hc.security import roles

RUN_ON = "2026-11-27"
OLD_QUARTER, OLD_YEAR = "2012-13 Q1", "2012-13"


@pytest.fixture
def people(cast):
	return frappe._dict(
		governance=make_user("ig.officer", roles.INFORMATION_GOVERNANCE_OFFICER),
		manager_named=make_user("named.manager", roles.COMPLAINTS_MANAGER),
	)


def old_complaint(cast, received_on, closed_on, outcomes=("Upheld",), **values):
	"""A complaint from 2012, closed; what the workflow would have recorded is written straight on."""
	with on(received_on):
		doc = make_complaint(cast, received_on=received_on, complainant_email=f"{frappe.generate_hash(length=8)}@family.example.org",
			points=[{"description": f"Point {n} about Kai", "category": "Communication", "finding": "Kai's review was late."}
				for n, _ in enumerate(outcomes, 1)], **values)  # fmt: skip
	for row, outcome in zip(doc.points, outcomes, strict=True):
		frappe.db.set_value(
			"Complaint Point", row.name, {"outcome": outcome, "learning_for_staff": "Tell families."}
		)
	frappe.db.set_value("Complaint", doc.name, {"status": "Closed", "closed_on": closed_on, "responded_on": closed_on,
		"timescale_met": "Met", "working_days_taken": 12})  # fmt: skip
	return frappe.get_doc("Complaint", doc.name)


def traces(doctype, name) -> dict:
	"""How many of Frappe's records still point at the document."""
	return {
		"versions": frappe.db.count("Version", {"ref_doctype": doctype, "docname": name}),
		"comments": frappe.db.count("Comment", {"reference_doctype": doctype, "reference_name": name}),
		"emails": frappe.db.count("Communication", {"reference_doctype": doctype, "reference_name": name}),
		"files": frappe.db.count("File", {"attached_to_doctype": doctype, "attached_to_name": name}),
	}


def email_on(complaint, sender, words):
	frappe.get_doc({"doctype": "Communication", "communication_type": "Communication", "communication_medium": "Email",
		"sent_or_received": "Received", "sender": sender, "subject": f"About {complaint.name}", "content": words,
		"reference_doctype": "Complaint", "reference_name": complaint.name}).insert(ignore_permissions=True)  # fmt: skip


def letter_on(doc, words) -> str:
	file = frappe.get_doc({"doctype": "File", "file_name": f"{doc.name} response letter.pdf", "is_private": 1,
		"attached_to_doctype": doc.doctype, "attached_to_name": doc.name,
		"content": get_pdf(f"<p>{words}</p>")}).insert(ignore_permissions=True)  # fmt: skip
	return file.get_full_path()


def figures(user):
	"""The past quarter's and year's reports, as the Complaints Manager reads them."""
	with as_user(user):
		return json.dumps(
			[
				complaints_timeliness.execute(frappe._dict(quarter=OLD_QUARTER))[1],
				quarterly_learning_themes.execute(frappe._dict(quarter=OLD_QUARTER))[1],
				annual_complaints_report.execute(frappe._dict(financial_year=OLD_YEAR))[1],
			],
			default=str,
			sort_keys=True,
		)


@pytest.fixture
def old_records(cast):
	"""2012's records: one due, one kept until the child is 21, one on hold, one that went to stage 2,
	a compliment, workshop feedback and an access log; and this year's complaint, not due."""
	due = old_complaint(cast, "2012-04-10", "2012-05-20", outcomes=("Upheld", "Not upheld"))
	frappe.get_doc({"doctype": "Complaint Extension", "parenttype": "Complaint", "parentfield": "extensions",
		"parent": due.name, "requested_on": "2012-04-30", "new_due_date": "2012-05-25",
		"rationale": "Kai's school holidays"}).db_insert()  # fmt: skip
	with as_user(cast.officer):
		due.add_comment("Comment", "Mum rang about Kai again.")
	frappe.get_doc({"doctype": "Version", "ref_doctype": "Complaint", "docname": due.name,
		"data": json.dumps({"changed": [["child_name", "Kai", "Kai Pritchard"]]})}).insert(ignore_permissions=True)  # fmt: skip
	email_on(due, due.complainant_email, "Kai is still waiting for his review.")
	letter = letter_on(due, "Dear Joanne, we are sorry about Kai's review.")
	with on("2012-05-01"):
		action = make_action(
			due, cast.qa_manager, responsible=cast.team_manager, description="Apologise to Joanne"
		)
	for_child = old_complaint(cast, "2012-05-02", "2012-06-01", child_date_of_birth="2009-01-01")
	held = old_complaint(cast, "2012-06-05", "2012-06-25")
	with as_user(cast.manager):
		hold = frappe.get_doc({"doctype": "Complaint Legal Hold", "complaint": held.name, "reason": "Litigation",
			"details": "Claim issued in the county court"}).insert()  # fmt: skip
	went_on = old_complaint(cast, "2012-04-20", "2012-05-30")
	stage_2 = frappe.get_doc({"doctype": "Stage 2 Investigation", "complaint": went_on.name, "requested_on": "2012-06-10",
		"procedure": "Statutory (Children Act 1989)", "requested_via": "Letter", "remaining_concerns": "Kai still unhappy",
		"status": "Closed", "workflow_state": "Closed", "response_sent_on": "2013-01-10",
		"people": [{"role_in_stage": "Independent Person", "full_name": "Hannah Cole", "appointed_on": "2012-06-20"}]})  # fmt: skip
	stage_2.set_new_name()
	stage_2.set_parent_in_children()
	stage_2.db_insert()
	for person in stage_2.people:
		person.db_insert()
	frappe.db.set_value("Complaint", went_on.name, "stage", "Stage 2")
	with on("2012-05-01"):
		compliment = make_compliment(cast.officer, cast.social_worker, received_on="2012-05-01", giver_name="Mrs Ada Lane",
			words="Ada says the social worker was wonderful.")  # fmt: skip
	workshop = make_workshop(title=f"Old workshop {frappe.generate_hash(length=4)}", workshop_date="2012-05-10",
		booking_opens_on="2012-04-01", booking_closes_on="2012-05-09")  # fmt: skip
	booking = frappe.get_doc({"doctype": "Workshop Booking", "workshop": workshop.name, "attendee": cast.social_worker,
		"status": "Attended", "feedback": "Useful, thanks - Sam"})  # fmt: skip
	booking.set_new_name()
	booking.db_insert()
	log = frappe.get_doc({"doctype": "Complaint Access Log", "user": cast.officer, "action": "Read",
		"complaint": due.name, "creation": "2012-05-01 10:00:00", "modified": "2012-05-01 10:00:00"})  # fmt: skip
	log.set_new_name()
	log.db_insert()
	recent = make_complaint(cast)
	return frappe._dict(due=due, letter=letter, action=action, for_child=for_child, held=held, hold=hold, went_on=went_on,
		stage_2=stage_2, compliment=compliment, booking=booking, log=log, recent=recent)  # fmt: skip


def test_records_past_retention_are_anonymised_and_the_figures_stay(cast, people, old_records):
	r = old_records
	before = figures(cast.manager)
	assert os.path.exists(r.letter) and all(traces("Complaint", r.due.name).values())

	with as_user(people.governance):
		run = frappe.get_doc("Retention Run", jobs.run(on=RUN_ON))
	counts = {row.record_type: (row.anonymised, row.held) for row in run.counts}
	assert counts == {retention.STAGE_1_ONLY: (1, 1), retention.LATER_STAGES: (1, 0), retention.CORPORATE: (0, 0),
		retention.COMPLIMENT: (1, 0), retention.WORKSHOP_BOOKING: (1, 0), retention.ACCESS_LOG: (1, 0)}  # fmt: skip

	due = frappe.get_doc("Complaint", r.due.name)
	assert (due.complainant_name, due.complainant_email, due.child_name, due.case_reference, due.complaint_details,
		due.social_worker) == ("Anonymised", None, None, None, "", None)  # fmt: skip
	assert due.anonymised_on and not due.subjects
	assert [(p.description, p.finding, p.outcome, p.category, p.learning_for_staff) for p in due.points] == [
		("", None, "Upheld", "Communication", "Tell families."), ("", None, "Not upheld", "Communication", "Tell families.")]  # fmt: skip
	assert due.extensions[0].rationale is None and str(due.extensions[0].new_due_date) == "2012-05-25"
	assert (str(due.received_on), str(due.closed_on), due.status, due.timescale_met) == (
		"2012-04-10",
		"2012-05-20",
		"Closed",
		"Met",
	)
	assert frappe.db.get_value("Complaint Action", r.action.name, "description") == ""
	assert traces("Complaint", r.due.name) == {"versions": 0, "comments": 0, "emails": 0, "files": 0}
	assert not os.path.exists(r.letter)
	assert frappe.db.get_value("Stage 2 Investigation", r.stage_2.name, ["complainant_name", "remaining_concerns"]) == (
		"Anonymised", None)  # fmt: skip
	assert frappe.db.get_value("Stage Person", {"parent": r.stage_2.name}, "full_name") == ""
	assert frappe.db.get_value("Compliment", r.compliment.name, ["giver_name", "words"]) == (None, "")
	assert not frappe.db.exists("Compliment Staff", {"parent": r.compliment.name})
	assert frappe.db.get_value("Workshop Booking", r.booking.name, ["feedback", "status"]) == (
		None,
		"Attended",
	)
	assert not frappe.db.exists("Complaint Access Log", r.log.name)
	for untouched in (r.for_child, r.held, r.recent):  # not yet due: kept for the child, on hold, this year's
		assert frappe.db.get_value("Complaint", untouched.name, "complainant_name") == "Joanne Pritchard"

	assert figures(cast.manager) == before  # the past quarter's and year's reports give the same figures

	snapshot = frappe.get_doc("Complaint", r.due.name).as_dict()
	with as_user(people.governance):
		again = frappe.get_doc("Retention Run", jobs.run(on=RUN_ON))
	assert [(row.anonymised, row.held) for row in again.counts] == [
		(0, 1),
		(0, 0),
		(0, 0),
		(0, 0),
		(0, 0),
		(0, 0),
	]
	assert frappe.get_doc("Complaint", r.due.name).as_dict() == snapshot  # a second run changes nothing more


def test_a_lifted_hold_lets_anonymisation_go_ahead_and_both_are_on_record(cast, people, old_records):
	hold = old_records.hold
	assert hold.placed_by == cast.manager and hold.placed_on
	with as_user(cast.manager):
		with pytest.raises(frappe.ValidationError, match="Say why"):
			frappe.get_doc("Complaint Legal Hold", hold.name).lift("")
		frappe.get_doc("Complaint Legal Hold", hold.name).lift("The claim was settled.")
		lifted = frappe.get_doc("Complaint Legal Hold", hold.name)
		assert (lifted.lifted_by, lifted.lift_reason) == (cast.manager, "The claim was settled.")
		with pytest.raises(frappe.ValidationError, match="already been lifted"):
			lifted.lift("again")
		lifted.reload()
		lifted.details = "Rewritten afterwards"
		with pytest.raises(frappe.ValidationError):  # what was placed and lifted stays as recorded
			lifted.save()
	jobs.run(on=RUN_ON)
	assert frappe.db.get_value("Complaint", old_records.held.name, "complainant_name") == "Anonymised"


def test_only_the_named_roles_reach_holds_runs_and_settings(cast, people, old_records):
	for user, doctype, may in (
		(cast.officer, "Complaint Legal Hold", False),
		(cast.officer, "Data Protection Settings", False),
		(cast.officer, "Retention Run", False),
		(cast.manager, "Data Protection Settings", True),
		(people.governance, "Data Protection Settings", True),
		(people.governance, "Retention Run", True),
		(people.governance, "Complaint", False),
	):
		assert frappe.has_permission(doctype, "read", user=user) is may, (user, doctype)
	assert not frappe.has_permission("Data Protection Settings", "write", user=cast.manager)
	with as_user(people.governance):
		settings = frappe.get_doc("Data Protection Settings")
		assert [row.record_type for row in settings.retention_periods] == list(retention.RECORD_TYPES)
		settings.append("retention_periods", {"record_type": retention.COMPLIMENT, "years": 1})
		with pytest.raises(frappe.ValidationError, match="already has a retention period"):
			settings.save()


def test_a_manager_named_in_a_complaint_cannot_reach_it_through_a_hold(cast, people):
	about_them = make_complaint(
		cast, subjects=[{"user": people.manager_named, "role_in_case": "Team manager"}]
	)
	with as_user(cast.manager):
		hold = frappe.get_doc(
			{"doctype": "Complaint Legal Hold", "complaint": about_them.name, "reason": "Police matter"}
		).insert()
	with as_user(people.manager_named):
		assert frappe.get_list("Complaint Legal Hold", filters={"name": hold.name}) == []
		assert not frappe.has_permission("Complaint Legal Hold", "read", doc=hold)
		# refused just as for a complaint that does not exist: nothing says it is there
		for complaint in (about_them.name, "CMP-1999-99999"):
			with pytest.raises(frappe.PermissionError):
				frappe.get_doc(
					{"doctype": "Complaint Legal Hold", "complaint": complaint, "reason": "Other"}
				).insert()


def sar(user, **values):
	with as_user(user):
		return frappe.get_doc({"doctype": "Subject Access Request", "requester_name": "Joanne Pritchard",
			"requester_is": "The complainant", "received_on": "2026-01-31", **values}).insert()  # fmt: skip


def test_a_subject_access_request_finds_redacts_and_is_released_after_review(cast, people):
	address = f"joanne.{frappe.generate_hash(length=6)}@family.example.org"
	statutory = make_complaint(cast, complainant_email=address,
		complaint_details="My neighbour Sandra Lowe saw the visit go wrong.")  # fmt: skip
	corporate = make_complaint(cast, complainant_email=address, complaint_details="School transport for Kai.")
	frappe.db.set_value("Complaint", corporate.name, "procedure", "Corporate")
	email_on(statutory, address, "Sandra Lowe will confirm what happened.")
	letter_on(statutory, "Dear Joanne, we spoke to Sandra Lowe about the visit.")
	stranger = make_complaint(cast, complainant_email="someone.else@example.org")

	request = sar(cast.manager, requester_email=address, subject_emails=address)
	assert str(request.due_on) == "2026-02-28"  # 31 January + one calendar month
	with as_user(cast.manager):
		request.find_records()
		request.reload()
		found = {(row.reference_doctype, row.reference_name) for row in request.records}
		assert {("Complaint", statutory.name), ("Complaint", corporate.name)} <= found
		assert ("Complaint", stranger.name) not in found
		with pytest.raises(frappe.ValidationError, match="identity"):
			request.prepare_export()
		request.reload()
		request.identity_checked, request.identity_evidence = 1, "Passport seen at the front desk"
		request.append("redactions", {"text": "Sandra Lowe", "whose": "a neighbour"})
		request.save()
		request.prepare_export()
		request.reload()
		assert request.status == "Export Prepared" and request.prepared_by == cast.manager
		exported = json.loads(frappe.get_doc("File", {"file_url": request.export_json}).get_content())
		text = pdf_text(frappe.get_doc("File", {"file_url": request.export_pdf}).get_content())
		with pytest.raises(frappe.ValidationError, match="Someone other than"):
			request.release()
	flat = json.dumps(exported)
	for copy in (flat, text):
		assert "sandra lowe" not in copy.lower() and "[redacted]" in copy
		assert statutory.name in copy and corporate.name in copy and stranger.name not in copy
	statutory_record = next(r for r in exported["records"] if r["record"].endswith(statutory.name))
	assert statutory_record["emails"][0]["text"] == "[redacted] will confirm what happened."
	assert "we spoke to [redacted] about the visit" in statutory_record["letters"][0]["text"]

	with as_user(people.governance):
		frappe.get_doc("Subject Access Request", request.name).release()
	released = frappe.get_doc("Subject Access Request", request.name)
	assert (released.status, released.reviewed_by) == ("Released", people.governance)


def test_the_extension_counts_two_further_calendar_months(cast):
	request = sar(cast.manager, received_on="2024-11-30", subject_names="Joanne Pritchard")
	with as_user(cast.manager):
		request.extended = 1
		with pytest.raises(frappe.ValidationError, match="two further months"):
			request.save()
		request.reload()
		request.extended, request.extension_reason = 1, "Records across three procedures"
		request.save()
	assert str(request.due_on) == "2025-02-28"


def test_a_staff_subject_cannot_use_a_request_to_reach_the_complaint_about_them(cast, people):
	about_them = make_complaint(
		cast, subjects=[{"user": people.manager_named, "role_in_case": "Team manager"}]
	)
	mine = sar(people.manager_named, requester_name="A staff member", requester_is="A staff member",
		subject_user=people.manager_named)  # fmt: skip
	with as_user(people.manager_named):
		mine.find_records()
		mine.reload()
		assert about_them.name not in {row.reference_name for row in mine.records}
	theirs = sar(cast.manager, requester_is="A staff member", subject_user=people.manager_named)
	with as_user(cast.manager):
		theirs.find_records()
	theirs.reload()
	assert about_them.name in {row.reference_name for row in theirs.records}
	with as_user(people.manager_named):
		assert frappe.get_list("Subject Access Request", filters={"name": theirs.name}) == []
		assert not frappe.has_permission("Subject Access Request", "read", doc=theirs)
	for outsider in (cast.officer, cast.qa_officer):
		assert not frappe.has_permission("Subject Access Request", "read", user=outsider)


def test_a_staff_members_own_data_download_leaves_out_the_complaint_about_them(cast, people):
	from frappe.website.doctype.personal_data_download_request.personal_data_download_request import (
		get_user_data,
	)

	about_them = make_complaint(cast, subjects=[{"user": cast.social_worker, "role_in_case": "Social worker"}],
		child_name="Tilly Marsh")  # fmt: skip
	workshop = make_workshop(title=f"Download {frappe.generate_hash(length=4)}")
	booking = frappe.get_doc({"doctype": "Workshop Booking", "workshop": workshop.name, "attendee": cast.social_worker,
		"status": "Booked"})  # fmt: skip
	booking.set_new_name()
	booking.db_insert()
	data = get_user_data(cast.social_worker)
	assert booking.name in data
	assert about_them.name not in data and "Tilly Marsh" not in data


def decision(user, complaint, kind, **values):
	with as_user(user):
		return frappe.get_doc({"doctype": "Data Rights Decision", "complaint": complaint.name, "kind": kind,
			"asked_by": "Joanne Pritchard", "asked_on": "2026-11-02", **values}).insert()  # fmt: skip


def test_erasure_and_rectification_are_decided_then_applied(cast, people, old_records):
	closed = old_records.for_child
	refused = decision(
		cast.manager, closed, "Erasure", decision="Refused", reason="Kept for the child's possible claim."
	)
	with as_user(cast.manager):
		refused.apply()
	assert frappe.db.get_value("Complaint", closed.name, "complainant_name") == "Joanne Pritchard"

	held = decision(cast.manager, old_records.held, "Erasure", decision="Agreed", reason="No longer needed.")
	with as_user(cast.manager), pytest.raises(frappe.ValidationError, match="legal hold"):
		held.apply()

	corrected = decision(cast.manager, closed, "Rectification", decision="Agreed", reason="The email was mistyped.",
		corrections=[{"fieldname": "complainant_email", "corrected_value": "joanne.p@family.example.org"}])  # fmt: skip
	with as_user(cast.manager):
		corrected.apply()
		with pytest.raises(frappe.ValidationError, match="already been applied"):
			frappe.get_doc("Data Rights Decision", corrected.name).apply()
	assert frappe.db.get_value("Complaint", closed.name, "complainant_email") == "joanne.p@family.example.org"
	assert frappe.db.exists(
		"Comment", {"reference_name": closed.name, "content": ("like", f"%{corrected.name}%")}
	)

	erased = decision(
		cast.manager, closed, "Erasure", decision="Agreed", reason="The complainant asked; nothing needs it."
	)
	with as_user(cast.manager):
		erased.apply()
	assert frappe.db.get_value("Complaint", closed.name, ["complainant_name", "complainant_email"]) == (
		"Anonymised",
		None,
	)
	assert frappe.db.get_value("Data Rights Decision", erased.name, "decided_by") == cast.manager
	with as_user(people.governance), pytest.raises(frappe.PermissionError):
		decision(people.governance, closed, "Erasure")


def complainant_of(complaint) -> str:
	return frappe.db.get_value("Complaint", complaint.name, "complainant_name")


def later_stage(complaint, doctype, status):
	"""A later stage of a 2012 complaint, asked for on 10 June 2012, now in this status (what the workflow
	would have recorded is written straight on, as for the complaint)."""
	record = frappe.get_doc({"doctype": doctype, "complaint": complaint.name, "requested_on": "2012-06-10",
		"requested_via": "Letter", "remaining_concerns": "Kai still unhappy", "ombudsman_reference": "12 000 001",
		"status": status, "workflow_state": status})  # fmt: skip
	record.set_new_name()
	record.db_insert()
	return record


@pytest.mark.parametrize(
	"doctype, still_open, ended",
	[
		("Mediation", "Arranged", "Resolved"),
		("Stage 2 Investigation", "Investigating", "Closed"),
		("Stage 3 Review Panel", "Met", "Closed"),
		("Ombudsman Enquiry", "Draft Decision", "Closed"),
	],
)
def test_a_complaint_with_a_later_stage_still_open_waits(cast, people, doctype, still_open, ended):
	"""Two complaints closed at stage 1 in May 2012, each taken on in June 2012: six years from any end
	are long past on the run's day, but one of them has its later stage still open."""
	make_category()
	waiting = old_complaint(cast, "2012-04-20", "2012-05-30")
	done = old_complaint(cast, "2012-04-23", "2012-05-30")
	later_stage(waiting, doctype, still_open)
	later_stage(done, doctype, ended)
	with as_user(people.governance):
		jobs.run(on=RUN_ON)
	assert complainant_of(waiting) == "Joanne Pritchard"
	assert frappe.db.get_value("Complaint", waiting.name, "anonymised_on") is None
	assert complainant_of(done) == "Anonymised"  # the same complaint with its later stage ended


@pytest.mark.parametrize(
	"doctype, answered",
	[
		("Stage 2 Investigation", "Responded"),
		("Stage 3 Review Panel", "Responded"),
		("Ombudsman Enquiry", "Final Decision"),
	],
)
def test_a_complaint_with_a_later_stage_answered_but_not_closed_waits(cast, people, doctype, answered):
	"""As above, with the later stage answered (its response sent in July 2012) but never closed."""
	make_category()
	waiting = old_complaint(cast, "2012-04-20", "2012-05-30")
	done = old_complaint(cast, "2012-04-23", "2012-05-30")
	stage = later_stage(waiting, doctype, answered)
	answered_on = "final_decision_on" if doctype == "Ombudsman Enquiry" else "response_sent_on"
	frappe.db.set_value(doctype, stage.name, answered_on, "2012-07-02")
	later_stage(done, doctype, "Closed")
	with as_user(people.governance):
		jobs.run(on=RUN_ON)
	assert complainant_of(waiting) == "Joanne Pritchard"
	assert complainant_of(done) == "Anonymised"


def test_a_complaint_answered_at_stage_1_but_not_closed_waits(cast, people):
	"""Responded to in May 2012 and never closed: not due, while one closed the same day is."""
	make_category()
	waiting = old_complaint(cast, "2012-04-20", "2012-05-30")
	frappe.db.set_value("Complaint", waiting.name, {"status": "Responded", "closed_on": None})
	done = old_complaint(cast, "2012-04-23", "2012-05-30")
	with as_user(people.governance):
		jobs.run(on=RUN_ON)
	assert complainant_of(waiting) == "Joanne Pritchard"
	assert complainant_of(done) == "Anonymised"


def test_a_kind_of_record_removed_from_the_schedule_is_kept(cast, people):
	"""Information Governance removes the stage 1 complaints' row: a 2012 stage 1 complaint is kept,
	while a 2012 compliment, whose row stays, is anonymised by the same run."""
	make_category()
	kept = old_complaint(cast, "2012-04-10", "2012-05-20")
	with on("2012-05-01"):
		compliment = make_compliment(cast.officer, cast.social_worker, received_on="2012-05-01",
			giver_name="Mrs Ada Lane", words="Ada says the social worker was wonderful.")  # fmt: skip
	with as_user(people.governance):
		settings = frappe.get_doc("Data Protection Settings")
		settings.remove(
			next(r for r in settings.retention_periods if r.record_type == retention.STAGE_1_ONLY)
		)
		settings.save()
		run = frappe.get_doc("Retention Run", jobs.run(on=RUN_ON))
	assert retention.STAGE_1_ONLY not in retention.periods()
	counts = {row.record_type: (row.anonymised, row.held) for row in run.counts}
	assert counts[retention.STAGE_1_ONLY] == (0, 0)
	assert complainant_of(kept) == "Joanne Pritchard"
	assert frappe.db.get_value("Complaint", kept.name, "anonymised_on") is None
	assert frappe.db.get_value("Compliment", compliment.name, ["giver_name", "words"]) == (None, "")


def test_a_hold_cannot_be_placed_on_an_anonymised_complaint(cast, people):
	make_category()
	gone = old_complaint(cast, "2012-04-10", "2012-05-20")
	with on(RUN_ON), as_user(people.governance):
		jobs.run(on=RUN_ON)
	assert str(frappe.db.get_value("Complaint", gone.name, "anonymised_on")) == RUN_ON
	recent = make_complaint(cast)
	with as_user(cast.manager):
		with pytest.raises(frappe.ValidationError,
			match=re.escape(f"{gone.name} was anonymised on 27-11-2026: there is nothing left to hold.")):  # fmt: skip
			frappe.get_doc({"doctype": "Complaint Legal Hold", "complaint": gone.name, "reason": "Litigation",
				"details": "Claim issued in the county court"}).insert()  # fmt: skip
		held = frappe.get_doc({"doctype": "Complaint Legal Hold", "complaint": recent.name, "reason": "Litigation",
			"details": "Claim issued in the county court"}).insert()  # fmt: skip
	assert not frappe.db.exists("Complaint Legal Hold", {"complaint": gone.name})
	assert held.placed_by == cast.manager


def test_a_subject_access_request_is_refused_only_with_a_reason(cast, people):
	request = sar(
		cast.manager, requester_email="joanne.pritchard@example.org", subject_names="Joanne Pritchard"
	)
	no_reason = re.escape("Say why the request is refused (for example, manifestly unfounded or excessive).")
	with as_user(cast.manager):
		for reason in ("", "   "):
			with pytest.raises(frappe.ValidationError, match=no_reason):
				frappe.get_doc("Subject Access Request", request.name).refuse(reason)
		assert frappe.db.get_value("Subject Access Request", request.name, ["status", "refusal_reason"]) == (
			"Received",
			None,
		)
		frappe.get_doc("Subject Access Request", request.name).refuse(
			" The same request was answered in full on 20 January. "
		)
		refused_request = frappe.get_doc("Subject Access Request", request.name)
		assert (refused_request.status, refused_request.refusal_reason) == (
			"Refused",
			"The same request was answered in full on 20 January.",
		)
		refused_request.subject_names = "Joanne Pritchard, Kai Pritchard"
		with pytest.raises(frappe.ValidationError, match=re.escape("This request is closed (Refused)")):
			refused_request.save()  # a refused request stays as it was refused
	assert frappe.db.get_value("Subject Access Request", request.name, "subject_names") == "Joanne Pritchard"


def test_a_staff_members_own_data_download_has_their_compliments_teams_and_looks(cast):
	from frappe.website.doctype.personal_data_download_request.personal_data_download_request import (
		get_user_data,
	)

	from complaints_hc.security import access_log

	member, colleague = make_user("download.member", roles.QA_OFFICER), make_user("download.colleague")
	team = make_team(members=[member, colleague])
	theirs = make_compliment(cast.officer, member, words="She explained every step to us.")
	make_compliment(cast.officer, colleague, words="He always called back.")
	complaint = make_complaint(cast)
	looks = [access_log.row(user, "Complaint", complaint.name, "Read", f"/app/complaint/{complaint.name}",
		"127.0.0.1") for user in (member, colleague)]  # fmt: skip
	for look in looks:
		frappe.get_doc(look).db_insert()  # as the server records a look after the request
	with as_user(member):  # the staff member's own download
		data = json.loads(get_user_data(member))
	assert [row["parent"] for row in data["Compliment Staff"]] == [theirs.name]
	assert [row["parent"] for row in data["Service Team Member"]] == [team]
	assert [(row["name"], row["user"]) for row in data["Complaint Access Log"]] == [
		(looks[0]["name"], member)
	]
