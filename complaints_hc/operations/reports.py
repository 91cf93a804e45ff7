"""Frappe's Report, with one mend: a report that stops on an error stays a live report.

Frappe v15 starts a 15-second timer when a script report runs, which switches the report to a prepared
(background) report for everyone if the run is still going then. The timer is cancelled only when the
run returns: a run that raises (a filter left out, "Choose a quarter") leaves it ticking, and 15
seconds later the report is prepared for good. Here an error cancels the run's timer first.
"""

import threading

import frappe
from frappe.core.doctype.report.report import Report, enable_prepared_report


class ReportKeptLiveOnError(Report):
	def execute_script_report(self, filters):
		try:
			return super().execute_script_report(filters)
		except Exception:
			cancel_switch_to_prepared(self.name)
			raise


def cancel_switch_to_prepared(report: str) -> int:
	"""Cancel this process's pending timers that would make `report` a prepared report; how many."""
	cancelled = 0
	for thread in threading.enumerate():
		if (
			isinstance(thread, threading.Timer)
			and thread.function is enable_prepared_report
			and thread.kwargs.get("report") == report
			and thread.kwargs.get("site") == frappe.local.site
		):
			thread.cancel()
			cancelled += 1
	return cancelled
