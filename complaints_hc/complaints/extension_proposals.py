"""An extension the team proposes and the complainant answers on their complaint's page.

The statutory procedure extends a stage 1 response only with the complainant's written agreement. The
team proposes a new date and says why (a row of "Extensions Proposed to the Complainant"); the
complainant is emailed a link and agrees or declines on their page. An agreement becomes an extension
row like one the team records by hand, through the same checks, with its written record (a PDF of
what was agreed, who agreed, when and through which link) kept as a private file.
"""

import frappe
from frappe import _
from frappe.utils import escape_html, format_datetime, getdate, now_datetime, today
from frappe.utils.pdf import get_pdf

from complaints_hc import email_templates
from complaints_hc.complaints import complainant_links
from complaints_hc.complaints.names import OPEN
from complaints_hc.security import workflow_guard

AGREED, DECLINED = "Agreed", "Declined"


def validate(complaint):
	"""Made proposals are kept as made; a new one is for an open statutory complaint, after today's due date."""
	before = complaint.get_doc_before_save()
	stored = {row.name: row for row in (before.extension_proposals if before else [])}
	for name, row in stored.items():
		kept = next((r for r in complaint.extension_proposals if r.name == name), None)
		if not kept or workflow_guard.row_values(kept, kept.meta) != workflow_guard.row_values(row, row.meta):
			frappe.throw(_("A proposed extension cannot be changed or removed: propose a new one instead."))
	new = [row for row in complaint.extension_proposals if row.name not in stored]
	if not new:
		return
	if complaint.is_corporate:
		frappe.throw(
			_(
				"A corporate complaint's extension needs no agreement: record it under Extensions, with the reason."
			)
		)
	if complaint.status not in OPEN:
		frappe.throw(_("An extension can be proposed only while the complaint is open."))
	if len(new) > 1 or any(not row.response for row in stored.values()):
		frappe.throw(
			_("Wait for the complainant's answer to the extension already proposed."),
			title=_("One proposal at a time"),
		)
	row, due = new[0], getdate(complaint.due_date)
	if not (row.rationale or "").strip():
		frappe.throw(_("Say why more time is needed: the complainant reads it."))
	if not getdate(complaint.received_on) <= getdate(row.proposed_on) <= getdate(today()):
		frappe.throw(_("A proposal is dated between the complaint's receipt and today."))
	if getdate(today()) > due or getdate(row.new_due_date) <= due:
		frappe.throw(
			_(
				"The proposed date must be after the current due date ({0}), which must not have passed."
			).format(frappe.format(due, "Date"))
		)


def stamp(complaint):
	"""before_save: who proposed each new proposal, and the complainant's answer when one is being given."""
	for row in complaint.extension_proposals:
		row.proposed_by = row.proposed_by or frappe.session.user
	answer = complaint.flags.complainant_answer
	if not answer:
		return
	proposal = next(r for r in complaint.extension_proposals if r.name == answer["proposal"])
	proposal.update({"response": answer["response"], "responded_at": answer["at"],
		"responded_by": answer["by"], "responded_through": answer["link"]})  # fmt: skip
	extension = answer.get("extension")
	if extension is not None:
		extension.update({"agreed_online": 1, "agreed_by": answer["by"], "agreed_at": answer["at"],
			"agreed_through": answer["link"], "recorded_by": None})  # fmt: skip


def announce_new(complaint):
	"""on_update: email the complainant a link to answer each new proposal."""
	before = complaint.get_doc_before_save()
	stored = {row.name for row in (before.extension_proposals if before else [])}
	for row in complaint.extension_proposals:
		if row.name in stored or complaint.flags.complainant_answer:
			continue
		if not complainant_links.may_send(complaint, complainant_links.COMPLAINANT):
			frappe.msgprint(
				_(
					"The complainant has no email address: ask for their agreement by phone or letter, and record it under Extensions."
				),
				alert=True,
			)
			continue
		complainant_links.send(complaint, complainant_links.COMPLAINANT, complainant_links.EXTENSION_PROPOSED,
			template=email_templates.EXTENSION_PROPOSED, proposal=row)  # fmt: skip


def outstanding(complaint):
	"""The proposal awaiting the complainant's answer, if any."""
	return next((row for row in complaint.extension_proposals if not row.response), None)


def answer(complaint, proposal_name: str, agreed: bool, link, answered_by: str):
	"""The complainant's answer, from their page. An agreement extends the response date through the
	very checks an extension recorded by the team goes through."""
	proposal = outstanding(complaint)
	if not proposal or proposal.name != proposal_name:
		frappe.throw(
			_("This proposal has already been answered or is no longer open."), title=_("Already answered")
		)
	at = now_datetime()
	complaint.flags.from_complainant_page = True
	complaint.flags.complainant_answer = {"proposal": proposal.name, "response": AGREED if agreed else DECLINED,
		"at": at, "by": answered_by, "link": link.name}  # fmt: skip
	if agreed:
		record = agreement_record(complaint, proposal, link, answered_by, at)
		complaint.flags.complainant_answer["extension"] = complaint.append("extensions", {
			"requested_on": proposal.proposed_on, "new_due_date": proposal.new_due_date,
			"rationale": proposal.rationale, "complainant_agreed_on": today(),
			"agreement_attachment": record.file_url})  # fmt: skip
	complaint.save(ignore_permissions=True)  # the complainant's answer, checked against their link above
	complaint.run_method("notify_extension_answered")


def agreement_record(complaint, proposal, link, answered_by: str, at):
	"""The written agreement, as a private PDF on the complaint."""
	html = f"""<h2>{escape_html(_("Agreement to extend the response to complaint {0}").format(complaint.name))}</h2>
	<p>{escape_html(_("Proposed on {0} by the complaints team: a response by {1}.").format(
		frappe.format(proposal.proposed_on, "Date"), frappe.format(proposal.new_due_date, "Date")))}</p>
	<p>{escape_html(_("Reason given"))}: {escape_html(proposal.rationale)}</p>
	<p>{escape_html(_("Agreed by {0} on {1} on the complaint's page, through link {2} sent to {3}.").format(
		answered_by, format_datetime(at), link.name, link.email))}</p>"""  # fmt: skip
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{complaint.name} extension agreement {len(complaint.extensions) + 1}.pdf",
			"attached_to_doctype": "Complaint",
			"attached_to_name": complaint.name,
			"is_private": 1,
			"content": get_pdf(html),
		}
	)
	file.insert(ignore_permissions=True)  # the server's record of an agreement given on the page
	return file
