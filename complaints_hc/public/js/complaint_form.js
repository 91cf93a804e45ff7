// The public complaint form: sends it by POST and shows the answer in place.
frappe.ready(() => {
	const form = document.getElementById("complaint-form");
	const message = document.getElementById("complaint-message");
	if (!form) return;
	form.addEventListener("submit", (event) => {
		event.preventDefault();
		const button = form.querySelector("button[type=submit]");
		button.disabled = true;
		frappe.call({
			method: "complaints_hc.api.intake.submit",
			type: "POST",
			args: Object.fromEntries(new FormData(form).entries()),
			callback: (response) => {
				form.hidden = true;
				message.className = "alert alert-success";
				message.textContent = response.message.message;
				message.focus();
			},
			error: () => {
				button.disabled = false;
			},
		});
	});
});
