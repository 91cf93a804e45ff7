// Copyright (c) 2026, complaints_hc maintainers
// For license information, please see license.txt

frappe.ui.form.on("Data Protection Settings", {
	refresh(frm) {
		const may_run = ["Information Governance Officer", "System Manager"].some((role) =>
			frappe.user.has_role(role)
		);
		if (!may_run) return;
		// a background job: the desk shows its progress and says when its Retention Run is ready
		frm.add_custom_button(__("Run the Anonymisation Job Now"), () =>
			frappe.confirm(
				__("Anonymise every record past its retention period now, rather than overnight?"),
				() =>
					frappe.call({
						method: "complaints_hc.api.data_protection.run_retention_now",
						type: "POST",
					})
			)
		);
	},
});
