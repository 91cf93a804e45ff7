// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Learning Bulletin", {
	refresh(frm) {
		if (frm.is_new()) return;
		// made by a background worker and attached to the bulletin; the desk shows its progress
		frm.add_custom_button(__("Prepare Excel Workbook"), () =>
			frappe.call({
				method: "complaints_hc.api.bulletin.prepare_workbook",
				type: "POST",
				args: { name: frm.doc.name },
			})
		);
		if (frm.doc.status === "Draft") {
			frm.add_custom_button(__("Redraw from the Quarter's Data"), () =>
				frappe.confirm(__("Replace every section with a fresh draft from the data?"), () =>
					frm.call("fill_from_data").then(() => frm.reload_doc())
				)
			);
		}
	},
});
