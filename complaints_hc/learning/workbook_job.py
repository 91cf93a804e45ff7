"""The bulletin's Excel workbook, made by a worker and attached to the bulletin as a private file.

Whoever may read the bulletin may ask; the job runs as them, replaces the workbook made before (one
current copy per bulletin), and tells them when it is attached. Its readers are the bulletin's: a
private file on a document is read by whoever may read the document.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from complaints_hc import background
from complaints_hc.learning import bulletin, bulletin_workbook

DOCTYPE = "Learning Bulletin"


def job_id(name: str) -> str:
	return f"bulletin-workbook::{name}"


def file_name(name: str) -> str:
	"""learning-bulletin-2026-27-q1.xlsx: plain, so that its address needs no escaping."""
	return f"learning-bulletin-{frappe.scrub(name).replace('_', '-')}.xlsx"


def ask(name: str) -> bool:
	"""Queue the workbook for this bulletin; False when it is already being made."""
	frappe.get_doc(DOCTYPE, name).check_permission("read")
	return background.start("complaints_hc.learning.workbook_job.make", job_id(name), name=name)


def make(name: str) -> str:
	"""The worker's part (as the person who asked): build, attach, tell. Returns the File's name."""
	title = _("Excel workbook of {0}").format(name)
	background.progress(0, 3, title, _("Reading the bulletin"))
	doc = frappe.get_doc(DOCTYPE, name)
	doc.check_permission("read")
	doc.period_start, doc.period_end = getdate(doc.period_start), getdate(doc.period_end)
	background.progress(1, 3, title, _("Laying out the sheets"))
	content = bulletin_workbook.build(doc, bulletin.booking_link)
	background.progress(2, 3, title, _("Attaching it to the bulletin"))
	for earlier in earlier_workbooks(name):
		frappe.delete_doc("File", earlier, ignore_permissions=True)
	attached = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name(name),
			"attached_to_doctype": DOCTYPE,
			"attached_to_name": name,
			"content": content,
			"is_private": 1,
		}
	).insert(ignore_permissions=True)
	background.progress(3, 3, title, _("Ready"))
	background.tell(
		frappe.session.user,
		_("The Excel workbook of {0} is ready").format(name),
		DOCTYPE,
		name,
		_('The Excel workbook of {0} is attached to the bulletin: <a href="{1}">{2}</a>').format(
			name, attached.file_url, attached.file_name
		),
	)
	return attached.name


def earlier_workbooks(name: str) -> list[str]:
	return frappe.get_all(
		"File",
		filters={"attached_to_doctype": DOCTYPE, "attached_to_name": name, "file_name": file_name(name)},
		pluck="name",
	)
