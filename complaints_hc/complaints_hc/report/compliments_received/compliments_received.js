// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Compliments Received"] = {
	filters: [
		...complaints_hc.reporting.period_filters(),
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Service Team" },
		{ fieldname: "category", label: __("Category"), fieldtype: "Link", options: "Compliment Category" },
		{
			fieldname: "source",
			label: __("Source"),
			fieldtype: "Select",
			options: ["", "External", "Monthly case file audit", "Internal"],
		},
	],
};
