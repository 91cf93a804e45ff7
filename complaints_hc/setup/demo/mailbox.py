"""The demo's complaints mailbox: an IMAP Email Account on the demo's own Dovecot (scripts/demo), its
inbox appending to Complaint, pulled by the scheduler every few minutes."""

import frappe

DEMO_MAILBOX = "complaints-mailbox@demo.example.org"
DEMO_MAILBOX_PASSWORD = "Demo-Mailbox-2026"
ACCOUNT = "Complaints Mailbox"


def ensure_demo_mailbox(port: int):
	if frappe.db.exists("Email Account", ACCOUNT):
		frappe.db.set_value("Email Account", ACCOUNT, "incoming_port", int(port))
	else:
		frappe.get_doc({"doctype": "Email Account", "email_account_name": ACCOUNT, "email_id": DEMO_MAILBOX,
			"password": DEMO_MAILBOX_PASSWORD, "enable_incoming": 1, "use_imap": 1, "email_server": "127.0.0.1",
			"incoming_port": int(port), "use_ssl": 0, "use_starttls": 0, "append_to": "Complaint",
			"imap_folder": [{"folder_name": "INBOX", "append_to": "Complaint"}], "email_sync_option": "UNSEEN",
			"initial_sync_count": "100", "enable_outgoing": 0}).insert(ignore_permissions=True)  # fmt: skip
	frappe.db.commit()  # nosemgrep: called from `bench execute`, which does not commit for us
