"""Every look at complaint data, on record: who opened, printed, downloaded or exported what, and when.

Frappe's View Log sees only desk form views. Here the permission check itself notes each complaint
(or action) a request asked about: every route that shows one document (the form, REST, print, PDF,
a file's download) passes through `has_permission`, so a route nobody listed is noted too. After the
request, `record_request` writes one log row per document looked at, naming the route; an export
logs each complaint it contained. A refusal to a staff subject is logged and alerts the Complaints
Manager (the editable Notification "Complaint opened by someone it names").

The rows are written after Frappe has finished the request's own transaction, and committed then:
a look that Frappe rolls back (every GET) is still on record. They are written on the primary even when
the look read from a read replica (Frappe has switched back by then, see replica.py).
"""

import frappe
from frappe.utils import now_datetime

from complaints_hc import replica
from complaints_hc.security import looks, visibility

OPENED, READ, PRINTED, PDF = "Opened", "Read", "Printed", "Downloaded PDF"
FILE, LETTER, EXPORTED, CHANGED, REFUSED = (
	"Downloaded file",
	"Downloaded the sent letter",
	"Exported",
	"Changed",
	"Refused",
)
COMPLAINANT_PAGE = "Complainant's page"  # the complainant's own look, through their link

# Whitelisted methods and what calling one with a complaint means.
METHODS = {
	"frappe.desk.form.load.getdoc": OPENED,
	"frappe.www.printview.get_html_and_style": PRINTED,
	"frappe.utils.print_format.download_pdf": PDF,
	"frappe.utils.print_format.download_multi_pdf": PDF,
	"frappe.desk.reportview.export_query": EXPORTED,
	"frappe.desk.form.save.savedocs": CHANGED,
	"frappe.model.workflow.apply_workflow": CHANGED,
	"frappe.client.set_value": CHANGED,
	"frappe.client.save": CHANGED,
}
SUBJECT_ATTEMPT_METHOD = "notify_subject_attempt"


# Only the benchmark (benchmarks/access_log.py) sets this, briefly, to measure what the log costs.
BENCHMARK_SWITCH = "complaints_hc:access_log_off_for_benchmark"


def enabled() -> bool:
	return not frappe.cache.get_value(BENCHMARK_SWITCH)


def action_of(request) -> str:
	path = request.path
	if path.startswith("/private/files/"):
		return FILE
	if path == "/printview":
		return PRINTED
	method = path.removeprefix("/api/method/") if path.startswith("/api/method/") else None
	if method in METHODS:
		return METHODS[method]
	if request.method in ("PUT", "POST", "DELETE", "PATCH"):
		return CHANGED
	return READ


def record_request(response=None, request=None):
	"""after_request: write what this request looked at."""
	seen = looks.take_this_requests()
	exported = exported_complaints(request)
	if not (seen or exported) or not enabled() or request is None:
		return
	action = action_of(request)
	ip = frappe.local.request_ip
	rows = []
	for (doctype, name, user), allowed in seen.items():
		if not allowed:
			rows.append(row(user, doctype, name, REFUSED, request.path, ip, refused=1))
		elif response is not None and response.status_code < 400:
			rows.append(row(user, doctype, name, file_action(request, action), request.path, ip))
	for name in exported:
		rows.append(row(frappe.session.user, "Complaint", name, EXPORTED, request.path, ip))
	for entry in rows:
		frappe.get_doc(entry).db_insert()
	for (doctype, name, user), allowed in seen.items():
		if not allowed and doctype == "Complaint" and visibility.is_subject(name, user):
			complaint = frappe.get_doc(doctype, name)
			complaint.attempted_by = user  # for the Notification's message
			complaint.run_method(SUBJECT_ATTEMPT_METHOD)
	frappe.db.commit()  # nosemgrep: after the request's own transaction ended; the log must stay


def row(user, doctype, name, action, route, ip, refused=0) -> dict:
	complaint = name if doctype == "Complaint" else frappe.db.get_value(doctype, name, "complaint")
	return {
		"doctype": "Complaint Access Log",
		"name": frappe.generate_hash(length=12),
		"accessed_at": now_datetime(),
		"user": user,
		"action": action,
		"refused": refused,
		"complaint": complaint,
		"reference_doctype": doctype,
		"reference_name": name,
		"route": route[:140],
		"ip_address": ip,
	}


def file_action(request, action: str) -> str:
	if action != FILE:
		return action
	sent = frappe.db.exists("Complaint", {"sent_letter": request.path})
	return LETTER if sent else FILE


def exported_complaints(request) -> list[str]:
	"""The complaints an export of the Complaint list contained, as the exporting user could read them,
	read where the export read (a read replica, when there is one)."""
	if request is None or request.path != "/api/method/frappe.desk.reportview.export_query":
		return []
	form = frappe.local.form_dict
	if form.get("doctype") != "Complaint":
		return []
	filters = frappe.parse_json(form.get("filters")) or None
	return replica.as_this_request_read(
		frappe.get_list, "Complaint", filters=filters, pluck="name", limit_page_length=0
	)
