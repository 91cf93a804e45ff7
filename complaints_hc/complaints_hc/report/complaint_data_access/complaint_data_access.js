// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Complaint Data Access"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From"),
			fieldtype: "Date",
			default: frappe.datetime.add_days(frappe.datetime.get_today(), -30),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{ fieldname: "user", label: __("Who"), fieldtype: "Link", options: "User" },
		{ fieldname: "complaint", label: __("Complaint"), fieldtype: "Link", options: "Complaint" },
		{ fieldname: "refused_only", label: __("Refused Only"), fieldtype: "Check" },
	],
};
