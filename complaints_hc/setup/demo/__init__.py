"""Demo data for a council's complaints service: create-if-missing, so running it twice is harmless.

Every person, family and complaint here is invented.
"""

import frappe

from complaints_hc.security import roles

DEMO_PASSWORD = "Demo-Complaints-2026"

# (email, first name, last name, roles)
DEMO_USERS = (
	("amira.khan@demo.example.org", "Amira", "Khan", (roles.COMPLAINTS_OFFICER,)),
	("david.price@demo.example.org", "David", "Price", (roles.COMPLAINTS_MANAGER,)),
	("helen.morgan@demo.example.org", "Helen", "Morgan", (roles.QA_SERVICE_MANAGER,)),
	("sian.roberts@demo.example.org", "Sian", "Roberts", (roles.QA_OFFICER, roles.WORKSHOP_FACILITATOR)),
	("tom.hughes@demo.example.org", "Tom", "Hughes", (roles.QA_OFFICER, roles.WORKSHOP_FACILITATOR)),
	("rachel.evans@demo.example.org", "Rachel", "Evans", (roles.QA_APPROVER,)),
	("mark.bennett@demo.example.org", "Mark", "Bennett", (roles.TEAM_MANAGER,)),
	("laura.hayes@demo.example.org", "Laura", "Hayes", (roles.TEAM_MANAGER,)),
	("gareth.lloyd@demo.example.org", "Gareth", "Lloyd", (roles.TEAM_MANAGER,)),
	("priya.shah@demo.example.org", "Priya", "Shah", (roles.WORKSHOP_BOOKER,)),
	("owen.jones@demo.example.org", "Owen", "Jones", (roles.WORKSHOP_BOOKER,)),
	("ellie.marsh@demo.example.org", "Ellie", "Marsh", (roles.WORKSHOP_BOOKER,)),
	("ben.carter@demo.example.org", "Ben", "Carter", (roles.WORKSHOP_BOOKER,)),
	("nadia.ross@demo.example.org", "Nadia", "Ross", (roles.INFORMATION_GOVERNANCE_OFFICER,)),
)


def make_demo_data():
	from complaints_hc.setup.install import ensure_loopback_email_account

	ensure_loopback_email_account("complaints@demo.example.org", 1025)
	make_demo_users()
	from complaints_hc.setup.demo.complaints import make_demo_complaints
	from complaints_hc.setup.demo.data_protection import make_demo_data_protection
	from complaints_hc.setup.demo.learning import make_demo_learning
	from complaints_hc.setup.demo.workshops import make_demo_workshops

	make_demo_complaints()
	make_demo_learning()
	make_demo_workshops()
	make_demo_data_protection()
	frappe.db.commit()  # nosemgrep: called from `bench execute`, which does not commit for us


def make_demo_users():
	for email, first_name, last_name, user_roles in DEMO_USERS:
		ensure_user(email, first_name, last_name, user_roles, DEMO_PASSWORD)


def ensure_user(email, first_name, last_name, user_roles, password=None):
	"""Create the user with these roles if missing; add any missing role if present."""
	from frappe.utils.password import update_password

	if frappe.db.exists("User", email):
		user = frappe.get_doc("User", email)
	else:
		user = frappe.new_doc("User")
		user.update({"email": email, "first_name": first_name, "last_name": last_name})
		user.flags.no_welcome_mail = True
		user.send_welcome_email = 0
	missing = [role for role in user_roles if role not in {r.role for r in user.roles}]
	if missing or user.is_new():
		user.append_roles(*missing)
		user.save(ignore_permissions=True)  # set-up code run by bench, not by a user
	if password:
		update_password(email, password)
	return user


def print_logins():
	width = max(len(email) for email, *_ in DEMO_USERS)
	print(f"  {'login'.ljust(width)}  roles")
	for email, _first, _last, user_roles in DEMO_USERS:
		print(f"  {email.ljust(width)}  {', '.join(user_roles)}")
	print(f"  password for every demo login: {DEMO_PASSWORD}")
