// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Complaints Received by Stage"] = {
	method: "complaints_hc.complaints_hc.dashboard_chart_source.complaints_received_by_stage.complaints_received_by_stage.get",
	filters: [],
};
