"""What the person who complained sees of their complaint, and what they can do there.

The page is built from a short list of facts chosen here, never from the record itself: where the
complaint is, the dates promised, the letters sent, what they added, and what they may ask for now.
Internal notes, findings before the response, the people complained about, quality assurance and the
access log never leave the server. For a child or young person the words are plainer.
"""

from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.utils import cstr, escape_html, getdate, now_datetime, today

from complaints_hc.complaints import complainant_links, extension_proposals, later_stages, names
from complaints_hc.security import access_log
from complaints_hc.working_days.site import site_calendar

MEDIATION, STAGE_2, STAGE_3 = "Mediation", "Stage 2 Investigation", "Stage 3 Review Panel"
# The letters a complainant may download: which record keeps each one.
LETTER_RECORDS = {"stage-1": "Complaint", "stage-2": STAGE_2, "stage-3": STAGE_3}
RATINGS = ("Very good", "Good", "Neither good nor poor", "Poor", "Very poor")
MAX_FILES, MAX_FILE_BYTES, MAX_TEXT = 5, 10 * 1024 * 1024, 5000
ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "odt", "rtf", "txt", "jpg", "jpeg", "png", "heic"}
ADDED_SUBJECT = "Information added on the complaint's page"


@dataclass
class Step:
	title: str
	state: str
	dates: list[tuple[str, object]] = field(default_factory=list)


@dataclass
class Page:
	reference: str
	name: str
	plain: bool
	for_advocate: bool
	steps: list[Step]
	letters: list[dict]
	proposal: dict | None
	may_ask: list[dict]
	ask_until: object
	asking_closed: bool
	added: list[dict]
	feedback_due: bool
	corporate: bool


def is_plain(complaint) -> bool:
	return bool(complaint.child_complainant or complaint.age_appropriate_letters)


def words(plain: bool, adult: str, child: str) -> str:
	return _(child) if plain else _(adult)


def page_for(link) -> Page:
	complaint = link.complaint_doc
	plain = is_plain(complaint)
	stages = later_records(complaint.name)
	choices, until, closed = next_stage_choices(complaint, stages)
	proposal = extension_proposals.outstanding(complaint) if complaint.status in names.OPEN else None
	return Page(
		reference=complaint.name,
		name=complaint.complainant_name,
		plain=plain,
		for_advocate=link.recipient == complainant_links.ADVOCATE,
		steps=[first_step(complaint, plain), *later_steps(stages, plain)],
		letters=letters_of(complaint, stages, plain),
		proposal=proposal
		and {
			"name": proposal.name,
			"new_due_date": proposal.new_due_date,
			"rationale": proposal.rationale,
			"proposed_on": proposal.proposed_on,
		},
		may_ask=[{"doctype": d, "label": label_of(d, plain)} for d in choices],
		ask_until=until,
		asking_closed=closed,
		added=added_by_complainant(complaint.name),
		feedback_due=complaint.status == names.CLOSED
		and not frappe.db.exists("Complainant Feedback", {"complaint": complaint.name}),
		corporate=complaint.procedure == names.CORPORATE,
	)


def first_step(complaint, plain: bool) -> Step:
	title = words(plain, "Your complaint", "Your complaint")
	if complaint.status == names.WITHDRAWN:
		return Step(
			title, words(plain, "Withdrawn", "Stopped"), [(_("Withdrawn on"), complaint.withdrawn_on)]
		)
	if complaint.status in names.ANSWERED:
		return Step(title, words(plain, "Responded", "We have answered"), [(_("Response sent on"), complaint.responded_on)])  # fmt: skip
	dates = [(words(plain, "Received on", "We got it on"), complaint.received_on)]
	if complaint.procedure == names.CORPORATE and not complaint.acknowledged_on:
		dates.append(
			(words(plain, "We will acknowledge it by", "We will write to you by"), complaint.acknowledge_by)
		)
	elif complaint.status in names.BEFORE_INVESTIGATION and not complaint.complainant_contacted_on:
		dates.append(
			(words(plain, "We will contact you by", "We will get in touch by"), complaint.contact_by)
		)
	dates.append((words(plain, "Our response is due by", "We will answer by"), complaint.due_date))
	if complaint.status in names.BEFORE_INVESTIGATION:
		return Step(title, words(plain, "Received", "We have your complaint"), dates)
	return Step(title, words(plain, "Being looked into", "We are looking into it"), dates)


def later_records(complaint: str) -> dict:
	"""Each later stage's record of this complaint (at most one each), with only what the page shows."""
	fields = {
		MEDIATION: ["status", "requested_on", "meeting_on"],
		STAGE_2: ["status", "requested_on", "response_due_on", "response_sent_on", "sent_letter"],
		STAGE_3: [
			"status",
			"requested_on",
			"meeting_due_on",
			"meeting_on",
			"response_due_on",
			"response_sent_on",
			"sent_letter",
		],
	}
	found = {}
	for doctype, wanted in fields.items():
		rows = frappe.get_all(doctype, {"complaint": complaint}, ["name", *wanted], order_by="creation desc", limit=1)  # fmt: skip
		if rows:
			found[doctype] = rows[0]
	return found


def later_steps(stages: dict, plain: bool) -> list[Step]:
	steps = []
	if mediation := stages.get(MEDIATION):
		state = {names.MEDIATION_RESOLVED: words(plain, "Resolved", "Sorted out"),
			names.MEDIATION_NOT_RESOLVED: words(plain, "Not resolved", "Not sorted out"),
			names.MEDIATION_WITHDRAWN: words(plain, "Withdrawn", "Stopped")}.get(mediation.status,
			words(plain, "Being arranged", "Being set up"))  # fmt: skip
		steps.append(Step(label_of(MEDIATION, plain), state, [(_("Asked for on"), mediation.requested_on),
			(words(plain, "Meeting on", "Meeting on"), mediation.meeting_on)]))  # fmt: skip
	if stage_2 := stages.get(STAGE_2):
		answered = stage_2.status in names.STAGE_ANSWERED
		steps.append(Step(label_of(STAGE_2, plain),
			words(plain, "Responded", "We have answered") if answered else words(plain, "Being looked into", "We are looking into it"),
			[(_("Asked for on"), stage_2.requested_on), (words(plain, "Response sent on", "Answer sent on"), stage_2.response_sent_on)]
			if answered else [(_("Asked for on"), stage_2.requested_on), (words(plain, "Our response is due by", "We will answer by"), stage_2.response_due_on)]))  # fmt: skip
	if stage_3 := stages.get(STAGE_3):
		answered = stage_3.status in names.STAGE_ANSWERED
		dates = [(_("Asked for on"), stage_3.requested_on)]
		if answered:
			dates.append((words(plain, "Response sent on", "Answer sent on"), stage_3.response_sent_on))
		elif stage_3.meeting_on:
			dates += [
				(_("The panel met on"), stage_3.meeting_on),
				(_("Our response is due by"), stage_3.response_due_on),
			]
		else:
			dates.append(
				(words(plain, "The panel will meet by", "The panel will meet by"), stage_3.meeting_due_on)
			)
		steps.append(Step(label_of(STAGE_3, plain),
			words(plain, "Responded", "We have answered") if answered else words(plain, "Being arranged", "Being set up"),
			dates))  # fmt: skip
	for step in steps:
		step.dates = [(label, value) for label, value in step.dates if value]
	return steps


def label_of(doctype: str, plain: bool) -> str:
	return {
		MEDIATION: words(plain, "Mediation", "A meeting with someone independent to help sort it out"),
		STAGE_2: words(plain, "Stage 2: an independent investigation", "Stage 2: someone independent looks into it"),
		STAGE_3: words(plain, "Stage 3: a review panel", "Stage 3: a panel of three people looks at it again"),
	}[doctype]  # fmt: skip


def letters_of(complaint, stages: dict, plain: bool) -> list[dict]:
	"""The response letters kept when they were sent, newest last."""
	found = []
	if complaint.sent_letter and complaint.status in names.ANSWERED:
		found.append({"key": "stage-1", "label": words(plain, "Our response to your complaint", "Our answer to your complaint"),
			"sent_on": complaint.outcome_letter_sent_on})  # fmt: skip
	for key, doctype in (("stage-2", STAGE_2), ("stage-3", STAGE_3)):
		record = stages.get(doctype)
		if record and record.sent_letter and record.status in names.STAGE_ANSWERED:
			found.append({"key": key, "label": label_of(doctype, plain), "sent_on": record.response_sent_on})
	return found


def letter_file(link, key: str):
	"""The File of one sent letter of this link's complaint, or None."""
	doctype = LETTER_RECORDS.get(key)
	if not doctype:
		return None
	complaint = link.complaint_doc
	stages = later_records(complaint.name)
	if key not in {entry["key"] for entry in letters_of(complaint, stages, False)}:
		return None
	record = complaint.name if doctype == "Complaint" else stages[doctype].name
	url = frappe.db.get_value(doctype, record, "sent_letter")
	return frappe.get_doc(
		"File", {"file_url": url, "attached_to_doctype": doctype, "attached_to_name": record}
	)


def next_stage_choices(complaint, stages: dict) -> tuple[list[str], object, bool]:
	"""(what the complainant may ask for now, the last day to ask, whether asking online has closed).

	Asking online follows the same order as the team's records: after the stage 1 response, mediation
	or stage 2 (stage 2 after mediation that did not resolve it); after stage 2's response, stage 3. A
	request after the window needs the team's decision, so the page then sends them to the team."""
	if complaint.procedure == names.CORPORATE or STAGE_3 in stages:
		return [], None, False
	calendar = site_calendar()
	window = frappe.db.get_single_value("Complaints Settings", "next_stage_request_working_days") or (
		later_stages.NEXT_STAGE_WINDOW
	)
	stage_2, mediation = stages.get(STAGE_2), stages.get(MEDIATION)
	if stage_2:
		if stage_2.status not in names.STAGE_ANSWERED or not stage_2.response_sent_on:
			return [], None, False
		choices, starts = [STAGE_3], getdate(stage_2.response_sent_on)
	elif complaint.status in (names.RESPONDED, names.CLOSED) and complaint.responded_on:
		starts = getdate(complaint.responded_on)
		if mediation is None or mediation.status == names.MEDIATION_WITHDRAWN:
			choices = [MEDIATION, STAGE_2]
		elif mediation.status == names.MEDIATION_NOT_RESOLVED:
			choices = [STAGE_2]
			starts = max(starts, getdate(mediation.meeting_on or starts))
		else:
			return [], None, False
	else:
		return [], None, False
	until = later_stages.next_stage_window_ends(calendar, starts, window)
	if getdate(today()) > until:
		return [], until, True
	return choices, until, False


def added_by_complainant(complaint: str) -> list[dict]:
	return frappe.get_all(
		"Communication",
		filters={
			"reference_doctype": "Complaint",
			"reference_name": complaint,
			"subject": ADDED_SUBJECT,
			"sent_or_received": "Received",
		},
		fields=["communication_date"],
		order_by="communication_date asc",
	)


# -- what the complainant does -----------------------------------------------------------------


def ask_for_next_stage(link, doctype: str, concerns: str) -> str:
	"""Record the complainant's request for the next stage, dated today; its clock starts from it."""
	complaint = link.complaint_doc
	concerns = cstr(concerns).strip()
	choices, _until, closed = next_stage_choices(complaint, later_records(complaint.name))
	if closed:
		frappe.throw(
			_("The time to ask online has passed. Please contact the complaints team: they can still consider it."),
			title=_("Please contact us"),
		)  # fmt: skip
	if not doctype and choices:
		frappe.throw(_("Choose what you would like to ask for."), title=_("Please check"))
	if doctype not in choices:
		frappe.throw(_("That cannot be asked for on this complaint now."), title=_("Not available"))
	if not 10 <= len(concerns) <= MAX_TEXT:
		frappe.throw(_("Tell us what you are still unhappy about (at least a sentence, at most {0} characters).").format(MAX_TEXT))  # fmt: skip
	record = frappe.get_doc({"doctype": doctype, "complaint": complaint.name, "requested_on": today(),
		"requested_via": "Portal", "remaining_concerns": concerns})  # fmt: skip
	record.flags.from_complainant_page = True
	record.insert(ignore_permissions=True)  # the complainant's request, through their own link
	complaint.requested_stage = label_of(doctype, False)  # for the Notification's message
	complaint.run_method("notify_next_stage_requested")
	return record.name


def add_information(link, text: str, files: list[tuple[str, bytes]]) -> str:
	"""Keep what the complainant sent on the complaint's timeline, attachments private; alert the team."""
	complaint = link.complaint_doc
	text = cstr(text).strip()
	problems = []
	if not text and not files:
		problems.append(_("Write something or choose a file to send."))
	if len(text) > MAX_TEXT:
		problems.append(_("The message is too long: at most {0} characters.").format(MAX_TEXT))
	if len(files) > MAX_FILES:
		problems.append(_("Send at most {0} files at a time.").format(MAX_FILES))
	for filename, content in files:
		extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
		if extension not in ALLOWED_EXTENSIONS:
			problems.append(
				_("{0}: send a PDF, Word or text document, or a photo.").format(escape_html(filename))
			)
		if len(content) > MAX_FILE_BYTES:
			problems.append(_("{0} is larger than 10 MB.").format(escape_html(filename)))
		if not content:
			problems.append(_("{0} is empty.").format(escape_html(filename)))
	if problems:
		frappe.throw("<br>".join(problems), title=_("Please check what you are sending"))
	kept = [keep_file(complaint.name, filename, content) for filename, content in files]
	body = escape_html(text).replace("\n", "<br>")
	if kept:
		body += (
			"<p>" + escape_html(_("Files sent: {0}").format(", ".join(f.file_name for f in kept))) + "</p>"
		)
	communication = frappe.get_doc({"doctype": "Communication", "communication_type": "Communication",
		"communication_medium": "Other", "sent_or_received": "Received", "subject": ADDED_SUBJECT,
		"content": body, "sender": link.email, "sender_full_name": sender_name(link),
		"reference_doctype": "Complaint", "reference_name": complaint.name, "communication_date": now_datetime()})  # fmt: skip
	communication.insert(ignore_permissions=True)  # the complainant's message, through their own link
	complaint.run_method("notify_complainant_added_information")
	return communication.name


def keep_file(complaint: str, filename: str, content: bytes):
	file = frappe.get_doc({"doctype": "File", "file_name": filename[-140:], "attached_to_doctype": "Complaint",
		"attached_to_name": complaint, "is_private": 1, "content": content})  # fmt: skip
	file.insert(ignore_permissions=True)  # sent by the complainant through their own link; private
	return file


def sender_name(link) -> str:
	complaint = link.complaint_doc
	if link.recipient == complainant_links.ADVOCATE:
		return _("{0} (advocate)").format(complaint.advocate_name or link.email)
	return complaint.complainant_name or link.email


def answer_extension(link, proposal: str, agreed: bool):
	complaint = link.complaint_doc
	if complaint.status not in names.OPEN:
		frappe.throw(_("The complaint is no longer open."), title=_("Already answered"))
	extension_proposals.answer(complaint, proposal, agreed, link, f"{sender_name(link)} ({link.email})")


def give_feedback(link, rating: str, comment: str):
	complaint = link.complaint_doc
	if complaint.status != names.CLOSED:
		frappe.throw(_("You can tell us how you found the process once the complaint is closed."))
	if rating not in RATINGS:
		frappe.throw(_("Choose one of the answers."), title=_("Please check"))
	if frappe.db.exists("Complainant Feedback", {"complaint": complaint.name}):
		frappe.throw(
			_("Thank you: we already have your feedback on this complaint."), title=_("Already given")
		)
	comment = cstr(comment).strip()
	if len(comment) > 2000:
		frappe.throw(_("The comment is too long: at most 2000 characters."))
	frappe.get_doc({"doctype": "Complainant Feedback", "complaint": complaint.name, "given_on": today(),
		"rating": rating, "comment": comment, "given_through": link.name}).insert(ignore_permissions=True)  # fmt: skip


def log_look(link, route: str):
	"""The complainant's look at their page goes on the access log like any other."""
	if not access_log.enabled():
		return
	entry = access_log.row("Guest", "Complaint", link.complaint, access_log.COMPLAINANT_PAGE, route,
		frappe.local.request_ip if getattr(frappe.local, "request", None) else None)  # fmt: skip
	frappe.get_doc(entry).db_insert()
