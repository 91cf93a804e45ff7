frappe.listview_settings["Complaint Action"] = {
	add_fields: ["status", "is_overdue", "due_date", "responsible"],

	get_indicator(doc) {
		if (doc.is_overdue && ["Open", "In Progress"].includes(doc.status)) {
			return [__("Overdue"), "red", "is_overdue,=,1"];
		}
		const colours = { Open: "gray", "In Progress": "orange", Completed: "blue", Verified: "green" };
		return [__(doc.status), colours[doc.status] || "gray", "status,=," + doc.status];
	},

	onload(listview) {
		listview.page.add_inner_button(__("My Actions"), () => {
			listview.filter_area.clear(false).then(() => {
				listview.filter_area.add([["Complaint Action", "responsible", "=", frappe.session.user]]);
			});
		});
	},
};
