"""Who may see a complaint, beyond the role permissions on the DocType.

- A staff member who is a subject of a complaint never sees it, whatever roles they hold.
- The complaints team, the QA Service Manager and QA Approvers see every other complaint.
- A QA Officer sees the complaints allocated to them (or that they drafted); a Team Manager those of
  which they are the responsible Team or Service Manager.

`permission_query_conditions` covers lists, counts and reports built with `frappe.get_list`;
`has_permission` covers a single document (form, REST, print, files). Routes that bypass both are
closed in `complaints_hc.security.route_closures`.
"""

import frappe

from complaints_hc.security import looks, roles

SEE_ALL = {roles.COMPLAINTS_OFFICER, roles.COMPLAINTS_MANAGER, roles.QA_SERVICE_MANAGER, roles.QA_APPROVER}
# Roles that can hold or see a complaint's actions.
ACTION_ROLES = SEE_ALL | {roles.QA_OFFICER, roles.TEAM_MANAGER}


def is_subject(complaint: str, user: str) -> bool:
	return bool(
		frappe.db.exists("Complaint Subject", {"parenttype": "Complaint", "parent": complaint, "user": user})
	)


def not_about(complaint_column: str, quoted_user: str) -> str:
	"""SQL: the complaint in this column does not name the user as a subject."""
	return f"""{complaint_column} not in (select parent from `tabComplaint Subject`
		where parenttype = 'Complaint' and user = {quoted_user})"""


def complaint_query_conditions(user: str | None = None, doctype: str = "Complaint") -> str:
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	quoted = frappe.db.escape(user)
	conditions = [not_about("`tabComplaint`.name", quoted)]
	user_roles = set(frappe.get_roles(user))
	if not user_roles & SEE_ALL:
		own = []
		if roles.QA_OFFICER in user_roles:
			own.append(f"`tabComplaint`.qa_officer = {quoted} or `tabComplaint`.drafted_by = {quoted}")
		if roles.TEAM_MANAGER in user_roles:
			own.append(f"`tabComplaint`.team_manager = {quoted} or `tabComplaint`.service_manager = {quoted}")
		conditions.append(f"({' or '.join(own)})" if own else "1 = 0")
	return " and ".join(f"({c})" for c in conditions)


def may_see_complaint(doc, user: str) -> bool:
	if user == "Administrator":
		return True
	if any(row.user == user for row in doc.get("subjects") or ()):
		return False
	if doc.name and not doc.is_new() and is_subject(doc.name, user):
		return False  # the stored list counts, whatever an unsaved copy says
	user_roles = set(frappe.get_roles(user))
	if user_roles & SEE_ALL:
		return True
	if roles.QA_OFFICER in user_roles and user in (doc.get("qa_officer"), doc.get("drafted_by")):
		return True
	if roles.TEAM_MANAGER in user_roles and user in (doc.get("team_manager"), doc.get("service_manager")):
		return True
	return False


def has_complaint_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	allowed = may_see_complaint(doc, user)
	looks.note("Complaint", doc.name, user, allowed)  # every look goes on record (access_log)
	return allowed


# --- actions from complaints: their owner, and whoever may see the complaint ------------------------


def action_query_conditions(user: str | None = None, doctype: str = "Complaint Action") -> str:
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	quoted = frappe.db.escape(user)
	conditions = [not_about("`tabComplaint Action`.complaint", quoted)]
	user_roles = set(frappe.get_roles(user))
	if not user_roles & SEE_ALL:
		own = [
			f"`tabComplaint Action`.responsible = {quoted} or `tabComplaint Action`.responsible_manager = {quoted}"
		]
		if roles.QA_OFFICER in user_roles:
			own.append(
				f"""`tabComplaint Action`.complaint in (select name from `tabComplaint`
				where qa_officer = {quoted} or drafted_by = {quoted})"""
			)
		conditions.append(f"({' or '.join(own)})")
	return " and ".join(f"({c})" for c in conditions)


def may_see_action(doc, user: str) -> bool:
	if user == "Administrator":
		return True
	if not doc.complaint or is_subject(doc.complaint, user):
		return False
	if user in (doc.get("responsible"), doc.get("responsible_manager")):
		return True
	complaint = frappe.get_cached_doc("Complaint", doc.complaint)
	return may_see_complaint(complaint, user)


def has_action_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	allowed = may_see_action(doc, user)
	looks.note("Complaint Action", doc.name, user, allowed)
	return allowed


# --- the later stages of a complaint: whoever may see the complaint, and nobody else -----------------


def stage_query_conditions(user: str | None = None, doctype: str = "Stage 2 Investigation") -> str:
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	return f"""`tab{doctype}`.complaint in (select `tabComplaint`.name from `tabComplaint`
		where {complaint_query_conditions(user)})"""


def may_see_stage(doc, user: str) -> bool:
	if user == "Administrator":
		return True
	if not doc.get("complaint") or not frappe.db.exists("Complaint", doc.complaint):
		return False
	return may_see_complaint(frappe.get_doc("Complaint", doc.complaint), user)


def has_stage_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	allowed = may_see_stage(doc, user)
	looks.note(doc.doctype, doc.name, user, allowed)
	return allowed


# --- subject access requests: never one that reaches a complaint about you -----------------------


def sar_query_conditions(user: str | None = None, doctype: str = "Subject Access Request") -> str:
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	return f"""not exists (select 1 from `tabSAR Record` r where r.parent = `tabSubject Access Request`.name
		and r.parenttype = 'Subject Access Request' and r.complaint is not null
		and not ({not_about("r.complaint", frappe.db.escape(user))}))"""


def has_sar_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if user == "Administrator":
		return True
	return not any(row.complaint and is_subject(row.complaint, user) for row in doc.get("records") or ())


# --- workshop bookings: your own, unless you run workshops --------------------------------------

RUN_WORKSHOPS = {roles.WORKSHOP_FACILITATOR, roles.QA_SERVICE_MANAGER}


def booking_query_conditions(user: str | None = None, doctype: str = "Workshop Booking") -> str:
	user = user or frappe.session.user
	if user == "Administrator" or set(frappe.get_roles(user)) & RUN_WORKSHOPS:
		return ""
	return f"`tabWorkshop Booking`.attendee = {frappe.db.escape(user)}"


def has_booking_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	return (
		user == "Administrator" or doc.attendee == user or bool(set(frappe.get_roles(user)) & RUN_WORKSHOPS)
	)
