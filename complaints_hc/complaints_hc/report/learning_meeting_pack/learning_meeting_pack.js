// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

// The last two months unless chosen; print it or export it to Excel from the report's menu.
frappe.query_reports["Learning Meeting Pack"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From"),
			fieldtype: "Date",
			default: frappe.datetime.add_days(frappe.datetime.add_months(frappe.datetime.get_today(), -2), 1),
			reqd: 1,
		},
		{ fieldname: "to_date", label: __("To"), fieldtype: "Date", default: frappe.datetime.get_today(), reqd: 1 },
	],
};
