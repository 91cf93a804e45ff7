"""Factories and helpers shared by the tests: users with real roles, acting as them, HTTP sessions."""

import contextlib
import io
import os
import re
import unicodedata
import uuid

import frappe
import pytest
import requests

TEST_PASSWORD = "Test-Complaints-2026"
CSRF_IN_PAGE = re.compile(r'frappe\.csrf_token\s*=\s*"([^"]+)"')


def require_env(name: str) -> str:
	value = os.environ.get(name)
	if not value:
		pytest.fail(
			f"{name} is not set: run the tests with scripts/test, which sets up the site", pytrace=False
		)
	return value


def unique_email(label: str) -> str:
	return f"{label}.{uuid.uuid4().hex[:8]}@test.example.org"


def make_user(label: str, *roles: str, password: str | None = None) -> str:
	"""A new user holding exactly these roles. Returns the email (the user's name)."""
	from complaints_hc.setup.demo import ensure_user

	email = unique_email(label)
	ensure_user(email, label.replace(".", " ").title(), "Tester", roles, password)
	return email


@contextlib.contextmanager
def as_user(email: str):
	"""Act as this user inside the block, then go back to whoever was acting before."""
	previous = frappe.session.user
	frappe.set_user(email)
	try:
		yield
	finally:
		frappe.set_user(previous)


def commit():
	"""A real commit, for what another process must see (the served site, a bench command).

	Integration tests run with `frappe.db.commit` neutralised (see tests/integration/conftest.py).
	"""
	db = frappe.local.db
	type(db).commit(db)  # nosemgrep


def bench(*args: str, timeout: int = 1200) -> str:
	"""Run a bench command (`frappe.utils.bench_helper`, as bench does) in the sites folder."""
	import subprocess
	import sys

	result = subprocess.run(
		[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", *args],
		cwd=require_env("SITES_PATH"),
		capture_output=True,
		text=True,
		timeout=timeout,
	)
	assert result.returncode == 0, (
		f"bench {' '.join(args[:3])}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
	)
	return result.stdout


def make_committed_user(label: str, *roles: str) -> str:
	"""A user the served site can see: HTTP and browser tests run in other processes."""
	email = make_user(label, *roles, password=TEST_PASSWORD)
	commit()  # the web server reads this user from another connection
	return email


class SiteSession(requests.Session):
	"""A requests session addressed to the served test site, logged in as one user."""

	def __init__(self, base_url: str, site: str):
		super().__init__()
		self.base_url = base_url.rstrip("/")
		self.headers["X-Frappe-Site-Name"] = site
		self.headers["Accept"] = "application/json"

	def request(self, method, url, *args, **kwargs):
		if url.startswith("/"):
			url = self.base_url + url
		kwargs.setdefault("timeout", 60)
		kwargs.setdefault("allow_redirects", False)
		return super().request(method, url, *args, **kwargs)

	def login(self, email: str, password: str = TEST_PASSWORD) -> "SiteSession":
		response = self.post("/api/method/login", data={"usr": email, "pwd": password})
		assert response.status_code == 200, (
			f"login as {email} failed: {response.status_code} {response.text[:300]}"
		)
		self.headers["X-Frappe-CSRF-Token"] = self.csrf_token()
		return self

	def csrf_token(self) -> str:
		"""The token a browser would send: desk users get it in /app, portal users in any web page."""
		for page in ("/app", "/me"):
			found = CSRF_IN_PAGE.search(self.get(page, headers={"Accept": "text/html"}).text)
			if found:
				return found.group(1)
		raise AssertionError("no CSRF token in /app or /me")


@contextlib.contextmanager
def complaints_setting(user: str, fieldname: str, value):
	"""Complaints Settings changed by this user for the block, then put back; committed each time, for
	the served site."""

	def save(to):
		with as_user(user):
			settings = frappe.get_doc("Complaints Settings")
			was = settings.get(fieldname)
			settings.set(fieldname, to)
			settings.save()
		commit()
		return was

	before = save(value)
	try:
		yield
	finally:
		save(before)


def served_site() -> tuple[str, str]:
	return require_env("COMPLAINTS_TEST_URL"), require_env("COMPLAINTS_TEST_SITE")


# --- complaints ------------------------------------------------------------------------------


class Cast:
	"""The people of one complaint, each a user with only their real roles.

	Made once per test session and committed (creating users is slow); tests roll back the rest.
	"""

	def __init__(self):
		from complaints_hc.security import roles

		self.officer = make_user("complaints.officer", roles.COMPLAINTS_OFFICER, password=TEST_PASSWORD)
		self.manager = make_user("complaints.manager", roles.COMPLAINTS_MANAGER, password=TEST_PASSWORD)
		self.qa_manager = make_user("qa.service.manager", roles.QA_SERVICE_MANAGER, password=TEST_PASSWORD)
		self.qa_officer = make_user("qa.officer", roles.QA_OFFICER, password=TEST_PASSWORD)
		self.other_qa_officer = make_user("qa.officer.two", roles.QA_OFFICER, password=TEST_PASSWORD)
		self.approver = make_user("head.of.service", roles.QA_APPROVER, password=TEST_PASSWORD)
		self.team_manager = make_user("team.manager", roles.TEAM_MANAGER, password=TEST_PASSWORD)
		self.social_worker = make_user("social.worker", password=TEST_PASSWORD)
		self.subject = make_user("subject.qa", roles.QA_OFFICER, roles.QA_APPROVER, password=TEST_PASSWORD)
		self.team = make_team(members=[self.social_worker], team_manager=self.team_manager)
		commit()  # shared by every test of the session, and by the served site


def on(day: str):
	"""Freeze time at noon (London) on this day."""
	from freezegun import freeze_time

	return freeze_time(f"{day} 12:00:00")


@contextlib.contextmanager
def workflow_reshaped(user: str, doctype: str, reshape):
	"""The council reshapes the active workflow of `doctype` (as `user`, in the desk's way) for the block;
	afterwards the test's work is rolled back and the cached workflow forgotten."""
	name = frappe.db.get_value("Workflow", {"document_type": doctype, "is_active": 1})
	with as_user(user):
		workflow = frappe.get_doc("Workflow", name)
		reshape(workflow)
		workflow.save()
	frappe.cache.hdel("workflow", doctype)
	try:
		yield
	finally:
		frappe.db.rollback()
		frappe.cache.hdel("workflow", doctype)
		frappe.clear_document_cache("Workflow", name)


def without_conditions(workflow):
	for transition in workflow.transitions:
		transition.condition = None


def under_investigation(cast):
	"""Received 23 March 2026, its points established on 30 March: due 8 April (10 working days agreed)."""
	with on("2026-03-30"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		edit(complaint, cast.qa_manager, qa_officer=cast.qa_officer)
		apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.officer, complainant_contacted_on="2026-03-24")
		edit(complaint, cast.qa_officer, initial_meeting_on="2026-03-25", agreed_timescale_days=10,
			timescale_agreed_on="2026-03-25", points=[{"description": "Late minutes", "category": make_category()}])  # fmt: skip
		return apply_action(complaint, "Establish Points", cast.qa_officer)


def walk_to_quality_assurance(cast, drafter: str):
	"""A complaint received 23 March 2026, investigated and drafted by `drafter`, now in quality assurance."""
	with on("2026-03-30"):
		complaint = make_complaint(cast, received_on="2026-03-23")
		edit(complaint, cast.qa_manager, qa_officer=drafter)
		apply_action(complaint, "Allocate", cast.qa_manager)
		edit(complaint, cast.officer, complainant_contacted_on="2026-03-24")
		edit(complaint, drafter, initial_meeting_on="2026-03-25", agreed_timescale_days=10,
			timescale_agreed_on="2026-03-25", points=[{"description": "Late minutes", "category": make_category(),
			"outcome": "Upheld", "finding": "Sent six weeks late."}])  # fmt: skip
		apply_action(complaint, "Establish Points", drafter)
		return apply_action(complaint, "Submit for QA", drafter)


def make_team(members=(), team_manager=None, service_manager=None) -> str:
	area = frappe.db.exists("Service Area", "Children in Care") or (
		frappe.get_doc({"doctype": "Service Area", "service_area_name": "Children in Care"}).insert().name
	)
	team = frappe.get_doc(
		{
			"doctype": "Service Team",
			"team_name": f"Looked After Team {uuid.uuid4().hex[:6]}",
			"service_area": area,
			"team_manager": team_manager,
			"service_manager": service_manager,
			"members": [{"user": user} for user in members],
		}
	).insert()
	return team.name


def make_category(name: str = "Communication") -> str:
	if not frappe.db.exists("Complaint Category", name):
		frappe.get_doc({"doctype": "Complaint Category", "category_name": name}).insert()
	return name


def make_theme(name: str = "Professional Curiosity") -> str:
	if not frappe.db.exists("Learning Theme", name):
		frappe.get_doc({"doctype": "Learning Theme", "theme_name": name}).insert()
	return name


def make_complaint(cast: Cast, **values):
	"""A complaint logged by the cast's Complaints Officer (received today unless said otherwise)."""
	doc = {
		"doctype": "Complaint",
		"received_via": "Email",
		"received_on": frappe.utils.today(),
		"complainant_name": "Joanne Pritchard",
		"relationship_to_child": "Parent",
		"complainant_email": "joanne.pritchard@example.org",
		"child_name": "Kai Pritchard",
		"case_reference": "LCS-204811",
		"service_team": cast.team,
		"social_worker": cast.social_worker,
		"subjects": [{"user": cast.subject, "role_in_case": "Reviewing officer"}],
	}
	doc.update(values)
	with as_user(cast.officer):
		return frappe.get_doc(doc).insert()


def apply_action(doc, action: str, user: str):
	"""A workflow action as the desk applies it, by this user."""
	from frappe.model.workflow import apply_workflow

	with as_user(user):
		apply_workflow(doc.as_dict(), action)
	return frappe.get_doc(doc.doctype, doc.name)  # as stored


def edit(doc, user: str, **values):
	"""Save changes to a complaint as this user, from a fresh copy, as the form would."""
	with as_user(user):
		fresh = frappe.get_doc(doc.doctype, doc.name)
		for key, value in values.items():
			if key in ("points", "extensions", "extension_proposals", "subjects", "updates"):
				for row in value:
					fresh.append(key, row)
			else:
				fresh.set(key, value)
		fresh.save()
		return frappe.get_doc(doc.doctype, doc.name)  # as stored


def private_file(doc, user: str, name: str = "agreement.pdf") -> str:
	"""A private file attached to the document, uploaded by this user; returns its URL."""
	with as_user(user):
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": name,
				"content": f"%PDF-1.4 {name} {uuid.uuid4().hex}".encode(),  # its own bytes: files are shared by content
				"is_private": 1,
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
			}
		).insert()
	return file.file_url


def make_action_type(name: str = "Reflective supervision") -> str:
	if not frappe.db.exists("Complaint Action Type", name):
		frappe.get_doc({"doctype": "Complaint Action Type", "action_type_name": name}).insert()
	return name


def make_action(complaint, user: str, **values):
	"""An action on the complaint, raised by this user."""
	doc = {
		"doctype": "Complaint Action",
		"complaint": complaint.name,
		"action_type": make_action_type(),
		"description": "Reflective supervision between the Team Manager and the social worker",
		"due_in_working_days": 10,
	}
	doc.update(values)
	with as_user(user):
		name = frappe.get_doc(doc).insert().name
	return frappe.get_doc("Complaint Action", name)  # as stored


def make_compliment(user: str, *staff: str, **values):
	"""A compliment recorded by this user about these staff members."""
	doc = {
		"doctype": "Compliment",
		"received_on": frappe.utils.today(),
		"given_by": "Parent",
		"source": "External",
		"words": "She always did what she said she would do, and my children trusted her.",
		"staff": [{"user": member} for member in staff],
	}
	doc.update(values)
	with as_user(user):
		name = frappe.get_doc(doc).insert().name
	return frappe.get_doc("Compliment", name)


# --- workshops ------------------------------------------------------------------------------


def make_workshop(**values):
	"""A workshop on 15 July 2026, 10:00-12:00, booking open 1 June to 14 July, cancellable until 24 h before."""
	doc = {
		"doctype": "Workshop",
		"title": "Safety and SMART Planning",
		"description": "Outcome-focused, child-centred plans.",
		"workshop_date": "2026-07-15",
		"start_time": "10:00:00",
		"end_time": "12:00:00",
		"venue": "Plough Lane, Room 2",
		"capacity": 2,
		"booking_opens_on": "2026-06-01",
		"booking_closes_on": "2026-07-14",
		"cancellation_cutoff_hours": 24,
	}
	doc.update(values)
	return frappe.get_doc(doc).insert(ignore_permissions=True)  # set-up by the test, not a user action


def refused(message_part: str):
	"""The save or action is refused with a message containing this."""
	return pytest.raises(frappe.ValidationError, match=message_part)


def pdf_text(content: bytes) -> str:
	"""A PDF's words in one line (the PDF's "fi" ligatures read as two letters)."""
	from pypdf import PdfReader

	text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
	return " ".join(unicodedata.normalize("NFKC", text).split())


def sent_letter_text(doc) -> str:
	"""The words of the letter the server kept when the record's response was sent."""
	return pdf_text(
		frappe.get_doc("File", {"file_url": doc.sent_letter, "attached_to_name": doc.name}).get_content()
	)


def ask_for(doctype: str, complaint, user: str, **values):
	"""The complainant's request for a later stage, as this user records it (today unless said)."""
	record = {"doctype": doctype, "complaint": complaint.name, "requested_on": frappe.utils.today(),
		"requested_via": "Phone", "remaining_concerns": "Nobody has explained why the placement ended."}  # fmt: skip
	record.update(values)
	with as_user(user):
		return frappe.get_doc(record).insert()


def answered_at_stage_1(cast):
	"""A complaint whose stage 1 response went on Monday 30 March 2026, approved and sent by the real users."""
	complaint = walk_to_quality_assurance(cast, cast.qa_officer)
	with on("2026-03-30"):
		apply_action(complaint, "Approve", cast.approver)
		edit(complaint, cast.officer, response_sent_to_manager_on="2026-03-30")
		return apply_action(complaint, "Send Response", cast.officer)


def answered_at_stage_2(cast, age_appropriate: bool = False):
	"""Stage 1 answered on 30 March 2026; stage 2 (Hannah Cole the Independent Person) on 4 December,
	in a young person's words when `age_appropriate`."""
	complaint = answered_at_stage_1(cast)
	if age_appropriate:  # as the Complaints Officer marks it on the safeguards tab
		edit(complaint, cast.officer, age_appropriate_letters=1)
	with on("2026-12-04"), as_user(cast.officer):
		stage_2 = frappe.get_doc({"doctype": "Stage 2 Investigation", "complaint": complaint.name,
			"requested_on": "2026-04-01", "requested_via": "Letter", "remaining_concerns": "Still wrong.",
			"statement_agreed_on": "2026-04-14", "investigation_report_on": "2026-11-20",
			"independent_person_report_on": "2026-11-23",
			"people": [{"role_in_stage": "Investigating Officer", "full_name": "Marcus Webb", "appointed_on": "2026-04-08"},
				{"role_in_stage": "Independent Person", "full_name": "Hannah Cole", "appointed_on": "2026-04-08"}]}).insert()  # fmt: skip
	with on("2026-12-04"):
		stage_2 = apply_action(stage_2, "Start Investigation", cast.officer)
		fresh = frappe.get_doc("Stage 2 Investigation", stage_2.name)
		with as_user(cast.officer):
			fresh.points[0].finding, fresh.points[0].outcome = "Late again.", "Upheld"
			fresh.save()
		stage_2 = apply_action(fresh, "Submit for Adjudication", cast.officer)
		edit(stage_2, cast.approver, adjudication="Upheld; we apologise.")
		stage_2 = apply_action(stage_2, "Adjudicate", cast.approver)
		stage_2 = apply_action(stage_2, "Send Response", cast.officer)
	return complaint


# --- mail: the real SMTP and IMAP servers scripts/test starts -----------------------------------

MAILBOX_ACCOUNT = "Complaints Mailbox"


def ensure_mailbox_account() -> str:
	"""The council's complaints mailbox as the team sets it up in the desk: IMAP, its inbox appending to
	Complaint (committed: Frappe's mail pull commits and rolls back as it goes)."""
	from complaints_hc.setup.mailbox import connect_mailbox

	connect_mailbox(MAILBOX_ACCOUNT, require_env("COMPLAINTS_MAILBOX"), require_env("COMPLAINTS_MAILBOX_PASSWORD"),
		int(require_env("COMPLAINTS_IMAP_PORT")))  # fmt: skip
	commit()
	return MAILBOX_ACCOUNT


def email_message(sender, subject, body, name="Dawn Whitcombe", when=None, html=None, **headers):
	"""A message as a family's mail program writes it (headers given as In_Reply_To=... and so on)."""
	import datetime
	import email.utils
	from email.message import EmailMessage

	mail = EmailMessage()
	mail["From"] = email.utils.formataddr((name, sender)) if sender else name  # a name with no address
	mail["To"] = "complaints-mailbox@test.example.org"
	mail["Subject"] = subject
	mail["Date"] = email.utils.format_datetime(when or datetime.datetime.now(datetime.timezone.utc))
	mail["Message-ID"] = email.utils.make_msgid(domain="family.example.org")
	for header, value in headers.items():
		mail[header.replace("_", "-")] = value
	if body is not None:
		mail.set_content(body)
	if html is not None:
		mail.add_alternative(html, subtype="html") if body is not None else mail.set_content(
			html, subtype="html"
		)
	return mail


def put_in_mailbox(message) -> None:
	"""Deliver a message into the complaints mailbox over IMAP, as the council's mail server would."""
	import imaplib

	imap = imaplib.IMAP4("127.0.0.1", int(require_env("COMPLAINTS_IMAP_PORT")))
	try:
		imap.login(require_env("COMPLAINTS_MAILBOX"), require_env("COMPLAINTS_MAILBOX_PASSWORD"))
		status, _ = imap.append("INBOX", None, None, message.as_bytes())
		assert status == "OK", status
	finally:
		imap.logout()


def empty_mailbox() -> None:
	"""Remove every message from the complaints mailbox's inbox (over IMAP)."""
	import imaplib

	imap = imaplib.IMAP4("127.0.0.1", int(require_env("COMPLAINTS_IMAP_PORT")))
	try:
		imap.login(require_env("COMPLAINTS_MAILBOX"), require_env("COMPLAINTS_MAILBOX_PASSWORD"))
		_status, count = imap.select("INBOX")
		if int(count[0]):
			imap.store("1:*", "+FLAGS", "\\Deleted")
			imap.expunge()
	finally:
		imap.logout()


def pull_mailbox():
	"""Frappe pulls the mailbox, as its scheduler does every few minutes."""
	frappe.get_doc("Email Account", ensure_mailbox_account()).receive()


def deliver_queued(**filters) -> int:
	"""Send the matching queued emails through the real SMTP server; returns how many were sent."""
	frappe.flags.testing_email = True
	try:
		names = frappe.get_all("Email Queue", {"status": "Not Sent", **filters}, pluck="name")
		for name in names:
			frappe.get_doc("Email Queue", name).send()
		return len(names)
	finally:
		frappe.flags.testing_email = False


def queued_email_html(reference_name: str) -> str:
	"""The queued email about this record as a mail program shows it: the MIME message's HTML, decoded."""
	import email
	import email.policy

	raw = frappe.db.get_value("Email Queue", {"reference_name": reference_name}, "message")
	return email.message_from_string(raw, policy=email.policy.default).get_body(("html",)).get_content()


def sent_to(address: str) -> list:
	"""Every message the SMTP server received for this address, parsed, oldest first."""
	import email
	import email.policy
	import mailbox

	found = []
	for message in mailbox.Maildir(require_env("COMPLAINTS_SENT_MAIL"), factory=None, create=False):
		parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
		if (
			address.lower() in (parsed.get("To") or "").lower()
			or address.lower() in (parsed.get("X-RcptTo") or "").lower()
		):
			found.append(parsed)
	return sorted(found, key=lambda m: (m.get("Date") and email.utils.parsedate_to_datetime(m["Date"])) or 0)
