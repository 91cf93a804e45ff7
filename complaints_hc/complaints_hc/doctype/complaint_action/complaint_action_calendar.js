// Actions on a calendar by their agreed completion date.
frappe.views.calendar["Complaint Action"] = {
	field_map: {
		start: "due_date",
		end: "due_date",
		id: "name",
		title: "description",
		allDay: "allDay",
		status: "status",
	},
	get_events_method: "frappe.desk.calendar.get_events",
};
