"""Removing personal data and keeping what the figures need, set-wise and in batches.

A complaint keeps its reference, dates, procedure, stage, status, team and service area, categories,
learning themes, outcomes and timeliness, so that every report for a past period gives the same
figures; it loses names, contact details, the child, the case reference, every free-text account,
its attachments and letters, its emails, comments and versions, and the same in its later stages and
actions. Staff acting in their role (officers, approvers) stay: they are the council's record of who
did the work. The people complained about (the subjects) go.

These writes go straight to the tables, past the record's integrity lock: that is the point of a
retention schedule. Each run is recorded by counts (`jobs.py`); the data itself is never logged.
"""

import os

import frappe
from frappe.utils import today

ANONYMISED = "Anonymised"

# DocType -> {field: value}: what is kept in place of the personal data.
COMPLAINT_FIELDS = {
	"complainant_name": ANONYMISED,
	"complainant_email": None,
	"complainant_phone": None,
	"complainant_address": None,
	"interpreter_language": None,
	"reasonable_adjustments": None,
	"complaint_details": "",
	"outcome_sought": None,
	"child_name": None,
	"child_date_of_birth": None,
	"case_reference": None,
	"social_worker": None,
	"meeting_notes": None,
	"resolution_agreed_with": None,
	"resolution_summary": None,
	"restart_reason": None,
	"received_on_change_reason": None,
	"letter_posted_reason": None,
	"child_file_label": None,
	"sent_letter": None,
	"sent_letter_sha256": None,
	"withdrawal_reason": None,
	"helper_now": None,
	"safe_contact": None,
	"advocate_name": None,
	"advocate_email": None,
	"late_decision_reason": None,
	"remedy_reason": None,
}
# Child tables of a complaint: blanked in place, or (None) their rows removed.
COMPLAINT_ROWS = {
	"Complaint Point": {"description": "", "finding": None, "rationale": None},
	"Complaint Extension": {"rationale": None, "agreed_by": None, "agreement_attachment": None},
	"Complaint Extension Proposal": {"rationale": None, "responded_by": None},
	"Complaint Update": {"summary": None},
	"Complaint Subject": None,
}
# Records that hang off a complaint by its `complaint` field.
LINKED = {
	"Mediation": {"complainant_name": ANONYMISED, "remaining_concerns": None, "late_request_decision": None,
		"mediator": None, "mediator_organisation": None, "resolution_summary": None, "withdrawal_reason": None},
	"Stage 2 Investigation": {"complainant_name": ANONYMISED, "remaining_concerns": None,
		"late_request_decision": None, "adjudication": None, "extension_reason": None, "withdrawal_reason": None,
		"sent_letter": None, "sent_letter_sha256": None},
	"Stage 3 Review Panel": {"complainant_name": ANONYMISED, "remaining_concerns": None,
		"late_request_decision": None, "recommendations": None, "council_response": None,
		"withdrawal_reason": None, "sent_letter": None, "sent_letter_sha256": None},
	"Ombudsman Enquiry": {"complainant_name": ANONYMISED, "ombudsman_reference": None,
		"early_referral_reason": None, "information_requested": None, "decision_summary": None},
	"Complaint Action": {"point_summary": None, "description": "", "evidence": None},
	"Complainant Feedback": {"comment": None},
	"Complainant Link": None,
	"Letter to Post": {"addressee": ANONYMISED, "address": None, "letter": None, "posting_note": None},
}  # fmt: skip
LINKED_ROWS = {
	"Stage 2 Investigation": {"Stage Person": {"full_name": "", "organisation": None},
		"Stage 2 Point": {"description": "", "finding": None}},
	"Stage 3 Review Panel": {"Panel Member": {"full_name": "", "organisation": None}},
	"Ombudsman Enquiry": {"Ombudsman Recommendation": {"description": ""}},
}  # fmt: skip
# Frappe's records about a document, removed with its personal data: (DocType, its doctype field, its name field).
TRAIL = (
	("Version", "ref_doctype", "docname"),
	("Comment", "reference_doctype", "reference_name"),
	("Communication", "reference_doctype", "reference_name"),
	("Communication Link", "link_doctype", "link_name"),
	("ToDo", "reference_type", "reference_name"),
	("Notification Log", "document_type", "document_name"),
	("Activity Log", "reference_doctype", "reference_name"),
	("View Log", "reference_doctype", "reference_name"),
	("Email Queue", "reference_doctype", "reference_name"),
)


def set_clause(values: dict) -> tuple[str, dict]:
	parts, params = [], {}
	for n, (field, value) in enumerate(values.items()):
		parts.append(f"`{field}` = %(v{n})s")
		params[f"v{n}"] = value
	return ", ".join(parts), params


def update(doctype: str, values: dict, where: str, params: dict):
	clause, values_params = set_clause(values)
	frappe.db.sql(
		f"update `tab{doctype}` set {clause} where {where}", {**values_params, **params}
	)  # nosemgrep


def remove(doctype: str, where: str, params: dict):
	frappe.db.sql(f"delete from `tab{doctype}` where {where}", params)  # nosemgrep: names from this module


def anonymise_complaints(complaints: list[str]) -> int:
	"""Anonymise these complaints with everything hanging off them; returns how many were changed."""
	if not complaints:
		return 0
	names = {"names": tuple(complaints)}
	update("Complaint", {**COMPLAINT_FIELDS, "anonymised_on": today()}, "name in %(names)s", names)
	for table, values in COMPLAINT_ROWS.items():
		where = "parenttype = 'Complaint' and parent in %(names)s"
		remove(table, where, names) if values is None else update(table, values, where, names)
	documents = {"Complaint": list(complaints)}
	for doctype, values in LINKED.items():
		linked = frappe.db.sql_list(
			f"select name from `tab{doctype}` where complaint in %(names)s", names
		)  # nosemgrep
		if not linked:
			continue
		if values is None:
			remove(doctype, "name in %(linked)s", {"linked": tuple(linked)})
			continue
		documents[doctype] = linked
		update(doctype, values, "name in %(linked)s", {"linked": tuple(linked)})
		for table, row_values in LINKED_ROWS.get(doctype, {}).items():
			update(table, row_values, "parenttype = %(parenttype)s and parent in %(linked)s",
				{"parenttype": doctype, "linked": tuple(linked)})  # fmt: skip
	for doctype, docnames in documents.items():
		remove_trail(doctype, docnames)
		frappe.clear_document_cache(doctype)
	return len(complaints)


def remove_trail(doctype: str, docnames: list[str]):
	"""Versions, comments, emails, assignments and logs about these documents, and their files."""
	params = {"doctype": doctype, "names": tuple(docnames)}
	communications = frappe.db.sql_list(
		"select name from tabCommunication where reference_doctype = %(doctype)s and reference_name in %(names)s",
		params,
	)
	remove_files("attached_to_doctype = %(doctype)s and attached_to_name in %(names)s", params)
	if communications:
		remove_files("attached_to_doctype = 'Communication' and attached_to_name in %(names)s",
			{"names": tuple(communications)})  # fmt: skip
		remove("Communication Link", "parent in %(names)s", {"names": tuple(communications)})
	queued = frappe.db.sql_list(
		"select name from `tabEmail Queue` where reference_doctype = %(doctype)s and reference_name in %(names)s",
		params,
	)
	if queued:
		remove("Email Queue Recipient", "parent in %(names)s", {"names": tuple(queued)})
	for table, doctype_field, name_field in TRAIL:
		remove(table, f"`{doctype_field}` = %(doctype)s and `{name_field}` in %(names)s", params)


def remove_files(where: str, params: dict):
	"""The File records and what they point at on disk (private and public)."""
	files = frappe.db.sql(
		f"select name, file_url, is_private from tabFile where {where}", params
	)  # nosemgrep
	for _name, file_url, _private in files:
		path = file_path(file_url)
		if path and os.path.exists(path) and not shared_by_others(file_url, [f[0] for f in files]):
			os.remove(path)
	if files:
		remove("File", "name in %(names)s", {"names": tuple(f[0] for f in files)})


def file_path(file_url: str | None) -> str | None:
	if not file_url or "://" in file_url:
		return None
	relative = file_url.lstrip("/")
	if relative.startswith("private/files/"):
		return frappe.get_site_path(relative)
	if relative.startswith("files/"):
		return frappe.get_site_path("public", relative)
	return None


def shared_by_others(file_url: str, going: list[str]) -> bool:
	"""Frappe lets two File records share one file on disk: keep it while another record uses it."""
	return bool(frappe.db.exists("File", {"file_url": file_url, "name": ("not in", going)}))


def anonymise_compliments(compliments: list[str]) -> int:
	"""The giver's name, the words and the staff named go; the date, category, team and source stay.
	A published bulletin's quote of it goes too."""
	if not compliments:
		return 0
	names = {"names": tuple(compliments)}
	update(
		"Compliment", {"giver_name": None, "words": "", "anonymised_on": today()}, "name in %(names)s", names
	)
	remove("Compliment Staff", "parenttype = 'Compliment' and parent in %(names)s", names)
	remove("Learning Bulletin Quote", "compliment in %(names)s", names)
	remove_trail("Compliment", list(compliments))
	frappe.clear_document_cache("Compliment")
	return len(compliments)


def clear_booking_feedback(bookings: list[str]) -> int:
	if not bookings:
		return 0
	update("Workshop Booking", {"feedback": None}, "name in %(names)s", {"names": tuple(bookings)})
	frappe.clear_document_cache("Workshop Booking")
	return len(bookings)


def delete_access_logs(logs: list[str]) -> int:
	if logs:
		remove("Complaint Access Log", "name in %(names)s", {"names": tuple(logs)})
	return len(logs)
