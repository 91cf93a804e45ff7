"""The complainant's page's methods (open to guests: the link's key is their only credential) and the
team's "send the page link" button.

Every guest call counts against the network address's hourly limit (Complaints Settings); a key that
is wrong in any way gets the same refusal, naming nothing."""

import frappe
from frappe import _

from complaints_hc.complaints import complainant_links, complainant_page
from complaints_hc.security import flood

NOT_OPENED = "This link does not open a complaint page. It may have expired or been replaced by a newer one: ask for a new link with your reference and email address."  # fmt: skip
RENEWAL_ANSWER = "If the reference and email address match a complaint, we have emailed a new link to that address. Any earlier link has stopped working."  # fmt: skip


def refuse_too_many():
	limit = frappe.db.get_single_value("Complaints Settings", "complainant_page_limit_per_address") or 60
	again = flood.past_limit("complainant-page", frappe.local.request_ip or "unknown", limit)
	if again:
		frappe.throw(
			_("Too many requests from this network address. Please try again after {0}, or phone the complaints team.").format(
				again.strftime("%H:%M")
			),
			frappe.TooManyRequestsError,
			title=_("Please try again later"),
		)  # fmt: skip


def opened(key: str):
	"""The live link of this key, counted against the address's limit; refused the same way otherwise."""
	refuse_too_many()
	link = complainant_links.open_link(key)
	if not link:
		frappe.throw(_(NOT_OPENED), frappe.PermissionError, title=_("Link not recognised"))
	return link


@frappe.whitelist(allow_guest=True, methods=["POST"])
def renew_link(reference: str | None = None, email: str | None = None) -> dict:
	refuse_too_many()
	complainant_links.renew(reference, email)
	return {"message": _(RENEWAL_ANSWER)}


@frappe.whitelist(allow_guest=True, methods=["POST"])
def ask_for_next_stage(key: str, stage: str | None = None, concerns: str | None = None) -> dict:
	link = opened(key)
	complainant_page.ask_for_next_stage(link, stage, concerns)
	return {
		"message": _("Thank you: we have your request, dated today. The complaints team will be in touch.")
	}


@frappe.whitelist(allow_guest=True, methods=["POST"])
def add_information(key: str, message: str | None = None) -> dict:
	link = opened(key)
	files = [(f.filename or "file", f.stream.read(complainant_page.MAX_FILE_BYTES + 1))
		for f in frappe.request.files.getlist("files") if f.filename]  # fmt: skip
	complainant_page.add_information(link, message, files)
	return {"message": _("Thank you: we have added this to your complaint and told the complaints team.")}


@frappe.whitelist(allow_guest=True, methods=["POST"])
def answer_extension(key: str, proposal: str | None = None, agree: str | None = None) -> dict:
	link = opened(key)
	if str(agree) not in ("0", "1"):
		frappe.throw(_("Choose whether you agree to the new date."), title=_("Please check"))
	agreed = str(agree) == "1"
	complainant_page.answer_extension(link, proposal, agreed)
	if agreed:
		return {
			"message": _(
				"Thank you: you have agreed to the new date. We have kept a record of your agreement."
			)
		}
	return {"message": _("Thank you: we have told the complaints team that you do not agree.")}


@frappe.whitelist(allow_guest=True, methods=["POST"])
def give_feedback(key: str, rating: str | None = None, comment: str | None = None) -> dict:
	link = opened(key)
	complainant_page.give_feedback(link, rating, comment)
	return {"message": _("Thank you for telling us how you found it.")}


@frappe.whitelist(allow_guest=True, methods=["GET"])
def letter(key: str, letter: str):
	"""One of the complaint's sent letters, as the PDF that was kept."""
	link = opened(key)
	file = complainant_page.letter_file(link, letter)
	if not file:
		frappe.throw(_("There is no such letter on this complaint."), frappe.DoesNotExistError)
	complainant_page.log_look(link, frappe.request.path)
	frappe.local.flags.commit = True  # the look is on record even though this is a GET
	frappe.local.response.filename = file.file_name
	frappe.local.response.filecontent = file.get_content()
	frappe.local.response.type = "download"


@frappe.whitelist(methods=["POST"])
def send_page_link(complaint: str, recipient: str = complainant_links.COMPLAINANT) -> dict:
	"""The team sends (or sends again) the link to the complainant's page; earlier links stop working."""
	frappe.has_permission("Complaint", "write", doc=complaint, throw=True)
	if recipient not in (complainant_links.COMPLAINANT, complainant_links.ADVOCATE):
		frappe.throw(_("Send the link to the complainant or their advocate."))
	doc = frappe.get_doc("Complaint", complaint)
	complainant_links.send(doc, recipient, complainant_links.SENT_BY_TEAM)
	return {"message": _("The link was sent to {0}.").format(complainant_links.address_of(doc, recipient))}
