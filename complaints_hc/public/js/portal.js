// On every website page, two mends to pages Frappe draws itself (the sign-in page and its messages such
// as "not permitted"), which the app cannot restyle with CSS alone:
// - the site's logo sits beside a heading that already names the site, without a text alternative: it
//   is decorative, so screen readers skip it;
// - their only heading is an h4 or h5: with no h1 on the page, it is announced as the page's heading.
document.addEventListener("DOMContentLoaded", () => {
	document.querySelectorAll("img.app-logo:not([alt])").forEach((logo) => logo.setAttribute("alt", ""));
	if (!document.querySelector("h1, [role=heading][aria-level='1']")) {
		const heading = document.querySelector(".page-card-head h4, h5.page-card-head");
		if (heading) heading.setAttribute("aria-level", "1");
	}
});
