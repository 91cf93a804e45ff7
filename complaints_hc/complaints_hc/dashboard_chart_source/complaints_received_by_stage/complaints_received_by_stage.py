# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

"""Complaints received in each of the last twelve months, one dataset per stage (the user's own count)."""

import frappe
from frappe import _
from frappe.utils import add_months, get_first_day, getdate, today

from complaints_hc.complaints import names
from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.replica import read_from_replica

MONTHS = 12


@frappe.whitelist()
@read_from_replica
def get(chart_name=None, chart=None, no_cache=None, filters=None, from_date=None, to_date=None,
	timespan=None, time_interval=None, heatmap_year=None) -> dict:  # fmt: skip
	first = get_first_day(add_months(getdate(today()), 1 - MONTHS))
	months = [add_months(first, n) for n in range(MONTHS)]
	rows = frappe.get_list(
		"Complaint",
		filters={"received_on": [">=", first]},
		fields=["stage", "date_format(received_on, '%Y-%m') as month", "count(name) as count"],
		group_by="stage, month",
		order_by=None,
	)
	counts = {(row.stage, row.month): row.count for row in rows}
	return {
		"labels": [f"{month:%b %Y}" for month in months],
		"datasets": [
			{"name": _(stage), "values": [counts.get((stage, f"{month:%Y-%m}"), 0) for month in months]}
			for stage in names.STAGES
		],
	}
