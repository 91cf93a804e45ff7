"""Over HTTP: a staff member named in a complaint that came by email reaches none of its emails or
their attachments, by any route."""

import frappe
from helpers import TEST_PASSWORD, commit, edit, email_message, make_user, pull_mailbox, put_in_mailbox

from complaints_hc.security import roles


def test_a_staff_subject_of_an_emailed_complaint_gets_nothing_of_it(http, http_cast):
	frappe.set_user("Administrator")
	subject = make_user("mail.subject", roles.COMPLAINTS_OFFICER, roles.QA_OFFICER, password=TEST_PASSWORD)
	sender = f"mail.http.{frappe.generate_hash(length=8)}@family.example.org"
	mail = email_message(sender, "About the reviewing officer", "The reviewing officer did not listen to us.")
	mail.add_attachment(
		b"%PDF-1.4 our notes", maintype="application", subtype="pdf", filename="our notes.pdf"
	)
	put_in_mailbox(mail)
	pull_mailbox()
	complaint = frappe.get_doc("Complaint", {"complainant_email": sender})
	# the team completes the details, naming the member of staff complained about
	edit(complaint, http_cast.officer, relationship_to_child="Parent",
		subjects=[{"user": subject, "role_in_case": "Reviewing officer"}])  # fmt: skip
	commit()
	communication = frappe.get_all("Communication", {"reference_name": complaint.name}, pluck="name")[0]
	attachment = frappe.get_all("File", {"attached_to_name": communication}, ["name", "file_url"])[0]

	session = http(subject)
	for route in (f"/api/resource/Communication/{communication}", f"/api/resource/Complaint/{complaint.name}",
		f"/api/resource/File/{attachment.name}", attachment.file_url):  # fmt: skip
		response = session.get(route)
		assert response.status_code in (403, 404), (route, response.status_code)
		assert "did not listen" not in response.text
	listed = session.get("/api/resource/Communication", params={"fields": '["name","content"]',
		"filters": f'[["reference_name","=","{complaint.name}"]]'})  # fmt: skip
	assert listed.status_code in (200, 403)
	assert "did not listen" not in listed.text and communication not in listed.text
