"""The demo's complaints mailbox: on the demo's own Dovecot (scripts/demo), pulled by the scheduler
every few minutes."""

import frappe

from complaints_hc.setup.mailbox import connect_mailbox

DEMO_MAILBOX = "complaints-mailbox@demo.example.org"
DEMO_MAILBOX_PASSWORD = "Demo-Mailbox-2026"
ACCOUNT = "Complaints Mailbox"


def ensure_demo_mailbox(port: int):
	connect_mailbox(ACCOUNT, DEMO_MAILBOX, DEMO_MAILBOX_PASSWORD, port)
	frappe.db.commit()  # nosemgrep: called from `bench execute`, which does not commit for us
