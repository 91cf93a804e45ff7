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
YOUNG_PERSON_CONTACT_METHODS = ("Email", "Phone")
ADVOCATE_ANSWERS = ("Yes", "No", "Not sure")
CHILD = "Child or young person"
LIMITS = {"complainant_name": 140, "complainant_phone": 40, "child_name": 140, "complaint_details": 5000,
	"outcome_sought": 2000}  # fmt: skip
YOUNG_PERSON_LIMITS = {"complainant_name": 140, "complainant_phone": 40, "complaint_details": 5000,
	"outcome_sought": 2000, "helper_now": 140, "safe_contact": 1000}  # fmt: skip


class FormProblems(frappe.ValidationError):
	"""What is wrong with a submitted form, field by field, so that each message sits by its field."""

	def __init__(self, by_field: dict[str, str]):
		self.by_field = by_field
		super().__init__(" ".join(by_field.values()))


def relationships() -> list[str]:
	"""Who a complainant may be: the Complaint's own options, as the council has them."""
	return [o for o in frappe.get_meta("Complaint").get_options("relationship_to_child").split("\n") if o]


def cleaned(form: dict, young_person: bool = False) -> dict:
	"""The submitted fields, trimmed and checked; every problem is reported together, by field.

	The young person's form fixes who is complaining: the child, who is also the child it is about."""
	limits = YOUNG_PERSON_LIMITS if young_person else LIMITS
	extra = ("advocate_asked_for",) if young_person else ("relationship_to_child",)
	values = {field: cstr(form.get(field)).strip()
		for field in (*limits, "complainant_email", "preferred_contact_method", *extra)}  # fmt: skip
	problems = young_person_problems(values) if young_person else adult_problems(values)
	for field, limit in limits.items():
		if len(values[field]) > limit and field not in problems:
			problems[field] = _("This is too long: please use at most {0} characters.").format(limit)
	if problems:
		for message in problems.values():
			frappe.msgprint(message, title=_("Please check your complaint"))
		raise FormProblems(problems)
	if young_person:
		values.update(relationship_to_child=CHILD, child_name=values["complainant_name"])
	return values


def adult_problems(values: dict) -> dict[str, str]:
	problems = {}
	if not values["complainant_name"]:
		problems["complainant_name"] = _("Tell us your name.")
	if values["relationship_to_child"] not in relationships():
		problems["relationship_to_child"] = _(
			"Choose who you are: parent, carer, the child or young person, and so on."
		)
	problems.update(contact_problems(values, CONTACT_METHODS,
		_("Give an email address or a phone number so that we can contact you.")))  # fmt: skip
	if len(values["complaint_details"]) < 10:
		problems["complaint_details"] = _("Tell us what your complaint is about.")
	return problems


def young_person_problems(values: dict) -> dict[str, str]:
	problems = {}
	if not values["complainant_name"]:
		problems["complainant_name"] = _("Tell us your name.")
	problems.update(contact_problems(values, YOUNG_PERSON_CONTACT_METHODS,
		_("Give us an email address or a phone number. It can be one for a grown-up who helps you.")))  # fmt: skip
	if len(values["complaint_details"]) < 10:
		problems["complaint_details"] = _("Tell us what happened. A few words is fine.")
	if values["advocate_asked_for"] and values["advocate_asked_for"] not in ADVOCATE_ANSWERS:
		problems["advocate_asked_for"] = _("Choose yes, no or not sure.")
	return problems


def contact_problems(values: dict, methods: tuple, none_given: str) -> dict[str, str]:
	problems = {}
	if not values["complainant_email"] and not values["complainant_phone"]:
		problems["complainant_email"] = none_given
	elif values["complainant_email"] and not validate_email_address(values["complainant_email"]):
		problems["complainant_email"] = _(
			"The email address does not look right: check it has an @ and no spaces."
		)
	if values["preferred_contact_method"] and values["preferred_contact_method"] not in methods:
		problems["preferred_contact_method"] = _("Choose how you would like us to contact you.")
	return problems


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


def log_complaint(form: dict, young_person: bool = False) -> str:
	"""Log the complaint as received today through the portal; returns its reference."""
	values = cleaned(form, young_person)
	refuse_floods(frappe.local.request_ip, values.get("complainant_email"))
	complaint = frappe.get_doc({"doctype": "Complaint", "received_via": "Portal", "received_on": today(),
		"procedure": "Statutory (Children Act 1989)", **values})  # fmt: skip
	complaint.flags.ignore_permissions = True  # made for someone outside the council, who reads nothing back
	complaint.flags.from_public_intake = True
	complaint.insert()
	if may_acknowledge_by_email(complaint):
		try:
			acknowledge(complaint)
		except frappe.OutgoingEmailError:  # the complaint is kept: the team contacts them anyway
			frappe.log_error(title=_("Complaint acknowledgement not sent"), reference_doctype="Complaint",
				reference_name=complaint.name)  # fmt: skip
	return complaint.name


def may_acknowledge_by_email(complaint) -> bool:
	"""A child who asked to be phoned is not emailed: the address may be one others read."""
	if not complaint.complainant_email:
		return False
	return not (complaint.child_complainant and complaint.preferred_contact_method not in ("", None, "Email"))


def acknowledge(complaint):
	"""The team's words (an Email Template), with the link to the complaint's own page; an easy-read
	version for a child or young person."""
	template = (
		email_templates.COMPLAINT_RECEIVED_YOUNG_PERSON
		if complaint.child_complainant
		else email_templates.COMPLAINT_RECEIVED
	)
	complainant_links.send(complaint, complainant_links.COMPLAINANT, complainant_links.ACKNOWLEDGEMENT,
		template=template)  # fmt: skip
