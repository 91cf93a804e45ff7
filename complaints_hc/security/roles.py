"""The roles this app ships. One list, used by hooks (fixtures), install and tests."""

COMPLAINTS_OFFICER = "Complaints Officer"
COMPLAINTS_MANAGER = "Complaints Manager"
QA_SERVICE_MANAGER = "QA Service Manager"
QA_OFFICER = "QA Officer"
QA_APPROVER = "QA Approver"
TEAM_MANAGER = "Team Manager"
WORKSHOP_FACILITATOR = "Workshop Facilitator"
WORKSHOP_BOOKER = "Workshop Booker"
# Retention settings and runs, and the review and release of subject access exports; no complaint.
INFORMATION_GOVERNANCE_OFFICER = "Information Governance Officer"

# Roles that work in the desk.
DESK_ROLES = (
	COMPLAINTS_OFFICER,
	COMPLAINTS_MANAGER,
	QA_SERVICE_MANAGER,
	QA_OFFICER,
	QA_APPROVER,
	TEAM_MANAGER,
	WORKSHOP_FACILITATOR,
	INFORMATION_GOVERNANCE_OFFICER,
)

# Staff who only book workshops use the web portal, never the desk.
PORTAL_ROLES = (WORKSHOP_BOOKER,)

ALL_ROLES = DESK_ROLES + PORTAL_ROLES
