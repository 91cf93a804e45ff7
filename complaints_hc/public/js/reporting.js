// Filters the complaint reports share: a financial quarter (April to June is Q1) or a date range,
// and the team, service area, procedure and stage.
frappe.provide("complaints_hc.reporting");

complaints_hc.reporting.quarter_of = (day) => {
	const month = day.getMonth() + 1;
	const start = month >= 4 ? day.getFullYear() : day.getFullYear() - 1;
	const number = Math.floor(((month - 4 + 12) % 12) / 3) + 1;
	return `${start}-${String((start + 1) % 100).padStart(2, "0")} Q${number}`;
};

complaints_hc.reporting.recent_quarters = (count = 8) => {
	const day = new Date();
	day.setDate(1);
	const quarters = [];
	while (quarters.length < count) {
		const label = complaints_hc.reporting.quarter_of(day);
		if (!quarters.includes(label)) quarters.push(label);
		day.setMonth(day.getMonth() - 1);
	}
	return quarters;
};

complaints_hc.reporting.period_filters = () => {
	const quarters = complaints_hc.reporting.recent_quarters();
	return [
		{ fieldname: "quarter", label: __("Quarter"), fieldtype: "Select", options: quarters, default: quarters[0] },
		{ fieldname: "from_date", label: __("From (instead of the quarter)"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To"), fieldtype: "Date" },
	];
};

complaints_hc.reporting.service_filters = () => [
	{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Service Team" },
	{ fieldname: "service_area", label: __("Service Area"), fieldtype: "Link", options: "Service Area" },
	{
		fieldname: "procedure",
		label: __("Procedure"),
		fieldtype: "Select",
		options: ["", "Statutory (Children Act 1989)", "Corporate"],
	},
	{
		fieldname: "stage",
		label: __("Stage"),
		fieldtype: "Select",
		options: ["", "Stage 1", "Stage 2", "Stage 3", "Ombudsman"],
	},
];

// Reports of time limits count one procedure at a time: the statutory and corporate clocks differ.
complaints_hc.reporting.one_procedure = (filters) =>
	filters.map((f) =>
		f.fieldname === "procedure"
			? { ...f, options: f.options.filter(Boolean), default: f.options[1], reqd: 1 }
			: f
	);

complaints_hc.reporting.complaint_filters = () => [
	...complaints_hc.reporting.period_filters(),
	...complaints_hc.reporting.service_filters(),
];

// The workshop reports: one workshop, a date range, a theme, a facilitator.
complaints_hc.reporting.workshop_filters = () => [
	{ fieldname: "workshop", label: __("Workshop"), fieldtype: "Link", options: "Workshop" },
	{ fieldname: "from_date", label: __("From"), fieldtype: "Date" },
	{ fieldname: "to_date", label: __("To"), fieldtype: "Date" },
	{ fieldname: "theme", label: __("Learning Theme"), fieldtype: "Link", options: "Learning Theme" },
	{ fieldname: "facilitator", label: __("Facilitator"), fieldtype: "Link", options: "User" },
];

complaints_hc.reporting.recent_financial_years = (count = 5) => {
	const first = Number(complaints_hc.reporting.quarter_of(new Date()).slice(0, 4));
	return Array.from({ length: count }, (_, n) => {
		const start = first - n;
		return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
	});
};
