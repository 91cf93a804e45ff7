// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Annual Complaints Report"] = {
	filters: [
		{
			fieldname: "financial_year",
			label: __("Financial Year"),
			fieldtype: "Select",
			options: complaints_hc.reporting.recent_financial_years(),
			default: complaints_hc.reporting.recent_financial_years()[0],
			reqd: 1,
		},
		// every stage is a column of the report, so no stage filter
		...complaints_hc.reporting.one_procedure(
			complaints_hc.reporting.service_filters().filter((f) => f.fieldname !== "stage")
		),
	],
};
