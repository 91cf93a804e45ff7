# Copyright (c) 2026, complaints_hc maintainers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from complaints_hc.working_days.engine import FIRST_SUPPORTED, LAST_SUPPORTED
from complaints_hc.working_days.site import build_calendar, calendar_settings


class ComplaintsSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from complaints_hc.complaints_hc.doctype.complaints_non_working_day.complaints_non_working_day import (
			ComplaintsNonWorkingDay,
		)

		bulletin_distribution_list: DF.Link | None
		corporate_letter_print_format: DF.Link
		corporate_young_person_letter_print_format: DF.Link
		extra_non_working_days: DF.Table[ComplaintsNonWorkingDay]
		due_soon_working_days: DF.Int
		holiday_country: DF.Data
		holiday_subdivision: DF.Data | None
		next_stage_request_working_days: DF.Int
		outcome_letter_print_format: DF.Link
		public_form_limit_per_address: DF.Int
		public_form_limit_per_email: DF.Int
		stage_2_letter_print_format: DF.Link
		stage_2_young_person_letter_print_format: DF.Link
		stage_3_letter_print_format: DF.Link
		stage_3_young_person_letter_print_format: DF.Link
		young_person_letter_print_format: DF.Link
	# end: auto-generated types

	def validate(self):
		self.validate_extra_non_working_days()
		self.validate_holiday_calendar()
		self.validate_public_form_limits()

	def validate_public_form_limits(self):
		for fieldname in ("public_form_limit_per_address", "public_form_limit_per_email"):
			if (self.get(fieldname) or 0) < 1:
				frappe.throw(
					_("{0} must be at least 1.").format(_(self.meta.get_label(fieldname))),
					title=_("Public complaint form"),
				)

	def validate_extra_non_working_days(self):
		seen = set()
		for row in self.extra_non_working_days:
			day = frappe.utils.getdate(row.date)
			if not FIRST_SUPPORTED <= day <= LAST_SUPPORTED:
				frappe.throw(
					_("Row {0}: {1} is outside the years {2} to {3}.").format(
						row.idx, frappe.format(day, "Date"), FIRST_SUPPORTED.year, LAST_SUPPORTED.year
					)
				)
			if day in seen:
				frappe.throw(_("Row {0}: {1} is listed twice.").format(row.idx, frappe.format(day, "Date")))
			seen.add(day)

	def validate_holiday_calendar(self):
		self.holiday_country = (self.holiday_country or "").strip().upper()
		self.holiday_subdivision = (self.holiday_subdivision or "").strip().upper() or None
		# throws a clear message for an unknown country, or a Holiday List that cannot serve
		calendar = build_calendar(calendar_settings(self))
		covers = getattr(calendar, "covers", None)
		if covers and not covers[0] <= frappe.utils.getdate() <= covers[1]:
			frappe.throw(
				_("The Holiday List {0} covers {1} to {2}, which does not include today.").format(
					frappe.bold(self.get("holiday_list")),
					frappe.format(covers[0], "Date"),
					frappe.format(covers[1], "Date"),
				),
				title=_("Working-day calendar"),
			)
