"""Work too long for a web request: done by a worker of the long queue, as the person who asked.

One job per piece of work at a time (a fixed job id: asking again while it waits or runs adds
nothing), its progress shown in the asker's desk, and the asker told there when it is done (a
notification in the bell, and a message on screen if the desk is open). Production needs workers
serving the long queue (`bench worker`, or `bench worker --queue long`).
"""

import frappe
from frappe.utils.background_jobs import is_job_enqueued

QUEUE = "long"
TIMEOUT = 60 * 60  # an hour: the long queue's work is measured in minutes, not seconds


def start(method: str, job_id: str, **kwargs) -> bool:
	"""Queue `method(**kwargs)` on the long queue unless the job is already waiting or running.
	Returns True when it was queued."""
	if is_job_enqueued(job_id):
		return False
	# deduplicate again inside enqueue: a finished job of the same id is cleared, a waiting one kept
	queued = frappe.enqueue(method, queue=QUEUE, timeout=TIMEOUT, job_id=job_id, deduplicate=True, **kwargs)
	return queued is not None


def progress(done: int, total: int, title: str, description: str | None = None):
	"""The progress bar in the asker's desk (the job runs as them)."""
	percent = 100 if not total else min(100, round(100 * done / total))
	frappe.publish_progress(percent, title=title, description=description)


def tell(user: str, subject: str, doctype: str, name: str, message: str | None = None):
	"""Tell the asker the work is done: a notification on the document, and a message on screen."""
	from frappe.desk.doctype.notification_log.notification_log import make_notification_logs

	make_notification_logs(
		frappe._dict(
			type="Alert",
			document_type=doctype,
			document_name=name,
			subject=subject,
			email_content=message or subject,
			from_user=user,
		),
		[user],
	)
	frappe.publish_realtime(
		"msgprint",
		{"message": message or subject, "title": subject, "indicator": "green"},
		user=user,
		after_commit=True,
	)
