// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Workshop Bookings"] = {
	filters: [
		{ fieldname: "workshop", label: __("Workshop"), fieldtype: "Link", options: "Workshop" },
		{ fieldname: "from_date", label: __("From"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To"), fieldtype: "Date" },
		{ fieldname: "theme", label: __("Learning Theme"), fieldtype: "Link", options: "Learning Theme" },
		{ fieldname: "facilitator", label: __("Facilitator"), fieldtype: "Link", options: "User" },
	],
};
