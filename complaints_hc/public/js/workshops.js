// Booking buttons on the workshop pages: POST through frappe.call (which sends the CSRF token).
frappe.ready(() => {
	const say = (text) => {
		const box = document.getElementById("booking-message");
		if (box) box.textContent = text;
	};
	const act = (method, args, done) =>
		frappe.call({ method, args, type: "POST", callback: () => { say(done); window.location.reload(); } });

	document.querySelectorAll("[data-book]").forEach((button) =>
		button.addEventListener("click", () =>
			act("complaints_hc.api.workshops.book", { workshop: button.dataset.book }, __("Booked."))
		)
	);
	document.querySelectorAll("[data-cancel]").forEach((button) =>
		button.addEventListener("click", () =>
			act("complaints_hc.api.workshops.cancel", { booking_name: button.dataset.cancel }, __("Cancelled."))
		)
	);
	document.querySelectorAll("form[data-feedback]").forEach((form) =>
		form.addEventListener("submit", (event) => {
			event.preventDefault();
			const data = new FormData(form);
			act(
				"complaints_hc.api.workshops.give_feedback",
				{ booking_name: form.dataset.feedback, rating: data.get("rating"), comment: data.get("comment") },
				__("Thank you for your feedback.")
			);
		})
	);
});
