"""Demo complaints in every state of the stage 1 workflow (one taken on to stage 2, one on to a stage 3
panel), walked through it by the demo users.

Families, staff and events are invented. Each complaint is created only if its case reference is
not there yet, so loading the demo twice changes nothing. Dates are set relative to today so the
demo always looks current: each complaint is walked through the real workflow (with its guards),
then the few dates the server stamps with "today" are moved back to when the step happened.
"""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import getdate, today

from complaints_hc.complaints.names import CORPORATE
from complaints_hc.setup.starting_lists import create_starting_lists
from complaints_hc.working_days.site import site_calendar

DEMO = "@demo.example.org"
OFFICER, MANAGER = f"amira.khan{DEMO}", f"david.price{DEMO}"
QA_MANAGER, APPROVER = f"helen.morgan{DEMO}", f"rachel.evans{DEMO}"
QA_OFFICERS = (f"sian.roberts{DEMO}", f"tom.hughes{DEMO}")

SERVICE_AREAS = (
	"Children in Care",
	"Safeguarding and Family Support",
	"Children with Disabilities",
	"Early Help",
)
# team, service area, team manager, service manager, members (social workers)
TEAMS = (
	("Looked After Children Team", "Children in Care", f"mark.bennett{DEMO}", f"gareth.lloyd{DEMO}",
		(f"priya.shah{DEMO}", f"ellie.marsh{DEMO}")),
	("Child Protection Team East", "Safeguarding and Family Support", f"laura.hayes{DEMO}", f"gareth.lloyd{DEMO}",
		(f"owen.jones{DEMO}", f"ben.carter{DEMO}")),
	("Disabled Children's Team", "Children with Disabilities", f"laura.hayes{DEMO}", None, ()),
)  # fmt: skip
# What staff can learn from an upheld point on each theme, as the bulletin would say it.
LEARNING = {
	"Voice of the Child and Purposeful Visits": "Record the child's wishes and feelings in their own words at each visit.",
	"Engaging Fathers and Men": "Involve fathers and male carers from the first contact and throughout.",
	"Professional Curiosity": "Keep asking questions when what we are told does not fit what we see.",
	"Facts and Allegations in Reports": "In assessments and reports, keep facts and allegations clearly apart.",
	"Responding to Parents' Questions": "Record how each question from a parent was answered, and when.",
	"Clear Language for Children and Families": "Write so that children and families can understand it.",
	"Timely Assessments": "Complete assessments within their timescales, and say so when they will be late.",
	"Translation and Interpreters": "Translate key documents when an interpreter is needed, so there is a written record.",
	"Managerial Oversight": "Record managerial oversight on the case file at the time.",
	"Belongings for Children in Care": "Agree a clear timeframe for children moving in or out of care to have their belongings.",
	"Multi-Agency Working": "Bring partners into discussions about housing and risks in the community.",
}
GOOD_PRACTICE = (
	"Phone calls and emails were recorded and easy to find on the case file.",
	"Information was shared well with partner agencies.",
	"The assessment analysed the information and its interpretation was well documented.",
)

# Each complaint: the state it reaches, how many working days ago it arrived, and its story.
COMPLAINTS = (
	dict(ref="LCS-301144", reach="Received", age=1, via="Portal", name="Darren Mills", rel="Parent",
		child="Lily Mills", team=1, points=()),
	dict(ref="LCS-301187", reach="Received", age=0, via="Phone", name="Amber Clarke", rel="Child or young person",
		child="Amber Clarke", team=0, points=()),
	dict(ref="LCS-300962", reach="Allocated", age=2, via="Email", name="Sandra Hughes", rel="Carer",
		child="Mason Hughes", team=0, points=()),
	dict(ref="LCS-300871", reach="Investigating", age=6, via="Email", name="Joanne Pritchard", rel="Parent",
		child="Kai Pritchard", team=1, timescale=15, points=(
			("Minutes of the child protection conference were not shared for six weeks", "Information sharing", "Managerial Oversight", None),
			("The social worker changed three times in four months without the family being told", "Communication", "Voice of the Child and Purposeful Visits", None),
		)),
	dict(ref="LCS-300655", reach="Investigating", age=16, via="Letter", name="Nadia Kowalski", rel="Parent",
		child="Zofia Kowalski", team=1, timescale=20, interpreter="Polish", extension=True,
		by_post="22 Orchard Row\nHaleford\nHF3 1PL", points=(
			("Reports were not translated although an interpreter was needed at every meeting", "Communication", "Translation and Interpreters", None),
			("The assessment repeated allegations as if they were facts", "Assessment", "Facts and Allegations in Reports", None),
		)),
	dict(ref="LCS-300512", reach="Quality Assurance", age=12, via="Email", name="Jason Morris", rel="Parent",
		child="Ethan Morris", team=1, timescale=15, points=(
			("Father was not invited to the core group meetings", "Care planning", "Engaging Fathers and Men", "Upheld"),
			("Questions sent by email were never answered", "Communication", "Responding to Parents' Questions", "Partially upheld"),
		)),
	dict(ref="LCS-300433", reach="Approved", age=14, via="Portal", name="Rebecca Lewis", rel="Carer",
		child="Jayden Lewis", team=0, timescale=15, points=(
			("Delays in agreeing the plan for family time", "Contact arrangements", "SMART Planning and Safety Plans", "Not upheld"),
		)),
	dict(ref="LCS-300210", reach="Responded", age=22, via="Phone", name="Chloe Evans", rel="Child or young person",
		child="Chloe Evans", team=0, timescale=20, points=(
			("Belongings were left at the previous placement for two months", "Care planning", "Belongings for Children in Care", "Upheld"),
			("Not supported to celebrate an 18th birthday as she wanted", "Care planning", "Voice of the Child and Purposeful Visits", "Upheld"),
		), remedy=150, reapproved=True),
	dict(ref="LCS-300199", reach="Responded", age=9, via="Email", name="Tariq Ahmed", rel="Parent",
		child="Yusuf Ahmed", team=2, early=True, points=()),
	dict(ref="LCS-299874", reach="Closed", age=38, via="Email", name="Paula Green", rel="Advocate",
		child="Ruby Green", team=0, timescale=10, points=(
			("Ruby's wishes were not recorded in her review", "Care planning", "Voice of the Child and Purposeful Visits", "Upheld"),
			("The review report contained factual errors", "Record keeping", "Facts and Allegations in Reports", "Partially upheld"),
		), mediation=True),
	dict(ref="LCS-299761", reach="Closed", age=45, via="Letter", name="Dr Sarah Knight", rel="Professional",
		child="Freddie Lane", team=1, timescale=10, by_post="The Surgery, 3 Kings Road\nHaleford\nHF1 4AB", points=(
			("The referral was closed without checking with the school", "Decision-making", "Professional Curiosity", "Upheld"),
		)),
	dict(ref="LCS-299650", reach="Closed", age=52, via="Portal", name="Kerry Walsh", rel="Parent",
		child="Poppy Walsh", team=1, timescale=15, points=(
			("The threshold decision was not explained", "Decision-making", "Threshold Training", "Not upheld"),
			("The assessment took longer than the agreed 45 days", "Delay", "Timely Assessments", "Not upheld"),
		)),
	dict(ref="LCS-299402", reach="Closed", age=80, via="Email", name="Marie Dubois", rel="Parent",
		child="Noah Dubois", team=0, timescale=10, points=(
			("Noah's placement move was decided without asking him", "Decision-making", "Voice of the Child and Purposeful Visits", "Partially upheld"),
			("Family time was cancelled at short notice four times", "Contact arrangements", "Responding to Parents' Questions", "Upheld"),
		), stage_2=True),
	dict(ref="LCS-298920", reach="Closed", age=150, via="Letter", name="Gemma Pryce", rel="Parent",
		child="Leo Pryce", team=1, timescale=10, points=(
			("The child protection plan was ended without the family being told why", "Decision-making", "Managerial Oversight", "Upheld"),
		), stage_3=True),
	dict(ref="LCS-298700", reach="Closed", age=120, via="Email", name="Alan Foster", rel="Parent",
		child="Mia Foster", team=2, timescale=10, procedure="Corporate", points=(
			("School transport was withdrawn without notice", "Communication", "Responding to Parents' Questions", "Upheld"),
		), ombudsman=True),
	dict(ref="LCS-301302", reach="Investigating", age=4, via="Phone", name="Karen Whitfield", rel="Parent",
		child="Josh Whitfield", team=2, timescale=10, procedure="Corporate", points=(
			("Nobody returned calls to the duty line for a week", "Communication", "Responding to Parents' Questions", None),
		)),
	dict(ref="LCS-299588", reach="Withdrawn", age=30, via="Phone", name="Michael Byrne", rel="Other",
		child="Sophie Byrne", team=1, points=(), withdrawn="The family moved to another authority and asked to stop the complaint."),
)  # fmt: skip

ORDER = ("Received", "Allocated", "Investigating", "Quality Assurance", "Approved", "Responded", "Closed")


def make_demo_complaints():
	make_masters()
	for index, spec in enumerate(COMPLAINTS):
		if not frappe.db.exists("Complaint", {"case_reference": spec["ref"]}):
			walk(spec, QA_OFFICERS[index % 2])
	frappe.set_user("Administrator")
	from complaints_hc.complaints.daily_jobs import (
		refresh_complaint_timeliness,
		refresh_stage_2_timeliness,
		refresh_stage_3_timeliness,
	)

	refresh_complaint_timeliness()
	refresh_stage_2_timeliness()
	refresh_stage_3_timeliness()
	share_new_complaints_between_the_qa_officers()


def share_new_complaints_between_the_qa_officers():
	"""Switch the allocation rule on for the demo's QA officers, once (the council's choice to make)."""
	from complaints_hc.complaints.allocation import ALLOCATION_RULE

	rule = frappe.get_doc("Assignment Rule", ALLOCATION_RULE)
	if rule.users:
		return
	for user in QA_OFFICERS:
		rule.append("users", {"user": user})
	rule.disabled = 0
	rule.save(ignore_permissions=True)  # demo set-up


def make_masters():
	for area in SERVICE_AREAS:
		ensure("Service Area", area, service_area_name=area)
	for team, area, manager, service_manager, members in TEAMS:
		ensure("Service Team", team, team_name=team, service_area=area, team_manager=manager,
			service_manager=service_manager, members=[{"user": m, "job_title": "Social Worker"} for m in members])  # fmt: skip
	create_starting_lists()  # the demo's points and actions use the seed paper's lists


def ensure(doctype, name, **values):
	if not frappe.db.exists(doctype, name):
		frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=True)  # demo set-up


def working_day(offset_from_received, received):
	return str(site_calendar().add_working_days(received, offset_from_received))


def act(name, user, action):
	frappe.set_user(user)
	apply_workflow(frappe.get_doc("Complaint", name).as_dict(), action)


def edit(name, user, **values):
	frappe.set_user(user)
	doc = frappe.get_doc("Complaint", name)
	for key, value in values.items():
		if isinstance(value, list):
			for row in value:
				doc.append(key, row)
		else:
			doc.set(key, value)
	doc.save()


def record_postings(name):
	"""The officer posted the complaint's letters on the day they were issued."""
	frappe.set_user(OFFICER)
	for letter in frappe.get_all("Letter to Post", {"complaint": name, "status": "To Post"}, pluck="name"):
		doc = frappe.get_doc("Letter to Post", letter)
		doc.update({"posted_on": doc.issued_on, "posting_note": "First class"})
		doc.save()


def reaches(spec, state):
	target = spec["reach"] if spec["reach"] != "Withdrawn" else "Received"
	return ORDER.index(target) >= ORDER.index(state)


def walk(spec, qa_officer):
	received = site_calendar().add_working_days(getdate(today()), -spec["age"])
	name = create(spec, received)
	stamps = {}
	advance(name, spec, qa_officer, lambda n: working_day(n, received), stamps)
	backdate(name, stamps)
	if spec.get("by_post") and spec["reach"] == "Closed":
		record_postings(name)
	if spec.get("stage_2"):
		ask_for_stage_2(name, lambda n: working_day(n, received))
	if spec.get("mediation"):
		resolve_by_mediation(name, lambda n: working_day(n, received))
	if spec.get("stage_3"):
		answer_stage_2_then_ask_for_a_panel(name, lambda n: working_day(n, received))
	if spec.get("ombudsman"):
		record_an_ombudsman_decision(name, spec, lambda n: working_day(n, received))


def create(spec, received) -> str:
	members = TEAMS[spec["team"]][4]
	frappe.set_user(OFFICER)
	doc = frappe.get_doc({
		"doctype": "Complaint", "received_via": spec["via"], "received_on": str(received),
		"complainant_name": spec["name"], "relationship_to_child": spec["rel"],
		"complainant_email": spec["name"].lower().replace("dr ", "").replace(" ", ".") + "@example.org",
		"preferred_contact_method": "Letter" if spec.get("by_post") else "Email",
		"complainant_address": spec.get("by_post"), "procedure": spec.get("procedure") or "Statutory (Children Act 1989)", "child_name": spec["child"], "case_reference": spec["ref"],
		"interpreter_needed": int(bool(spec.get("interpreter"))), "interpreter_language": spec.get("interpreter"),
		"service_team": TEAMS[spec["team"]][0], "social_worker": members[0] if members else None,
		"subjects": [{"user": members[-1], "role_in_case": "Allocated social worker"}] if members else [],
	}).insert()  # fmt: skip
	return doc.name


def advance(name, spec, qa_officer, day, stamps):
	"""Take the complaint as far as spec["reach"], each step by the person who does it."""
	team_manager = TEAMS[spec["team"]][2]
	if spec["reach"] != "Received":
		record_guidance_to_subjects(name, day(1))
	if spec["reach"] == "Withdrawn":
		edit(name, OFFICER, withdrawal_reason=spec["withdrawn"], withdrawn_on=day(4))
		act(name, OFFICER, "Withdraw")
		return
	if not reaches(spec, "Allocated"):
		return
	edit(name, QA_MANAGER, qa_officer=qa_officer)
	act(name, QA_MANAGER, "Allocate")
	stamps["allocated_on"] = day(1)
	if not reaches(spec, "Investigating") and not spec.get("early"):
		return
	edit(name, OFFICER, complainant_contacted_on=day(2))
	if spec["rel"] == "Child or young person":
		edit(name, OFFICER, advocate_offered_on=day(2), advocate_response="Accepted",
			advocate_response_recorded_by=OFFICER, face_to_face_offered_on=day(2))  # fmt: skip
	meeting = {
		"initial_meeting_on": day(3),
		"meeting_notes": "Complainant, QA Officer and Complaints Officer.",
	}
	if spec.get("early"):
		edit(name, qa_officer, early_resolution=1, resolution_agreed_with=f"{spec['name']} and {team_manager}",
			resolution_summary="A new review date agreed and the plan shared in writing within a week.", **meeting)  # fmt: skip
		act(name, qa_officer, "Resolve Early")
		return
	points = [{"description": d, "category": c, "learning_theme": t} for d, c, t, _o in spec["points"]]
	if spec.get("procedure") == CORPORATE:  # acknowledged, then answered within 10 working days of it
		edit(name, OFFICER, acknowledged_on=day(2))
		edit(name, qa_officer, points=points)
	else:
		edit(name, qa_officer, points=points, agreed_timescale_days=spec["timescale"], timescale_agreed_on=day(3),
			**meeting)  # fmt: skip
	act(name, qa_officer, "Establish Points")
	if spec.get("extension"):
		attach_agreement_and_extend(name, day)
	if not reaches(spec, "Quality Assurance"):
		return
	frappe.set_user(qa_officer)
	doc = frappe.get_doc("Complaint", name)
	for point, (_d, _c, _t, outcome) in zip(doc.points, spec["points"], strict=True):
		point.outcome = outcome
		point.finding = "Found on the case file and confirmed with the team." if outcome == "Upheld" else (
			"Partly borne out by the records." if outcome == "Partially upheld" else "The records show this was done.")  # fmt: skip
		point.rationale = "Checked against the case recording system and the team's supervision notes."
		if outcome in ("Upheld", "Partially upheld"):
			point.learning_for_staff = LEARNING.get(point.learning_theme)
		else:
			point.good_practice = GOOD_PRACTICE[point.idx % len(GOOD_PRACTICE)]
	doc.save()
	act(name, qa_officer, "Submit for QA")
	stamps["draft_submitted_on"] = day(spec["timescale"] - 3)
	if not reaches(spec, "Approved"):
		return
	approver = APPROVER if spec["team"] == 0 else QA_MANAGER
	act(name, approver, "Approve")
	if spec.get("reapproved"):
		go_back_through_qa(name, spec, qa_officer, approver)
	stamps["qa_approved_on"] = day(spec["timescale"] - 2)
	if not reaches(spec, "Responded"):
		return
	edit(name, OFFICER, response_sent_to_manager_on=day(spec["timescale"] - 1))
	act(name, OFFICER, "Send Response")  # the server keeps the letter as a PDF
	stamps["outcome_letter_sent_on"] = day(spec["timescale"] - 1)
	if not reaches(spec, "Closed"):
		return
	edit(name, OFFICER, child_file_copy_on=day(spec["timescale"]), child_file_copy_by=qa_officer)
	act(name, OFFICER, "Close")
	stamps["closed_on"] = day(spec["timescale"])


def ask_for_stage_2(name, day):
	"""Still unhappy after the stage 1 response (day 9): stage 2 asked for on day 21, investigated by
	an outside Investigating Officer with an Independent Person, and extended to its 65th working day."""
	from complaints_hc.complaints import later_stages

	frappe.set_user(OFFICER)
	requested = day(21)
	stage = frappe.get_doc({"doctype": "Stage 2 Investigation", "complaint": name, "requested_on": requested,
		"requested_via": "Email", "remaining_concerns": "Mrs Dubois says the move was still not explained to "
		"Noah, and that the apology did not say what will change.", "statement_agreed_on": day(28),
		"people": [{"role_in_stage": "Investigating Officer", "full_name": "Graham Ellis",
			"organisation": "Independent investigator", "appointed_on": day(26)},
			{"role_in_stage": "Independent Person", "full_name": "Yvonne Carter",
			"organisation": "Independent Person", "appointed_on": day(26)}]}).insert()  # fmt: skip
	apply_workflow(stage.as_dict(), "Start Investigation")
	stage = frappe.get_doc("Stage 2 Investigation", stage.name)
	stage.update({"extended_to": str(later_stages.stage2_clock(site_calendar(), getdate(requested)).longest_due_on),
		"extension_reason": "Noah's foster carers could only meet the Investigating Officer after the school holidays.",
		"new_date_told_on": day(45)})  # fmt: skip
	stage.save()


def resolve_by_mediation(name, day):
	"""Asked for on day 12, after the stage 1 response; a mediator met the family on day 20 and it resolved."""
	frappe.set_user(OFFICER)
	mediation = frappe.get_doc({"doctype": "Mediation", "complaint": name, "requested_on": day(12),
		"requested_via": "Phone", "remaining_concerns": "The advocate says Ruby still wants her wishes read at her review.",
		"mediator": "Jo Whitfield", "mediator_organisation": "Family Mediation Service"}).insert()  # fmt: skip
	apply_workflow(mediation.as_dict(), "Arrange Mediation")
	mediation = frappe.get_doc("Mediation", mediation.name)
	mediation.meeting_on = day(20)
	mediation.resolution_summary = "Ruby will read her own statement at her next review, with her advocate."
	mediation.save()
	apply_workflow(mediation.as_dict(), "Record Resolution")


def answer_stage_2_then_ask_for_a_panel(name, day):
	"""Stage 2 asked for on day 15 and answered on day 39; a stage 3 panel asked for on day 49, convened,
	and met on day 70, its report awaited."""
	frappe.set_user(OFFICER)
	stage = frappe.get_doc({"doctype": "Stage 2 Investigation", "complaint": name, "requested_on": day(15),
		"requested_via": "Letter", "remaining_concerns": "Ms Pryce says nobody has explained why the plan ended.",
		"statement_agreed_on": day(20), "investigation_report_on": day(36), "independent_person_report_on": day(37),
		"people": [{"role_in_stage": "Investigating Officer", "full_name": "Graham Ellis", "appointed_on": day(18)},
			{"role_in_stage": "Independent Person", "full_name": "Yvonne Carter", "appointed_on": day(18)}]}).insert()  # fmt: skip
	apply_workflow(stage.as_dict(), "Start Investigation")
	stage = frappe.get_doc("Stage 2 Investigation", stage.name)
	for point in stage.points:
		point.finding, point.outcome = (
			"The decision was right but was never explained to the family.",
			"Partially upheld",
		)
	stage.save()
	apply_workflow(stage.as_dict(), "Submit for Adjudication")
	frappe.set_user(APPROVER)
	stage = frappe.get_doc("Stage 2 Investigation", stage.name)
	stage.adjudication = (
		"The council accepts the findings: the family should have had the reasons in writing."
	)
	stage.save()
	apply_workflow(stage.as_dict(), "Adjudicate")
	frappe.set_user(OFFICER)
	apply_workflow(frappe.get_doc("Stage 2 Investigation", stage.name).as_dict(), "Send Response")
	frappe.db.set_value("Stage 2 Investigation", stage.name, {"adjudicated_on": day(38), "response_sent_on": day(39)},
		update_modified=False)  # fmt: skip  # the story's dates (demo data only)
	stage = frappe.get_doc("Stage 2 Investigation", stage.name)
	stage.set_clock()
	stage.db_update()
	panel = frappe.get_doc({"doctype": "Stage 3 Review Panel", "complaint": name, "requested_on": day(49),
		"requested_via": "Letter", "remaining_concerns": "Ms Pryce wants the panel to consider how the plan was ended.",
		"panel": [{"full_name": "Ruth Adeyemi", "organisation": "Independent chair", "chairs": 1, "appointed_on": day(52)},
			{"full_name": "Colin Marsh", "organisation": "Independent member", "appointed_on": day(52)},
			{"full_name": "Priya Nair", "organisation": "Independent member", "appointed_on": day(52)}]}).insert()  # fmt: skip
	apply_workflow(panel.as_dict(), "Convene Panel")
	panel = frappe.get_doc("Stage 3 Review Panel", panel.name)
	panel.meeting_on = day(70)
	panel.save()
	apply_workflow(panel.as_dict(), "Record Meeting")


def record_an_ombudsman_decision(name, spec, day):
	"""A corporate complaint (school transport) the Ombudsman looked at: fault found, one recommendation
	now an open action for the team manager, due in three weeks."""
	frappe.set_user(OFFICER)
	enquiry = frappe.get_doc({"doctype": "Ombudsman Enquiry", "complaint": name, "ombudsman_reference": "26 004 118",
		"requested_on": day(40), "information_requested": "Our response and the transport decision records",
		"information_due_on": day(60), "information_sent_on": day(45), "final_decision_on": day(80),
		"fault_found": "Fault found", "injustice": 1, "decision_summary": "The council withdrew transport without "
		"notice or reasons; it should apologise and review how such decisions are told to families.",
		"recommendations": [{"description": "Review how transport decisions are explained to families",
			"due_on": str(site_calendar().add_working_days(getdate(today()), 15)),
			"responsible": TEAMS[spec["team"]][2]}]}).insert()  # fmt: skip
	apply_workflow(enquiry.as_dict(), "Record Final Decision")


def go_back_through_qa(name, spec, qa_officer, approver):
	"""After approval the remedy was found missing: back to drafting, the approver records it, QA again."""
	act(name, approver, "Return for Changes")
	frappe.set_user(qa_officer)
	doc = frappe.get_doc("Complaint", name)
	doc.points[-1].rationale += " A nominal payment acknowledges what was missed."
	doc.save()
	act(name, qa_officer, "Submit for QA")
	edit(
		name,
		approver,
		remedy_amount=spec["remedy"],
		remedy_reason="To acknowledge the missed birthday celebration.",
	)
	act(name, approver, "Approve")


def record_guidance_to_subjects(name, sent_on):
	frappe.set_user(OFFICER)
	doc = frappe.get_doc("Complaint", name)
	for row in doc.subjects:
		row.guidance_sent_on, row.guidance_sent_by = sent_on, OFFICER
	doc.save()


def attach_agreement_and_extend(name, day):
	frappe.set_user(OFFICER)
	agreement = frappe.get_doc({"doctype": "File", "file_name": f"{name}-extension-agreement.txt", "is_private": 1,
		"content": b"I agree to the new completion date. Nadia Kowalski", "attached_to_doctype": "Complaint",
		"attached_to_name": name}).insert()  # fmt: skip
	edit(name, OFFICER, extensions=[{"requested_on": day(12), "new_due_date": day(28),
		"rationale": "Health records requested from the GP have not arrived yet.",
		"complainant_agreed_on": day(13), "agreement_attachment": agreement.file_url}])  # fmt: skip


def backdate(name, stamps):
	"""Move the server's "today" stamps back to the demo's story (demo data only)."""
	if stamps:
		frappe.db.set_value("Complaint", name, stamps, update_modified=False)
		doc = frappe.get_doc("Complaint", name)
		doc.set_clocks()  # the clocks count from the story's dates too
		doc.db_update()
