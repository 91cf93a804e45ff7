// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Outstanding Actions"] = {
	filters: [
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Service Team" },
		{ fieldname: "responsible", label: __("Owner"), fieldtype: "Link", options: "User" },
		{ fieldname: "overdue_only", label: __("Overdue Only"), fieldtype: "Check" },
	],
};
