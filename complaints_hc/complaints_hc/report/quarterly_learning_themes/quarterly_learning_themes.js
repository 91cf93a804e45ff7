// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Quarterly Learning Themes"] = {
	filters: complaints_hc.reporting.complaint_filters(),
	tree: true,
	name_field: "learning_theme",
	parent_field: "theme",
	initial_depth: 1,
};
