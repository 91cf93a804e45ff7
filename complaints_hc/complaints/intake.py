"""A complaint made on the public portal: checked, then logged as received today (Day 0), and
acknowledged to the complainant. Only its reference is given back to the person submitting it."""

import frappe
from frappe import _
from frappe.utils import cstr, today, validate_email_address

from complaints_hc import email_templates
from complaints_hc.complaints import complainant_links
from complaints_hc.security import flood

FROM_ADDRESS, FROM_EMAIL = "from this network address", "from this email address"
CONTACT_METHODS = ("Email", "Phone", "Letter")  # "In person" is arranged once the team is in touch
LIMITS = {"complainant_name": 140, "complainant_phone": 40, "child_name": 140, "complaint_details": 5000,
	"outcome_sought": 2000}  # fmt: skip


def relationships() -> list[str]:
	"""Who a complainant may be: the Complaint's own options, as the council has them."""
	return [o for o in frappe.get_meta("Complaint").get_options("relationship_to_child").split("\n") if o]


def cleaned(form: dict) -> dict:
	"""The submitted fields, trimmed and checked; every problem is reported together."""
	values = {field: cstr(form.get(field)).strip() for field in (*LIMITS, "complainant_email",
		"relationship_to_child", "preferred_contact_method")}  # fmt: skip
	problems = []
	if not values["complainant_name"]:
		problems.append(_("Tell us your name."))
	if not values["complainant_email"] and not values["complainant_phone"]:
		problems.append(_("Give an email address or a phone number so that we can contact you."))
	if values["complainant_email"] and not validate_email_address(values["complainant_email"]):
		problems.append(_("The email address does not look right."))
	if values["relationship_to_child"] not in relationships():
		problems.append(_("Choose who you are: parent, carer, the child or young person, and so on."))
	if values["preferred_contact_method"] and values["preferred_contact_method"] not in CONTACT_METHODS:
		problems.append(_("Choose how you would like us to contact you."))
	if len(values["complaint_details"]) < 10:
		problems.append(_("Tell us what your complaint is about."))
	for field, limit in LIMITS.items():
		if len(values[field]) > limit:
			problems.append(
				_("{0} is too long: at most {1} characters.").format(_(frappe.unscrub(field)), limit)
			)
	if problems:
		frappe.throw("<br>".join(problems), title=_("Please check your complaint"))
	return values


def refuse_floods(address: str, email: str | None):
	"""Past the hour's limit for this network address, or this email address, a complaint is refused.

	The limits are Complaints Settings; the answer says plainly when to try again, and nothing is kept.
	"""
	settings = frappe.get_cached_doc("Complaints Settings")
	limits = [(FROM_ADDRESS, address or "unknown", settings.public_form_limit_per_address or 20)]
	if email:
		limits.append((FROM_EMAIL, email.strip().lower(), settings.public_form_limit_per_email or 5))
	for kind, value, limit in limits:
		again = flood.past_limit(f"public-form:{kind}", value, limit)
		if again:
			frappe.throw(
				_(
					"Too many complaints have been sent {0} in the last hour. Please try again after {1}, or phone the complaints team."
				).format(_(kind), again.strftime("%H:%M")),
				frappe.TooManyRequestsError,
				title=_("Please try again later"),
			)


def flood_key(kind: str, value: str) -> str:
	return flood.key(f"public-form:{kind}", value)


def log_complaint(form: dict) -> str:
	"""Log the complaint as received today through the portal; returns its reference."""
	values = cleaned(form)
	refuse_floods(frappe.local.request_ip, values.get("complainant_email"))
	complaint = frappe.get_doc({"doctype": "Complaint", "received_via": "Portal", "received_on": today(),
		"procedure": "Statutory (Children Act 1989)", **values})  # fmt: skip
	complaint.flags.ignore_permissions = True  # made for someone outside the council, who reads nothing back
	complaint.flags.from_public_intake = True
	complaint.insert()
	if complaint.complainant_email:
		try:
			acknowledge(complaint)
		except frappe.OutgoingEmailError:  # the complaint is kept: the team contacts them anyway
			frappe.log_error(title=_("Complaint acknowledgement not sent"), reference_doctype="Complaint",
				reference_name=complaint.name)  # fmt: skip
	return complaint.name


def acknowledge(complaint):
	"""The team's words (an Email Template), with the link to the complaint's own page."""
	complainant_links.send(complaint, complainant_links.COMPLAINANT, complainant_links.ACKNOWLEDGEMENT,
		template=email_templates.COMPLAINT_RECEIVED)  # fmt: skip
