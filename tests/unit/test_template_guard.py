"""Templates the complaints team writes may format and read the service's own records, nothing else."""

import json
import pathlib

import pytest

import complaints_hc
from complaints_hc.security.template_guard import refused_expressions

APP = pathlib.Path(complaints_hc.__file__).parent
OURS = {path.name.replace("_", " ").title() for path in (APP / "complaints_hc" / "doctype").iterdir()}
OURS |= {"Complaints Settings", "Workshop", "Complaint", "Complaint Action"}


def shipped_templates():
	for name in ("notifications.json", "email_templates.json"):
		for record in json.loads((APP / "setup" / "defaults" / name).read_text()):
			for field in ("subject", "message", "response", "response_html"):
				if record.get(field):
					yield f"{record['name']}.{field}", record[field]
	for path in (APP / "complaints_hc" / "print_format").glob("*/*.json"):
		yield path.stem, json.loads(path.read_text())["html"]


def test_every_template_the_app_ships_passes():
	for label, source in shipped_templates():
		assert refused_expressions(source, OURS) == [], label


@pytest.mark.parametrize(
	"source, refused",
	[
		("{{ frappe.db.set_value('User', 'a', 'enabled', 0) }}", ["frappe.db.set_value"]),
		("{{ frappe.db.sql('select 1') }}", ["frappe.db.sql"]),
		("{{ frappe.get_doc('User', 'Administrator').api_key }}", ["frappe.get_doc"]),
		("{% set d = frappe.get_list('Salary Slip') %}", ["frappe.get_list"]),
		("{{ frappe.sendmail(recipients=['x@example.org']) }}", ["frappe.sendmail"]),
		("{{ frappe.session.user }}", ["frappe.session", "frappe.session.user"]),
		("{{ frappe.get_list('Complaint Action', filters={'complaint': doc.name}) }}", []),
		("{{ frappe.utils.formatdate(doc.due_date) }} {{ _('Dear {0}').format(doc.complainant_name) }}", []),
	],
)
def test_writes_sql_mail_and_other_records_are_refused(source, refused):
	assert refused_expressions(source, OURS) == refused


def test_a_template_that_does_not_parse_is_refused_with_the_reason():
	assert refused_expressions("{% if %}", OURS)[0].startswith("the template does not parse")
