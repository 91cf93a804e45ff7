// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Workshop Feedback"] = {
	filters: complaints_hc.reporting.workshop_filters(),
};
