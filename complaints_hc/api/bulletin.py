"""The quarterly bulletin as an Excel workbook, for those who may read it."""

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc.learning import bulletin, bulletin_workbook, workbook_job


@frappe.whitelist(methods=["POST"])
def prepare_workbook(name: str) -> dict:
	"""The desk's button: the workbook is made in the background and attached to the bulletin."""
	queued = workbook_job.ask(name)
	if queued:
		frappe.msgprint(
			_(
				"The Excel workbook is being made. It will be attached to the bulletin, and you will be told when it is ready."
			),
			title=_("Workbook queued"),
			indicator="blue",
		)
	else:
		frappe.msgprint(
			_(
				"The Excel workbook is already being made: it will be attached to the bulletin when it is ready."
			),
			title=_("Already being made"),
			indicator="orange",
		)
	return {"queued": queued, "job_id": workbook_job.job_id(name)}


# On the primary: the bulletin is one the user has just saved, which a replica may not have yet.
@frappe.whitelist(methods=["GET"])
def download_workbook(name: str):
	"""The workbook at once, in the response (one bulletin is small: kept for scripts and links)."""
	doc = frappe.get_doc("Learning Bulletin", name)
	doc.check_permission("read")
	doc.period_start, doc.period_end = getdate(doc.period_start), getdate(doc.period_end)
	frappe.response.filename = f"{doc.title}.xlsx"
	frappe.response.filecontent = bulletin_workbook.build(doc, bulletin.booking_link)
	frappe.response.type = "download"
