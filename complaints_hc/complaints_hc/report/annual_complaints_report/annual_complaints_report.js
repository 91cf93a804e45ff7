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
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Service Team" },
		{ fieldname: "service_area", label: __("Service Area"), fieldtype: "Link", options: "Service Area" },
		{
			fieldname: "procedure",
			label: __("Procedure"),
			fieldtype: "Select",
			options: ["", "Statutory (Children Act 1989)", "Corporate"],
		},
	],
};
