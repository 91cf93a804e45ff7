// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Training Impact"] = {
	filters: [
		{
			fieldname: "quarter",
			label: __("Last Quarter"),
			fieldtype: "Select",
			options: complaints_hc.reporting.recent_quarters(),
			default: complaints_hc.reporting.recent_quarters()[0],
			reqd: 1,
		},
		{ fieldname: "learning_theme", label: __("Learning Theme"), fieldtype: "Link", options: "Learning Theme" },
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Service Team" },
	],
	tree: true,
	name_field: "label",
	parent_field: "theme",
	initial_depth: 0,
};
