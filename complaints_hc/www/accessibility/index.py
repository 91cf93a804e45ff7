"""The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 ask for, with the
council's details from the Public Notices record."""

from frappe import _

from complaints_hc.complaints.public_notices import notices

no_cache = 1

# The pages this statement covers: every page the app serves to the public and to staff on the portal.
PAGES = (
	("/make-a-complaint", "The complaint form"),
	("/make-a-complaint/young-person", "The complaint form for children and young people"),
	("/my-complaint", "A complainant's own page about their complaint"),
	("/workshops", "Training workshops and booking (staff)"),
	("/my-bookings", "My bookings (staff)"),
	("/my-compliments", "My compliments (staff)"),
	("/bulletins", "Learning bulletins (staff)"),
	("/login", "Signing in"),
)


def get_context(context):
	context.title = _("Accessibility statement")
	context.notices = notices()
	context.pages = [(route, _(label)) for route, label in PAGES]
	return context
