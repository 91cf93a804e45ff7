// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Complaints Timeliness"] = {
	filters: complaints_hc.reporting.one_procedure(complaints_hc.reporting.complaint_filters()),
};
