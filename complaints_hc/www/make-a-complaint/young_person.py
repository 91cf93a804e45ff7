"""The complaint form for children and young people: plain words, and what matters for them (an
advocate, who helps them now, when it is safe to get in touch). The child is the complainant."""

from frappe import _

from complaints_hc.complaints.intake import ADVOCATE_ANSWERS
from complaints_hc.complaints.public_notices import privacy_notice

no_cache = 1


def get_context(context):
	context.title = _("Tell us what went wrong")
	context.contact_choices = [("Email", _("Email me")), ("Phone", _("Phone me"))]
	context.advocate_choices = [(answer, _(answer)) for answer in ADVOCATE_ANSWERS]
	context.privacy_title = _("What we do with what you tell us")
	context.privacy_notice = privacy_notice(young_person=True)
	return context
