"""Templates the complaints team writes stay templates.

Print formats, notifications, email templates and letter heads are Jinja, rendered with Frappe's
whole API and often in someone else's session (a System Manager printing, a job as Administrator).
So when someone without the System Manager role saves one, every call into `frappe` must be a
formatting helper or a read of the app's own DocTypes named by a literal; anything else (a write, SQL,
mail, another app's records) is refused with the expression named. Scripts in a letter head are
refused outright: they run in the browser of whoever prints.
"""

import frappe
import jinja2
from frappe import _
from jinja2 import nodes

from complaints_hc.security import configuration

# DocType -> its fields that are Jinja.
TEMPLATE_FIELDS = {
	"Print Format": ("html", "css"),
	"Notification": ("subject", "message"),
	"Email Template": ("subject", "response", "response_html"),
	"Letter Head": ("content", "footer"),
}
SCRIPT_FIELDS = {"Letter Head": ("header_script", "footer_script")}

FORMATTING = {
	"frappe._", "frappe.bold", "frappe.format", "frappe.format_value", "frappe.format_date",
	"frappe.get_url", "frappe.utils.formatdate", "frappe.utils.format_date", "frappe.utils.format_datetime",
	"frappe.utils.fmt_money", "frappe.utils.get_url", "frappe.utils.get_url_to_form", "frappe.utils.today",
	"frappe.utils.nowdate", "frappe.utils.getdate", "frappe.utils.add_days", "frappe.utils.escape_html",
	"frappe.utils.cstr", "frappe.utils.flt", "frappe.utils.cint", "frappe.utils.get_fullname",
}  # fmt: skip
# Reads allowed when their first argument is a literal naming one of the app's DocTypes.
READS = {"frappe.get_list", "frappe.get_all", "frappe.get_doc", "frappe.db.get_value",
	"frappe.db.get_single_value", "frappe.db.exists", "frappe.db.count"}  # fmt: skip


NOT_PARSED = "the template does not parse"


def dotted(node) -> str | None:
	"""`frappe.db.get_value` for the node of that expression; None when it is not a plain chain."""
	parts = []
	while isinstance(node, nodes.Getattr):
		parts.append(node.attr)
		node = node.node
	if isinstance(node, nodes.Name):
		return ".".join([node.name, *reversed(parts)])
	return None


def refused_expressions(source: str, allowed_doctypes: set[str]) -> list[str]:
	"""The `frappe.…` expressions of a template that are neither formatting nor reads of the app's data."""
	try:
		tree = jinja2.Environment().parse(source or "")
	except jinja2.TemplateSyntaxError as error:
		return [f"{NOT_PARSED}: {error.message}"]
	refused = []
	calls = {id(call.node) for call in tree.find_all(nodes.Call)}
	for call in tree.find_all(nodes.Call):
		name = dotted(call.node)
		if not name or not name.startswith("frappe."):
			continue
		if name in FORMATTING:
			continue
		first = call.args[0] if call.args else None
		if name in READS and isinstance(first, nodes.Const) and first.value in allowed_doctypes:
			continue
		refused.append(name)
	for attribute in tree.find_all(nodes.Getattr):  # frappe.db, frappe.session... used without a call
		name = dotted(attribute)
		if (
			name
			and name.startswith("frappe.")
			and id(attribute) not in calls
			and not any(allowed == name or allowed.startswith(name + ".") for allowed in FORMATTING | READS)
		):
			refused.append(name)
	return sorted(set(refused))


def refuse_unsafe_template(doc, method=None):
	"""validate of the template DocTypes, for anyone who is not a System Manager."""
	user = frappe.session.user
	if user == "Administrator" or "System Manager" in frappe.get_roles(user) or frappe.flags.in_install:
		return
	for fieldname in SCRIPT_FIELDS.get(doc.doctype, ()):
		if (doc.get(fieldname) or "").strip():
			frappe.throw(
				_(
					"{0}: scripts run in the browser of whoever prints; only a System Manager may add them."
				).format(_(doc.meta.get_label(fieldname))),
				frappe.PermissionError,
			)
	allowed = {*configuration.app_doctypes(), "Complaints Settings"}
	for fieldname in TEMPLATE_FIELDS.get(doc.doctype, ()):
		refused = refused_expressions(doc.get(fieldname), allowed)
		if refused and refused[0].startswith(NOT_PARSED):
			frappe.throw(_("{0}: {1}").format(_(doc.meta.get_label(fieldname)), refused[0]))
		if refused:
			frappe.throw(
				_(
					"{0} uses {1}. Templates may format values and read the complaints service's own records, nothing else."
				).format(_(doc.meta.get_label(fieldname)), ", ".join(frappe.bold(r) for r in refused)),
				frappe.PermissionError,
				title=_("Not allowed in a template"),
			)
