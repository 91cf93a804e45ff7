// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Complainant Feedback"] = {
	filters: [
		...complaints_hc.reporting.period_filters(),
		...complaints_hc.reporting.service_filters().filter((f) => f.fieldname === "procedure"),
	],
};
