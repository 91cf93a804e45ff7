"""The fixed names complaint handling keys on: one home, imported by controllers, jobs and reports.

Workflow states are the council's to rename; these lifecycle statuses are what each state maps to.
"""

# Complaint lifecycle statuses (Complaint.status).
RECEIVED, ALLOCATED, IN_PROGRESS = "Received", "Allocated", "In Progress"
QUALITY_ASSURANCE, APPROVED, RESPONDED = "Quality Assurance", "Approved", "Responded"
CLOSED, WITHDRAWN, ESCALATED = "Closed", "Withdrawn", "Escalated"
LIFECYCLE = (
	RECEIVED,
	ALLOCATED,
	IN_PROGRESS,
	QUALITY_ASSURANCE,
	APPROVED,
	RESPONDED,
	CLOSED,
	WITHDRAWN,
	ESCALATED,
)
OPEN = (RECEIVED, ALLOCATED, IN_PROGRESS, QUALITY_ASSURANCE, APPROVED)
BEFORE_INVESTIGATION = (RECEIVED, ALLOCATED)
NOT_YET_INVESTIGATING = (RECEIVED, ALLOCATED, WITHDRAWN)
ANSWERED = (RESPONDED, CLOSED, ESCALATED)
BEFORE_QUALITY_ASSURANCE = (ALLOCATED, IN_PROGRESS)
# From quality assurance's approval on, what QA signed off is the record: it changes only by going
# back to drafting (the workflow's return action) and through QA again.
APPROVED_RECORD = (APPROVED, RESPONDED, CLOSED, ESCALATED)

# Stages (Complaint.stage).
STAGE_1, STAGE_2, STAGE_3, OMBUDSMAN = "Stage 1", "Stage 2", "Stage 3", "Ombudsman"
# The two procedures a complaint may follow; their clocks, letters and figures are kept apart.
STATUTORY, CORPORATE = "Statutory (Children Act 1989)", "Corporate"
STAGES = (STAGE_1, STAGE_2, STAGE_3, OMBUDSMAN)

# Mediation lifecycle statuses (Mediation.status).
MEDIATION_REQUESTED, MEDIATION_ARRANGED = "Requested", "Arranged"
MEDIATION_RESOLVED, MEDIATION_NOT_RESOLVED, MEDIATION_WITHDRAWN = "Resolved", "Not Resolved", "Withdrawn"
MEDIATION_LIFECYCLE = (
	MEDIATION_REQUESTED,
	MEDIATION_ARRANGED,
	MEDIATION_RESOLVED,
	MEDIATION_NOT_RESOLVED,
	MEDIATION_WITHDRAWN,
)
MEDIATION_FINAL = (MEDIATION_RESOLVED, MEDIATION_NOT_RESOLVED, MEDIATION_WITHDRAWN)
MEDIATION_OPEN = (MEDIATION_REQUESTED, MEDIATION_ARRANGED)

# Stage 2 investigation lifecycle statuses (Stage 2 Investigation.status).
S2_REQUESTED, S2_INVESTIGATING, S2_ADJUDICATION = "Requested", "Investigating", "Adjudication"
S2_ADJUDICATED, S2_RESPONDED, S2_CLOSED, S2_WITHDRAWN = "Adjudicated", "Responded", "Closed", "Withdrawn"
STAGE2_LIFECYCLE = (
	S2_REQUESTED,
	S2_INVESTIGATING,
	S2_ADJUDICATION,
	S2_ADJUDICATED,
	S2_RESPONDED,
	S2_CLOSED,
	S2_WITHDRAWN,
)
STAGE2_FINAL = (S2_CLOSED, S2_WITHDRAWN)
STAGE2_AWAITING_RESPONSE = (S2_REQUESTED, S2_INVESTIGATING, S2_ADJUDICATION, S2_ADJUDICATED)
# From the adjudication on, what was investigated and decided is the record.
STAGE2_DECIDED = (S2_ADJUDICATED, S2_RESPONDED, S2_CLOSED)
# Stage 3 review panel lifecycle statuses (Stage 3 Review Panel.status).
S3_REQUESTED, S3_CONVENED, S3_MET, S3_REPORTED = "Requested", "Convened", "Met", "Reported"
S3_RESPONDED, S3_CLOSED, S3_WITHDRAWN = "Responded", "Closed", "Withdrawn"
STAGE3_LIFECYCLE = (S3_REQUESTED, S3_CONVENED, S3_MET, S3_REPORTED, S3_RESPONDED, S3_CLOSED, S3_WITHDRAWN)
STAGE3_FINAL = (S3_CLOSED, S3_WITHDRAWN)
STAGE3_AWAITING_RESPONSE = (S3_REQUESTED, S3_CONVENED, S3_MET, S3_REPORTED)
# A stage's response has gone out (the next stage may be asked for).
STAGE_ANSWERED = ("Responded", "Closed")

# Ombudsman enquiry lifecycle statuses (Ombudsman Enquiry.status).
OMBUDSMAN_ENQUIRY, OMBUDSMAN_DRAFT = "Enquiry", "Draft Decision"
OMBUDSMAN_FINAL, OMBUDSMAN_CLOSED = "Final Decision", "Closed"
OMBUDSMAN_LIFECYCLE = (OMBUDSMAN_ENQUIRY, OMBUDSMAN_DRAFT, OMBUDSMAN_FINAL, OMBUDSMAN_CLOSED)

# People a stage appoints (Stage Person.role_in_stage).
INVESTIGATING_OFFICER, INDEPENDENT_PERSON = "Investigating Officer", "Independent Person"

# Outcomes of a point, and so of a complaint (Complaint Point.outcome, Complaint.overall_outcome).
UPHELD, PARTIALLY_UPHELD, NOT_UPHELD = "Upheld", "Partially upheld", "Not upheld"
NOT_INVESTIGATED, OUTCOME_WITHDRAWN = "Not investigated", "Withdrawn"
DECIDED_OUTCOMES = (UPHELD, PARTIALLY_UPHELD, NOT_UPHELD)
OUTCOMES = (*DECIDED_OUTCOMES, NOT_INVESTIGATED, OUTCOME_WITHDRAWN)

# Timeliness (Complaint.rag_status, Complaint.timescale_met).
MET, MISSED = "Met", "Missed"
ON_TRACK, DUE_SOON, OVERDUE = "On track", "Due soon", "Overdue"

# A quality assurance decision (Complaint Approval.decision).
DECISION_APPROVED, DECISION_RETURNED = "Approved", "Returned for changes"

# Who is complaining (Complaint.relationship_to_child): a child brings the safeguards with it.
CHILD = "Child or young person"

# Complaint Action lifecycle statuses (Complaint Action.status).
ACTION_OPEN, ACTION_IN_PROGRESS, ACTION_COMPLETED, ACTION_VERIFIED = (
	"Open",
	"In Progress",
	"Completed",
	"Verified",
)
ACTION_LIFECYCLE = (ACTION_OPEN, ACTION_IN_PROGRESS, ACTION_COMPLETED, ACTION_VERIFIED)
ACTION_STILL_OPEN = (ACTION_OPEN, ACTION_IN_PROGRESS)
ACTION_DONE = (ACTION_COMPLETED, ACTION_VERIFIED)
