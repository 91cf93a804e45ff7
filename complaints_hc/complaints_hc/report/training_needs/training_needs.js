// Copyright (c) 2026, complaints_hc maintainers and contributors
// For license information, please see license.txt

frappe.query_reports["Training Needs"] = {
	filters: [
		...complaints_hc.reporting.period_filters(),
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Service Team" },
		{ fieldname: "needs_only", label: __("Training needs only"), fieldtype: "Check", default: 1 },
	],
	onload(report) {
		// No workshop on the theme: draft one for the facilitators, who set it up and schedule it.
		report.page.add_inner_button(__("Draft a Workshop"), () =>
			frappe.prompt(
				[{ fieldname: "theme", label: __("Learning Theme"), fieldtype: "Link", options: "Learning Theme", reqd: 1 }],
				(values) =>
					frappe
						.xcall("complaints_hc.api.training_needs.draft_workshop", values)
						.then((name) => frappe.set_route("Form", "Workshop", name)),
				__("Draft a workshop on the theme for the facilitators"),
				__("Draft")
			)
		);
		// From a need to action: invite the team's staff to the next workshop on the theme.
		report.page.add_inner_button(__("Invite a Team"), () => {
			const row = (report.datatable?.rowmanager?.getCheckedRows?.() || [])[0];
			const chosen = row !== undefined ? frappe.query_report.data[row] : {};
			frappe.prompt(
				[
					{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Service Team",
						reqd: 1, default: chosen.team },
					{ fieldname: "theme", label: __("Learning Theme"), fieldtype: "Link",
						options: "Learning Theme", reqd: 1, default: chosen.learning_theme },
				],
				(values) =>
					frappe
						.xcall("complaints_hc.api.training_needs.invite_team", values)
						.then((sent) =>
							frappe.msgprint(
								__("{0} of the team's staff invited to {1}.", [sent.invited.length, sent.title])
							)
						),
				__("Invite the team to the next workshop on the theme"),
				__("Send Invitations")
			);
		});
	},
};
