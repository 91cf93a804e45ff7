"""The seed paper's starting lists, created once when the app is installed and then the council's.

Categories of complaint points, the learning themes of the bulletin and the workshop programme, the
kinds of action that outcomes ask for and the categories of compliments. They are made at install (and
by a one-off patch on sites installed before they shipped), never on migrate: a list the council has
renamed, disabled or pruned stays as the council left it.
"""

import frappe

COMPLAINT_CATEGORIES = (
	"Communication", "Assessment", "Delay", "Staff conduct", "Decision-making", "Care planning",
	"Contact arrangements", "Information sharing", "Record keeping", "Financial support",
)  # fmt: skip

# The workshop programme's themes first, then the learning areas of the quarter 1 bulletin.
LEARNING_THEMES = (
	"Voice of the Child and Purposeful Visits", "Engaging Fathers and Men", "Threshold Training",
	"SMART Planning and Safety Plans", "Chronology, Genogram and Case Summaries", "Confirmatory Bias",
	"Professional Curiosity", "Facts and Allegations in Reports", "Responding to Parents' Questions",
	"Clear Language for Children and Families", "Timely Assessments", "Translation and Interpreters",
	"Managerial Oversight", "Belongings for Children in Care", "Multi-Agency Working",
)  # fmt: skip

ACTION_TYPES = (
	"Reflective supervision",
	"Provide meeting minutes",
	"Return belongings",
	"Training",
	"Change of procedure",
	"Apology",
)

COMPLIMENT_CATEGORIES = (
	"Listening and being heard",
	"Reliable and consistent",
	"Clear, honest communication",
	"Child-centred practice",
	"Going the extra mile",
	"Quality of written work",
	"Working with the whole family",
)

# DocType, its name field, the starting list
LISTS = (
	("Complaint Category", "category_name", COMPLAINT_CATEGORIES),
	("Learning Theme", "theme_name", LEARNING_THEMES),
	("Complaint Action Type", "action_type_name", ACTION_TYPES),
	("Compliment Category", "category_name", COMPLIMENT_CATEGORIES),
)


def create_starting_lists():
	"""Create each entry that does not exist yet. Called at install only, so a deletion is respected."""
	for doctype, fieldname, entries in LISTS:
		for entry in entries:
			if not frappe.db.exists(doctype, entry):
				# install-time set-up, not a user's action
				frappe.get_doc({"doctype": doctype, fieldname: entry}).insert(ignore_permissions=True)
