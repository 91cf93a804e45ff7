// On every website page: Frappe's own sign-in page shows the site's logo beside a heading that already
// names the site, without a text alternative; mark it decorative so screen readers skip it.
document.addEventListener("DOMContentLoaded", () => {
	document.querySelectorAll("img.app-logo:not([alt])").forEach((logo) => logo.setAttribute("alt", ""));
});
