// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Configuration Change", {
	refresh(frm) {
		frm.add_custom_button(__("Undo This Change"), () => {
			frappe.confirm(
				__("Put {0} back as it was before this change?", [frm.doc.reference_name]),
				() =>
					frappe
						.xcall("complaints_hc.api.configuration.undo_change", { change: frm.doc.name })
						.then(() => frappe.set_route("Form", frm.doc.reference_doctype, frm.doc.reference_name))
			);
		});
	},
});
