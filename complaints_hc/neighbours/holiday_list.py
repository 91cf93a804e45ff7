"""Non-working days from one of ERPNext's Holiday Lists: its weekly offs and holidays, as dates.

A Holiday List covers from_date to to_date and lists, as dates, both its weekly offs and its holidays.
The calendar made from it answers only within those dates (engine.ListedCalendar): a clock that needs
a day beyond them gets a message naming the list and its dates, never a date counted without them.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc.working_days.engine import ListedCalendar


class HolidayListCalendar(ListedCalendar):
	def __init__(self, holiday_list: str, *args, **kwargs):
		self.holiday_list = holiday_list
		super().__init__(*args, **kwargs)

	def _refuse(self, message: str):
		frappe.throw(
			_(
				"{0}. The Holiday List {1} chosen in Complaints Settings does not cover it: extend it in ERPNext, or make a new one and choose it."
			).format(message[:1].upper() + message[1:], frappe.bold(self.holiday_list)),
			title=_("Working-day calendar"),
		)


def version_of(holiday_list: str) -> str | None:
	"""What changes whenever the list is saved (every worker sees it: Frappe's document cache). Asked on
	every count of working days, so it reads the cache alone, never the table."""
	if not holiday_list:
		return None
	try:
		return str(frappe.get_cached_doc("Holiday List", holiday_list).modified)
	except frappe.DoesNotExistError:
		frappe.clear_last_message()
		return None


def holiday_list_calendar(holiday_list: str, extra_days=()) -> HolidayListCalendar:
	if not holiday_list or not frappe.db.exists("Holiday List", holiday_list):
		frappe.throw(
			_(
				"Choose an ERPNext Holiday List in Complaints Settings, or take non-working days from the bank holidays."
			),
			title=_("Working-day calendar"),
		)
	doc = frappe.get_cached_doc("Holiday List", holiday_list)
	if not doc.holidays or not any(row.weekly_off for row in doc.holidays):
		frappe.throw(
			_(
				"The Holiday List {0} lists no weekly off days, so every Saturday and Sunday would be a working day. Add them in ERPNext (Add to Holidays) first."
			).format(frappe.bold(holiday_list)),
			title=_("Working-day calendar"),
		)
	covers = (getdate(doc.from_date), getdate(doc.to_date))
	try:
		return HolidayListCalendar(
			holiday_list, {getdate(row.holiday_date) for row in doc.holidays}, covers, extra_days
		)
	except (ValueError, TypeError) as error:
		frappe.throw(_("Holiday List {0}: {1}").format(frappe.bold(holiday_list), error))
