# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.learning import bulletin

DRAFTED = ("introduction", "good_practice", "learning", "compliments_received")


class LearningBulletin(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from complaints_hc.complaints_hc.doctype.learning_bulletin_quote.learning_bulletin_quote import (
			LearningBulletinQuote,
		)
		from complaints_hc.complaints_hc.doctype.learning_bulletin_workshop.learning_bulletin_workshop import (
			LearningBulletinWorkshop,
		)

		closing_note: DF.SmallText | None
		compliments_received: DF.Int
		good_practice: DF.TextEditor | None
		introduction: DF.SmallText | None
		learning: DF.TextEditor | None
		period_end: DF.Date | None
		period_start: DF.Date | None
		published_on: DF.Date | None
		quarter: DF.Data
		quotes: DF.Table[LearningBulletinQuote]
		status: DF.Literal["Draft", "Published"]
		title: DF.Data | None
		workshops: DF.Table[LearningBulletinWorkshop]
	# end: auto-generated types

	def before_insert(self):
		if not any(self.get(field) for field in DRAFTED):  # a new bulletin starts from the quarter's data
			self.fill(bulletin.draft(self.quarter))

	def validate(self):
		period = reporting.period_from(frappe._dict(quarter=(self.quarter or "").strip()))
		self.quarter, self.period_start, self.period_end = period.label, period.start, period.end
		self.title = _("Learning from Complaints and Compliments: {0}").format(period.label)
		for row in self.quotes:
			if row.compliment and not frappe.db.get_value("Compliment", row.compliment, "consent_to_quote"):
				frappe.throw(
					_("Row {0}: the giver of {1} did not agree to being quoted.").format(
						row.idx, row.compliment
					),
					title=_("No consent to quote"),
				)
		if self.status == "Published" and not self.published_on:
			self.published_on = today()

	def on_update(self):
		if self.status == "Published" and self.has_value_changed("status"):
			bulletin.circulate(self)

	def fill(self, sections: dict):
		for field in DRAFTED:  # the period and the title follow from the quarter (validate)
			self.set(field, sections[field])
		self.set("quotes", sections["quotes"])
		self.set("workshops", sections["workshops"])

	@frappe.whitelist(methods=["POST"])
	def fill_from_data(self):
		"""Redraw every section from the quarter's data (the team's edits to them are replaced)."""
		self.check_permission("write")
		if self.status == "Published":
			frappe.throw(_("This bulletin has been published: its words stay as they went out."))
		self.fill(bulletin.draft(self.quarter))
		self.save()
