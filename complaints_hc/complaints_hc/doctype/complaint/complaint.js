// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

// The complaint's whole journey at a glance: stage 1 (or the corporate response) and every later
// stage, each with its state, dates and timeliness, linked to its record.
frappe.ui.form.on("Complaint", {
	refresh(frm) {
		if (frm.is_new()) return;
		frappe.call({
			method: "complaints_hc.api.journey.complaint_journey",
			args: { complaint: frm.doc.name },
			type: "GET",
			callback: (r) => show_journey(frm, r.message || []),
		});
		add_page_link_buttons(frm);
	},
});

// The complainant's own page: (re)send its link to the complainant, or to their advocate.
function add_page_link_buttons(frm) {
	if (!frm.perm[0]?.write) return;
	const send = (recipient) =>
		frappe.confirm(__("Send a new link to the complaint's page? Any earlier link stops working."), () =>
			frappe.call({
				method: "complaints_hc.api.complainant.send_page_link",
				args: { complaint: frm.doc.name, recipient },
				callback: (r) => frappe.show_alert({ message: r.message.message, indicator: "green" }),
			})
		);
	if (frm.doc.complainant_email) {
		frm.add_custom_button(__("To the Complainant"), () => send("Complainant"), __("Send Page Link"));
	}
	if (frm.doc.advocate_email) {
		frm.add_custom_button(__("To the Advocate"), () => send("Advocate"), __("Send Page Link"));
	}
}

function show_journey(frm, steps) {
	const date = (value) => (value ? frappe.datetime.str_to_user(value) : "");
	const colour = { "On track": "blue", "Due soon": "orange", Overdue: "red", Met: "green", Missed: "red" };
	const rows = steps
		.map((s) => {
			const link = `/app/${frappe.router.slug(s.doctype)}/${encodeURIComponent(s.name)}`;
			const timeliness = s.timeliness
				? `<span class="indicator-pill ${colour[s.timeliness] || "gray"}">${__(s.timeliness)}</span>`
				: "";
			return `<tr>
				<th scope="row"><a href="${link}">${frappe.utils.escape_html(__(s.stage))}</a></th>
				<td>${frappe.utils.escape_html(__(s.status))}</td>
				<td>${date(s.started_on)}</td><td>${date(s.due_on)}</td><td>${date(s.done_on)}</td>
				<td>${timeliness}</td></tr>`;
		})
		.join("");
	const html = `<table class="table table-sm complaint-journey">
		<caption class="sr-only">${__("The complaint's journey")}</caption>
		<thead><tr><th scope="col">${__("Stage")}</th><th scope="col">${__("Status")}</th>
		<th scope="col">${__("Began")}</th><th scope="col">${__("Due")}</th>
		<th scope="col">${__("Answered")}</th><th scope="col">${__("Timeliness")}</th></tr></thead>
		<tbody>${rows}</tbody></table>`;
	frm.dashboard.parent.find(".complaint-journey-section").remove(); // a second refresh replaces it
	frm.dashboard.add_section(html, __("Journey"), "custom complaint-journey-section");
	frm.dashboard.show();
}

// Beside ERPNext a subject can be picked by Employee (a Custom Field): the row takes their user.
frappe.ui.form.on("Complaint Subject", {
	employee(frm, cdt, cdn) {
		const row = locals[cdt][cdn];
		if (!row.employee) return;
		frappe.call({
			method: "complaints_hc.neighbours.people.user_of_employee",
			args: { employee: row.employee },
			type: "GET",
			callback: (r) => {
				if (r.message) frappe.model.set_value(cdt, cdn, "user", r.message);
				else frappe.msgprint(__("Employee {0} has no user: pick the user instead.", [row.employee]));
			},
		});
	},
});
