"""The quarterly "Learning from Complaints and Compliments" bulletin: its first draft, from the data.

Everything is read through `frappe.get_list`, as the person drafting may read it. Only words written
for all staff are drawn from complaints (a point's "Learning for Staff" and "Good Practice Seen",
never its finding, which may name people), and only quotes their givers agreed to.
"""

import frappe
from frappe import _
from frappe.utils import escape_html, get_url, getdate, today
from frappe.utils.html_utils import sanitize_html

from complaints_hc.complaints import names
from complaints_hc.complaints_hc.report import utils as reporting
from complaints_hc.replica import read_from_replica
from complaints_hc.security import roles
from complaints_hc.workshops.names import SCHEDULED

QUOTES = 6
WORKSHOPS = 10
WORKSHOP_FIELDS = ["name", "title", "workshop_date", "start_time", "end_time", "learning_outcomes"]


@read_from_replica
def draft(quarter_label: str) -> dict:
	"""The bulletin's sections for a quarter, ready for the QA team to edit (read from the read replica
	when there is one: the bulletin itself is saved on the primary)."""
	period = reporting.period_from(frappe._dict(quarter=quarter_label))
	points = points_of(period)
	themes = sorted({p.learning_theme for p in points if p.learning_theme})
	return {
		"introduction": _(
			"This bulletin is for {0} ({1} to {2}): the good practice and the learning our complaint "
			"investigations found at stages 1 and 2, the compliments we received, and the workshops that help us act on it."
		).format(quarter_label, formatted(period.start), formatted(period.end)),
		"good_practice": bullet_list(p.good_practice for p in points),
		"learning": learning_by_theme(points),
		"compliments_received": reporting.count("Compliment", in_period(period)),
		"quotes": quotes(period),
		"workshops": workshops_on(themes),
	}


def formatted(day) -> str:
	day = getdate(day)
	return f"{day.day} {day:%B %Y}"


def in_period(period) -> dict:
	return {"received_on": period.between()}


def points_of(period) -> list[dict]:
	"""Stage 1 points of complaints received in the period, then the points of stage 2 investigations
	asked for in it."""
	stage_1 = frappe.get_list(
		"Complaint",
		filters={**in_period(period)},
		fields=[
			"`tabComplaint Point`.learning_theme as learning_theme",
			"`tabComplaint Point`.outcome as outcome",
			"`tabComplaint Point`.learning_for_staff as learning_for_staff",
			"`tabComplaint Point`.good_practice as good_practice",
		],
		order_by="`tabComplaint`.received_on asc, `tabComplaint Point`.idx asc",
		limit_page_length=0,
	)
	stage_2 = frappe.get_list(
		"Stage 2 Investigation",
		filters=[
			["Stage 2 Investigation", "requested_on", *period.between()],
			["Stage 2 Point", "name", "is", "set"],
		],
		fields=[
			"`tabStage 2 Point`.learning_theme as learning_theme",
			"`tabStage 2 Point`.outcome as outcome",
			"`tabStage 2 Point`.learning_for_staff as learning_for_staff",
		],
		order_by="`tabStage 2 Investigation`.requested_on asc, `tabStage 2 Point`.idx asc",
		limit_page_length=0,
	)
	return [*stage_1, *stage_2]


def bullet_list(texts) -> str:
	seen = []
	for text in texts:
		text = (text or "").strip()
		if text and text not in seen:
			seen.append(text)
	return "<ul>" + "".join(f"<li>{escape_html(text)}</li>" for text in seen) + "</ul>" if seen else ""


def learning_by_theme(points: list[dict]) -> str:
	"""A heading per theme (with how many points, how many upheld) and what staff can learn."""
	by_theme = {}
	for point in points:
		if point.learning_theme:
			by_theme.setdefault(point.learning_theme, []).append(point)
	sections = []
	for theme, theme_points in sorted(by_theme.items(), key=lambda item: (-len(item[1]), item[0])):
		upheld = sum(p.outcome in (names.UPHELD, names.PARTIALLY_UPHELD) for p in theme_points)
		heading = _("{0}: {1} complaint points, {2} upheld in full or in part").format(
			escape_html(theme), len(theme_points), upheld
		)
		sections.append(f"<h4>{heading}</h4>{bullet_list(p.learning_for_staff for p in theme_points)}")
	return "".join(sections)


def quotes(period) -> list[dict]:
	"""Consented quotes, those marked for the bulletin first."""
	return [
		{"compliment": c.name, "words": c.words, "given_by": c.given_by, "team": c.team}
		for c in frappe.get_list(
			"Compliment",
			filters={**in_period(period), "consent_to_quote": 1},
			fields=["name", "words", "given_by", "team"],
			order_by="include_in_bulletin desc, received_on desc",
			limit_page_length=QUOTES,
		)
	]


def workshops_on(themes: list[str]) -> list[dict]:
	"""Scheduled workshops from today on that address any of the quarter's themes."""
	if not themes:
		return []
	rows = frappe.get_all(  # workshops are open to all staff
		"Workshop",
		filters=[
			["Workshop", "status", "=", SCHEDULED],
			["Workshop", "workshop_date", ">=", today()],
			["Workshop Theme", "learning_theme", "in", themes],
		],
		fields=[*WORKSHOP_FIELDS, "`tabWorkshop Theme`.learning_theme as learning_theme"],
		order_by="workshop_date asc, start_time asc",
	)
	chosen = {}
	for row in rows:
		entry = chosen.setdefault(
			row.name, {"workshop": row.name, **{f: row[f] for f in WORKSHOP_FIELDS[1:]}, "themes": []}
		)
		entry["themes"].append(row.learning_theme)
	found = list(chosen.values())[:WORKSHOPS]
	for entry in found:
		entry["themes"] = ", ".join(sorted(entry["themes"]))
	return found


def booking_link(workshop: str) -> str:
	return get_url(f"/workshops/{workshop}")


# -- published bulletins on the staff portal ---------------------------------------------------------

PUBLISHED = "Published"
LISTED_FIELDS = ["name", "title", "quarter", "period_start", "period_end", "published_on"]


def staff_may_read(user: str) -> bool:
	"""Anyone who works with the app, on the desk or the portal; never a guest or a website user."""
	return user != "Guest" and bool(set(frappe.get_roles(user)) & set(roles.ALL_ROLES))


def published() -> list[dict]:
	return frappe.get_all(
		"Learning Bulletin", filters={"status": PUBLISHED}, fields=LISTED_FIELDS, order_by="period_start desc"
	)


def published_copy(name: str) -> frappe._dict | None:
	"""A published bulletin as staff read it: its rich text cleaned, and only quotes whose givers still
	agree to being quoted (consent withdrawn after publishing takes the quote out of every later copy)."""
	if not frappe.db.exists("Learning Bulletin", {"name": name, "status": PUBLISHED}):
		return None
	return staff_copy(frappe.get_doc("Learning Bulletin", name))


def staff_copy(doc) -> frappe._dict:
	copy = frappe._dict({field: doc.get(field) for field in (*LISTED_FIELDS, "introduction",
		"compliments_received", "closing_note")})  # fmt: skip
	copy.good_practice = sanitize_html(doc.good_practice or "")
	copy.learning = sanitize_html(doc.learning or "")
	consented = set(frappe.get_all("Compliment", filters={"name": ["in", [q.compliment for q in doc.quotes
		if q.compliment] or [""]], "consent_to_quote": 1}, pluck="name"))  # fmt: skip
	copy.quotes = [q.as_dict() for q in doc.quotes if not q.compliment or q.compliment in consented]
	copy.workshops = [w.as_dict() for w in doc.workshops]
	return copy


def circulate(doc) -> int:
	"""Email a published bulletin to the team's distribution list (an Email Group named in Complaints
	Settings): the PDF attached and its text in the body, each member their own email. Quotes whose
	givers have since withdrawn consent are in neither. Returns how many it went to."""
	group = frappe.db.get_single_value("Complaints Settings", "bulletin_distribution_list")
	if not group or doc.status != PUBLISHED:
		return 0
	recipients = frappe.get_all(
		"Email Group Member", {"email_group": group, "unsubscribed": 0}, pluck="email"
	)
	if not recipients:
		return 0
	copy = staff_copy(doc)
	printed = frappe.get_doc(doc.as_dict())  # a copy to print from, never saved
	consented = {quote["name"] for quote in copy.quotes}
	printed.set("quotes", [row for row in printed.quotes if row.name in consented])
	pdf = frappe.get_print("Learning Bulletin", doc.name, "Learning Bulletin", doc=printed, as_pdf=True)
	frappe.sendmail(
		recipients=recipients,
		subject=copy.title,
		message=frappe.render_template("templates/includes/learning_bulletin_body.html", {"bulletin": copy}),
		attachments=[{"fname": f"{copy.title}.pdf", "fcontent": pdf}],
		reference_doctype="Learning Bulletin",
		reference_name=doc.name,
		add_unsubscribe_link=False,
	)
	return len(recipients)
