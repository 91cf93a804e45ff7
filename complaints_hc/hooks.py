from complaints_hc.security.roles import ALL_ROLES
from complaints_hc.setup.workflows import WORKFLOW_ACTIONS, WORKFLOW_STATES

# The complaints team's configuration: each change kept and undoable (security/configuration_history.py);
# a workflow keeps the process whole (security/workflow_shape.py); templates stay templates
# (security/template_guard.py).
_CONFIGURATION_DOCTYPES = (
	"Workflow",
	"Notification",
	"Assignment Rule",
	"Print Format",
	"Email Template",
	"Letter Head",
)
_TEMPLATE_DOCTYPES = ("Print Format", "Notification", "Email Template", "Letter Head")
# What the complaints team may see of these is limited to the service's own (the Letter Head is shared).
_LIMITED_TO_THE_SERVICE = ("Workflow", "Notification", "Assignment Rule", "Print Format", "Email Template")


def _configuration_events(doctype: str) -> dict:
	validate = (
		["complaints_hc.security.workflow_shape.refuse_broken_workflow"] if doctype == "Workflow" else []
	)
	if doctype in _TEMPLATE_DOCTYPES:
		validate.append("complaints_hc.security.template_guard.refuse_unsafe_template")
	events = {"on_update": "complaints_hc.security.configuration_history.keep_change"}
	if doctype == "Workflow":  # a state renamed in the builder stays one state (security/workflow_renames.py)
		events = {
			"before_validate": "complaints_hc.security.workflow_renames.carry_renames",
			"on_update": [events["on_update"], "complaints_hc.security.workflow_renames.move_records"],
		}
	return {**events, "validate": validate} if validate else events


app_name = "complaints_hc"
app_title = "Complaints HC"
app_publisher = "complaints_hc maintainers"
app_description = "Complaints, compliments and learning for a council's children's services"
app_email = "maintainers@complaints-hc.invalid"
app_license = "mit"

# Only records the council must not rename go out as fixtures; they are re-imported on every migrate.
fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(ALL_ROLES)]]},
	{"dt": "Workflow State", "filters": [["name", "in", list(WORKFLOW_STATES)]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", list(WORKFLOW_ACTIONS)]]},
]

after_install = "complaints_hc.setup.install.after_install"
# A migrate puts every scheduled job's shipped schedule back: the backup job keeps the council's.
before_migrate = "complaints_hc.operations.backups.remember_the_schedule"
after_migrate = [
	"complaints_hc.setup.install.after_migrate",
	"complaints_hc.operations.backups.keep_the_councils_schedule",
]
# Frappe's setup wizard sets its own number of backups kept; the app's week follows it.
setup_wizard_complete = "complaints_hc.operations.backups.switch_on_encrypted_backups"
before_uninstall = "complaints_hc.setup.install.before_uninstall"
# Beside ERPNext: Custom Fields made when either app is installed after the other, taken away before
# ERPNext goes (neighbours/custom_fields.py). Each is called with the name of the app concerned.
after_app_install = "complaints_hc.neighbours.custom_fields.after_app_install"
before_app_uninstall = "complaints_hc.neighbours.custom_fields.before_app_uninstall"
# At the app's own install, once its roles exist (fixtures are synced after after_install).
after_sync = "complaints_hc.neighbours.custom_fields.ensure"
# Whatever zone the setup wizard was given, the site keeps London time.
setup_wizard_success = "complaints_hc.setup.install.keep_london_time"

before_tests = "complaints_hc.setup.install.before_tests"

export_python_type_annotations = True

# The period and service filters the complaint reports share (desk only).
app_include_js = ["/assets/complaints_hc/js/reporting.js"]
# The public and portal pages: contrast that meets WCAG 2.2 AA.
web_include_css = ["/assets/complaints_hc/css/portal.css"]
web_include_js = ["/assets/complaints_hc/js/portal.js"]

# The working-day engine, for print formats, email templates and notifications.
jinja = {
	"methods": [
		"complaints_hc.working_days.site.add_working_days",
		"complaints_hc.working_days.site.working_days_between",
		"complaints_hc.working_days.site.is_working_day",
	],
}

# Row-level access to complaints (see complaints_hc/permissions.py).
permission_query_conditions = {
	"Complaint": "complaints_hc.security.visibility.complaint_query_conditions",
	"Complaint Action": "complaints_hc.security.visibility.action_query_conditions",
	"Complainant Feedback": "complaints_hc.security.visibility.stage_query_conditions",
	"Complainant Link": "complaints_hc.security.visibility.stage_query_conditions",
	"Complaint Legal Hold": "complaints_hc.security.visibility.stage_query_conditions",
	"Data Rights Decision": "complaints_hc.security.visibility.stage_query_conditions",
	"Letter to Post": "complaints_hc.security.visibility.stage_query_conditions",
	"Subject Access Request": "complaints_hc.security.visibility.sar_query_conditions",
	"Mediation": "complaints_hc.security.visibility.stage_query_conditions",
	"Ombudsman Enquiry": "complaints_hc.security.visibility.stage_query_conditions",
	"Stage 2 Investigation": "complaints_hc.security.visibility.stage_query_conditions",
	"Stage 3 Review Panel": "complaints_hc.security.visibility.stage_query_conditions",
	"Workshop Booking": "complaints_hc.security.visibility.booking_query_conditions",
	# A prepared result of a complaint report is its owner's alone (security/prepared_reports.py).
	"Prepared Report": "complaints_hc.security.prepared_reports.query_conditions",
	# Child rows of complaint data, and records pointing at it (security/complaint_data.py).
	"*": "complaints_hc.security.complaint_data.query_conditions",
	# The complaints team configures the app's own processes only (security/configuration.py).
	**dict.fromkeys(_LIMITED_TO_THE_SERVICE, "complaints_hc.security.configuration.query_conditions"),
}
has_permission = {
	"Complaint": "complaints_hc.security.visibility.has_complaint_permission",
	"Complaint Action": "complaints_hc.security.visibility.has_action_permission",
	"Complainant Feedback": "complaints_hc.security.visibility.has_stage_permission",
	"Complainant Link": "complaints_hc.security.visibility.has_stage_permission",
	"Complaint Legal Hold": "complaints_hc.security.visibility.has_stage_permission",
	"Data Rights Decision": "complaints_hc.security.visibility.has_stage_permission",
	"Letter to Post": "complaints_hc.security.visibility.has_stage_permission",
	"Subject Access Request": "complaints_hc.security.visibility.has_sar_permission",
	"Mediation": "complaints_hc.security.visibility.has_stage_permission",
	"Ombudsman Enquiry": "complaints_hc.security.visibility.has_stage_permission",
	"Stage 2 Investigation": "complaints_hc.security.visibility.has_stage_permission",
	"Stage 3 Review Panel": "complaints_hc.security.visibility.has_stage_permission",
	"Workshop Booking": "complaints_hc.security.visibility.has_booking_permission",
	"Prepared Report": "complaints_hc.security.prepared_reports.has_permission",
	"*": "complaints_hc.security.complaint_data.has_reference_permission",
	**dict.fromkeys(_LIMITED_TO_THE_SERVICE, "complaints_hc.security.configuration.has_permission"),
	**dict.fromkeys(
		("Workflow State", "Workflow Action Master"),
		"complaints_hc.security.configuration.has_shared_name_permission",
	),
}

# Routes around the row-level hooks (see complaints_hc/access.py).
doc_events = {
	**{doctype: _configuration_events(doctype) for doctype in _CONFIGURATION_DOCTYPES},
	"DocShare": {"validate": "complaints_hc.security.route_closures.refuse_share_outside"},
	# Staff rows picked by ERPNext Employee carry that Employee's user (nothing without ERPNext).
	**{
		doctype: {"before_validate": "complaints_hc.neighbours.people.users_from_employees"}
		for doctype in ("Complaint", "Compliment", "Workshop")
	},
	"ToDo": {
		"validate": "complaints_hc.security.route_closures.refuse_assignment_outside",
		"after_insert": "complaints_hc.complaints.allocation.allocate_from_assignment",
	},
	"File": {
		"before_insert": [
			"complaints_hc.security.route_closures.refuse_borrowed_private_file",
			"complaints_hc.security.route_closures.make_attachment_private",
		],
		# The outcome letter as sent stays as it was sent (complaints/letters.py).
		"before_validate": "complaints_hc.complaints.letters.refuse_changing_sent_letter",
		"on_trash": "complaints_hc.complaints.letters.refuse_deleting_sent_letter",
	},
}
override_whitelisted_methods = {
	"frappe.client.get_count": "complaints_hc.security.route_closures.get_count",
	"frappe.model.workflow.bulk_workflow_approval": "complaints_hc.security.route_closures.bulk_workflow_approval",
	"frappe.desk.desktop.get_desktop_page": "complaints_hc.security.route_closures.get_desktop_page",
	"frappe.desk.search.search_link": "complaints_hc.security.route_closures.search_link",
	"frappe.desk.search.search_widget": "complaints_hc.security.route_closures.search_widget",
	"frappe.desk.listview.get_group_by_count": "complaints_hc.security.route_closures.get_group_by_count",
	"frappe.desk.search.get_link_title": "complaints_hc.security.route_closures.get_link_title",
	"frappe.desk.form.linked_with.get": "complaints_hc.security.route_closures.get_linked_docs",
	"frappe.desk.form.document_follow.follow_document": "complaints_hc.security.route_closures.follow_document",
	"frappe.desk.form.document_follow.update_follow": "complaints_hc.security.route_closures.update_follow",
	"frappe.desk.doctype.tag.tag.get_tagged_docs": "complaints_hc.security.route_closures.get_tagged_docs",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "complaints_hc.security.route_closures.get_dashboard_chart",
	"frappe.core.doctype.communication.email.make": "complaints_hc.security.route_closures.make_communication",
	# Reports and Number Cards read from the read replica, when there is one (replica.py), each
	# prepared result its asker's own (security/prepared_reports.py, called by replica.py).
	"frappe.desk.query_report.run": "complaints_hc.replica.run_report",
	"frappe.desk.query_report.export_query": "complaints_hc.replica.export_report",
	"frappe.desk.doctype.number_card.number_card.get_result": "complaints_hc.replica.get_number_card_result",
	"frappe.desk.doctype.number_card.number_card.get_percentage_difference": "complaints_hc.replica.get_number_card_difference",
	"frappe.core.doctype.prepared_report.prepared_report.download_attachment": "complaints_hc.security.prepared_reports.download_attachment",
}
# Notifications the council adds never reach someone who may not see the document (notifications.py).
override_doctype_class = {
	"Notification": "complaints_hc.security.notifications.GuardedNotification",
	# The complaints mailbox: Frappe's Email Account, reading mail for Complaint (complaints/mailbox.py).
	"Email Account": "complaints_hc.complaints.mailbox.ComplaintsEmailAccount",
	# A prepared complaint report is made in the long queue as its owner (security/prepared_reports.py).
	"Prepared Report": "complaints_hc.security.prepared_reports.OwnPreparedReport",
	# A report that stops on an error is not switched to a prepared report (operations/reports.py).
	"Report": "complaints_hc.operations.reports.ReportKeptLiveOnError",
}

# Every look at complaint data goes on record (security/access_log.py), on the primary: after the request,
# Frappe has switched back from any read replica.
after_request = ["complaints_hc.security.access_log.record_request"]
# A read replica that does not answer is left out until it does (replica.py).
before_request = ["complaints_hc.replica.fall_back_when_down"]
before_job = ["complaints_hc.replica.fall_back_when_down"]

standard_queries = {
	"Complaint": "complaints_hc.security.route_closures.protected_link_search",
	"Complaint Action": "complaints_hc.security.route_closures.protected_link_search",
}

# Long work runs in the long queue's workers (background.py): the anonymisation job among it.
scheduler_events = {
	"daily_long": ["complaints_hc.data_protection.jobs.anonymise_due_records"],
	"daily": [
		"complaints_hc.complaints.daily_jobs.refresh_complaint_timeliness",
		"complaints_hc.complaints.daily_jobs.refresh_stage_2_timeliness",
		"complaints_hc.complaints.daily_jobs.refresh_stage_3_timeliness",
		"complaints_hc.complaints.daily_jobs.refresh_overdue_actions",
	],
	"cron": {
		# before the working day starts
		"0 8 * * *": [
			"complaints_hc.workshops.mail.send_reminders",
			"complaints_hc.complaints.allocation.allocate_waiting_complaints",
			"complaints_hc.complaints.daily_jobs.raise_early_clock_alerts",
		],
		# the whole site, encrypted, after midnight's retention job (the council may change when)
		"30 1 * * *": ["complaints_hc.operations.backups.run_scheduled_backup"],
	},
}

# What Frappe's "download my personal data" gives a staff member about themselves as a user. Never the
# complaints naming them (Complaint Subject): those go through a subject access request, redacted.
user_data_fields = [
	{"doctype": "Workshop Booking", "filter_by": "attendee"},
	{"doctype": "Compliment Staff", "filter_by": "user"},
	{"doctype": "Service Team Member", "filter_by": "user"},
	{"doctype": "Complaint Access Log", "filter_by": "user"},
]

# A workshop's own page: /workshops/<name> (www/workshops/workshop.py); a bulletin's likewise.
website_route_rules = [
	{"from_route": "/workshops/<workshop>", "to_route": "workshops/workshop"},
	{"from_route": "/bulletins/<bulletin>", "to_route": "bulletins/bulletin"},
]

standard_portal_menu_items = [
	{"title": "Workshops", "route": "/workshops", "reference_doctype": "Workshop"},
	{"title": "My Bookings", "route": "/my-bookings", "reference_doctype": "Workshop Booking"},
	{"title": "My Compliments", "route": "/my-compliments", "reference_doctype": "Compliment"},
	{"title": "Learning Bulletins", "route": "/bulletins", "reference_doctype": "Learning Bulletin"},
]
