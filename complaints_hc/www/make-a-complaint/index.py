"""The public complaint form: anyone may complain about children's services, signed in or not."""

from frappe import _

from complaints_hc.complaints.intake import CONTACT_METHODS, relationships
from complaints_hc.complaints.public_notices import privacy_notice

no_cache = 1


def get_context(context):
	context.title = _("Make a complaint about children's services")
	context.relationships = relationships()
	context.contact_methods = CONTACT_METHODS
	context.privacy_title = _("How we use your information")
	context.privacy_notice = privacy_notice()
	return context
