frappe.ui.form.on("Complaint Action", {
	refresh(frm) {
		if (frm.doc.is_overdue && ["Open", "In Progress"].includes(frm.doc.status)) {
			frm.dashboard.set_headline_alert(
				__("This action was due on {0}.", [frappe.datetime.str_to_user(frm.doc.due_date)]),
				"red"
			);
		}
	},
});
