// The public complaint forms: sent by POST; problems are shown by their fields and listed at the top,
// and the reference is read out in place. Server text is only ever set as text, never as markup.
frappe.ready(() => {
	const form = document.getElementById("complaint-form");
	const message = document.getElementById("complaint-message");
	if (!form) return;
	const plainText = (html) =>
		new DOMParser().parseFromString((html || "").replace(/<br\s*\/?>/g, " "), "text/html").body.textContent;

	const clearProblems = () => {
		form.querySelectorAll(".field-error").forEach((p) => {
			p.hidden = true;
			p.textContent = "";
		});
		form.querySelectorAll("[aria-invalid]").forEach((field) => field.removeAttribute("aria-invalid"));
	};

	const showProblems = (problems) => {
		message.className = "alert alert-danger error-summary";
		message.replaceChildren();
		const heading = document.createElement("h2");
		heading.className = "h5";
		heading.textContent = __("There is a problem with what you sent");
		const list = document.createElement("ul");
		for (const [fieldname, text] of Object.entries(problems)) {
			const fields = form.querySelectorAll(`[name="${CSS.escape(fieldname)}"]`);
			const note = document.getElementById(`${fieldname}-error`);
			if (note) {
				note.textContent = text;
				note.hidden = false;
			}
			fields.forEach((field) => field.setAttribute("aria-invalid", "true"));
			const item = document.createElement("li");
			const link = document.createElement("a");
			link.href = `#${fields.length ? fields[0].id : "complaint-form"}`;
			link.textContent = text;
			link.addEventListener("click", (event) => {
				event.preventDefault();
				if (fields.length) fields[0].focus();
			});
			item.append(link);
			list.append(item);
		}
		message.append(heading, list);
		message.focus();
	};

	const say = (text, kind) => {
		message.className = `alert alert-${kind}`;
		message.textContent = text;
		message.focus();
	};

	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		const button = form.querySelector("button[type=submit]");
		button.disabled = true;
		clearProblems();
		try {
			const response = await fetch(`/api/method/complaints_hc.api.intake.${form.dataset.method}`, {
				method: "POST",
				body: new FormData(form),
				headers: { Accept: "application/json", "X-Frappe-CSRF-Token": frappe.csrf_token || "" },
			});
			const body = await response.json().catch(() => ({}));
			button.disabled = false;
			if (response.ok) {
				form.hidden = true;
				say(body.message.message, "success");
			} else if (body.problems && Object.keys(body.problems).length) {
				showProblems(body.problems);
			} else {
				const server = body._server_messages ? JSON.parse(body._server_messages) : [];
				const text = server.map((m) => plainText(JSON.parse(m).message)).join(" ");
				say(text || __("Something went wrong. Please try again, or phone the complaints team."), "warning");
			}
		} catch (error) {
			button.disabled = false;
			say(__("We could not reach the server. Please try again, or phone the complaints team."), "warning");
		}
	});
});
