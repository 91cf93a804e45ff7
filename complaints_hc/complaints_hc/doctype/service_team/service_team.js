// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

// Beside ERPNext (the Department field exists only then): fill the members from the Department's
// Active Employees who have a user. Members already in the team are kept, never doubled.
frappe.ui.form.on("Service Team", {
	refresh(frm) {
		if (!frappe.meta.has_field("Service Team", "department")) return;
		if (frm.is_new() || !frm.doc.department || !frm.perm[0]?.write) return;
		frm.add_custom_button(__("Fill members from Department"), () =>
			frappe.call({
				method: "complaints_hc.neighbours.people.fill_team_from_department",
				args: { team: frm.doc.name },
				freeze: true,
				callback: (r) => {
					const added = r.message.added.length;
					frappe.show_alert({
						message: added
							? __("{0} members added from {1}", [added, frm.doc.department])
							: __("Everyone in {0} is already a member", [frm.doc.department]),
						indicator: "green",
					});
					frm.reload_doc();
				},
			})
		);
	},
});
