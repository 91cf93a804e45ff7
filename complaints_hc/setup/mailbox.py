"""Connecting a complaints mailbox on a plain IMAP server, as the team would in the desk: an Email Account
whose inbox appends to Complaint. Used for the demo's mailbox and the test mailbox (loopback, no TLS);
a council sets up its own account, with TLS, in the desk."""

import frappe


def connect_mailbox(account: str, address: str, password: str, port: int, server: str = "127.0.0.1") -> str:
	"""Create the account, or point an existing one at this port; returns its name."""
	if frappe.db.exists("Email Account", account):
		frappe.db.set_value("Email Account", account, "incoming_port", int(port))
		return account
	frappe.get_doc({"doctype": "Email Account", "email_account_name": account, "email_id": address,
		"password": password, "enable_incoming": 1, "use_imap": 1, "email_server": server,
		"incoming_port": int(port), "use_ssl": 0, "use_starttls": 0, "append_to": "Complaint",
		"imap_folder": [{"folder_name": "INBOX", "append_to": "Complaint"}], "email_sync_option": "UNSEEN",
		"initial_sync_count": "100", "enable_outgoing": 0}).insert(ignore_permissions=True)  # fmt: skip
	return account
