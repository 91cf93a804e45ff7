// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

// The facilitator's way from a workshop to its register, bookings and feedback.
frappe.ui.form.on("Workshop", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Register and Bookings"), () =>
			frappe.set_route("List", "Workshop Booking", { workshop: frm.doc.name })
		);
		frm.add_custom_button(__("Feedback"), () =>
			frappe.set_route("query-report", "Workshop Feedback", { workshop: frm.doc.name })
		);
		if (frm.doc.status === "Scheduled") {
			frm.set_intro(
				__("{0} of {1} seats booked, {2} waiting.", [
					frm.doc.seats_booked || 0,
					frm.doc.capacity,
					frm.doc.waitlist_count || 0,
				]),
				"blue"
			);
		}
	},
});
