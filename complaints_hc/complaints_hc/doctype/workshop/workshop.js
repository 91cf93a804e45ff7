// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

// frappe.ui.form.on("Workshop", {
// 	refresh(frm) {

// 	},
// });
