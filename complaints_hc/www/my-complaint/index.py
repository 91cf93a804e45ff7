"""The complainant's own page for one complaint, opened by the link we emailed them (no account).

Without a working link it offers only the form that emails a new one."""

import frappe
from frappe import _

from complaints_hc.api import complainant as api
from complaints_hc.complaints import complainant_links, complainant_page

no_cache = 1


def get_context(context):
	context.no_cache = 1
	context.title = _("Your complaint")
	context.key = frappe.form_dict.get("key") or ""
	context.page = None
	context.problem = None
	try:
		api.refuse_too_many()
	except frappe.TooManyRequestsError as refusal:
		frappe.clear_messages()
		context.problem = str(refusal)
		return context
	link = complainant_links.open_link(context.key) if context.key else None
	if context.key and not link:
		context.problem = _(api.NOT_OPENED)
	if link:
		context.page = complainant_page.page_for(link)
		context.ratings = complainant_page.RATINGS
		complainant_page.log_look(link, "/my-complaint")
	frappe.local.flags.commit = True  # the look and the link's last use are on record, though this is a GET
	return context
