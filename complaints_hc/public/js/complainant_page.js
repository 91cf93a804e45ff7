// The complainant's page: each form goes to its own method by POST and the answer is read out in place.
frappe.ready(() => {
	const message = document.getElementById("page-message");
	const say = (text, kind) => {
		message.className = `alert alert-${kind}`;
		message.textContent = text;
		message.focus();
	};
	// A parsed document runs no script and loads nothing: only its text is read.
	const plainText = (html) =>
		new DOMParser().parseFromString((html || "").replace(/<br\s*\/?>/g, " "), "text/html").body.textContent;
	document.querySelectorAll("form.complainant-form").forEach((form) => {
		form.addEventListener("submit", async (event) => {
			event.preventDefault();
			const button = form.querySelector("button[type=submit]");
			button.disabled = true;
			try {
				const response = await fetch(`/api/method/complaints_hc.api.complainant.${form.dataset.method}`, {
					method: "POST",
					body: new FormData(form),
					headers: { Accept: "application/json", "X-Frappe-CSRF-Token": frappe.csrf_token || "" },
				});
				const body = await response.json().catch(() => ({}));
				if (!response.ok) {
					const server = body._server_messages ? JSON.parse(body._server_messages) : [];
					const text = server.map((m) => plainText(JSON.parse(m).message)).join(" ");
					say(text || "Something went wrong. Please try again, or phone the complaints team.", "warning");
					button.disabled = false;
					return;
				}
				form.hidden = true;
				say(body.message.message, "success");
			} catch (error) {
				say("We could not reach the server. Please try again, or phone the complaints team.", "warning");
				button.disabled = false;
			}
		});
	});
});
