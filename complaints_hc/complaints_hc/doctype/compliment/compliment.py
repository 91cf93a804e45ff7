# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.email.doctype.email_template.email_template import get_email_template
from frappe.model.document import Document
from frappe.utils import getdate, today

from complaints_hc import email_templates
from complaints_hc.learning import periods
from complaints_hc.learning.compliments import plain_words
from complaints_hc.security import workflow_guard


class Compliment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from complaints_hc.complaints_hc.doctype.compliment_staff.compliment_staff import ComplimentStaff

		anonymised_on: DF.Date | None
		category: DF.Link | None
		consent_to_quote: DF.Check
		given_by: DF.Literal["", "Parent", "Carer", "Young person", "Professional", "IRO", "Other"]
		giver_name: DF.Data | None
		include_in_bulletin: DF.Check
		naming_series: DF.Literal["CMPL-.YYYY.-"]
		quarter: DF.Data | None
		received_on: DF.Date
		shared_by: DF.Link | None
		shared_on: DF.Datetime | None
		source: DF.Literal["External", "Monthly case file audit", "Internal"]
		staff: DF.TableMultiSelect[ComplimentStaff]
		team: DF.Link | None
		words: DF.Text
	# end: auto-generated types

	def before_validate(self):
		workflow_guard.restore_server_owned_fields(self)

	def validate(self):
		self.validate_received_on()
		self.validate_who_it_is_for()
		self.validate_bulletin_consent()
		self.quarter = periods.quarter(getdate(self.received_on))

	def validate_received_on(self):
		if getdate(self.received_on) > getdate(today()):
			frappe.throw(_("The received date cannot be in the future."))

	def validate_who_it_is_for(self):
		if not self.staff and not self.team:
			frappe.throw(
				_("Say who the compliment is for: at least one staff member or a team."),
				title=_("Who is it for?"),
			)
		users = [row.user for row in self.staff]
		if len(users) != len(set(users)):
			frappe.throw(_("A staff member is listed twice."))

	def validate_bulletin_consent(self):
		if self.include_in_bulletin and not self.consent_to_quote:
			frappe.throw(
				_("Only compliments whose givers agreed to being quoted can go in the bulletin."),
				title=_("No consent to quote"),
			)

	def share_with_staff(self):
		"""Tell each staff member named, by email and in the app, and record when it was shared."""
		if not self.staff:
			frappe.throw(_("No staff member is named on this compliment."))
		context = {
			"doc": self,
			"words": plain_words(self.words),
			"my_compliments_url": frappe.utils.get_url("/my-compliments"),
		}
		email = get_email_template(email_templates.COMPLIMENT_SHARED, context)  # the team's words
		subject, message = email["subject"], email["message"]
		users = [row.user for row in self.staff]
		frappe.sendmail(recipients=users, subject=subject, message=message,
			reference_doctype=self.doctype, reference_name=self.name)  # fmt: skip
		for user in users:
			frappe.get_doc({"doctype": "Notification Log", "for_user": user, "type": "Alert", "subject": subject,
				"email_content": message, "from_user": frappe.session.user}).insert(ignore_permissions=True)  # fmt: skip
		self.db_set({"shared_on": frappe.utils.now(), "shared_by": frappe.session.user})
		return users
