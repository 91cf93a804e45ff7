"""The quarterly bulletin as an Excel workbook, for those who may read it."""

import frappe
from frappe.utils import getdate

from complaints_hc.learning import bulletin, bulletin_workbook


# On the primary: the bulletin is one the user has just saved, which a replica may not have yet.
@frappe.whitelist(methods=["GET"])
def download_workbook(name: str):
	doc = frappe.get_doc("Learning Bulletin", name)
	doc.check_permission("read")
	doc.period_start, doc.period_end = getdate(doc.period_start), getdate(doc.period_end)
	frappe.response.filename = f"{doc.title}.xlsx"
	frappe.response.filecontent = bulletin_workbook.build(doc, bulletin.booking_link)
	frappe.response.type = "download"
