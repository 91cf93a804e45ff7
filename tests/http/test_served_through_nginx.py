"""Over HTTPS through nginx, with the bench run as in production (scripts/production-stack): the portal,
the desk's data as a real member of staff, private files through Frappe's permission check, and the
static assets nginx serves from disk."""

import re

import frappe
import pytest
import requests
from helpers import TEST_PASSWORD, SiteSession, commit, make_category, make_complaint, private_file


def through_nginx(stack, email: str | None = None) -> SiteSession:
	"""A session that names the site only by the URL's host, as a browser does; nginx passes it on."""
	session = SiteSession(stack.url, "")
	del session.headers["X-Frappe-Site-Name"]
	session.verify = str(stack.certificate)  # the self-signed certificate is checked, not ignored
	session.trust_env = False  # else a REQUESTS_CA_BUNDLE in the environment replaces that certificate
	return session.login(email, TEST_PASSWORD) if email else session


@pytest.fixture(scope="module")
def complaint_with_a_letter(http_cast):
	family = f"Ashworth-Penn-{frappe.generate_hash(length=5)}"
	complaint = make_complaint(http_cast, complainant_name=f"Carla {family}", child_name=f"Reece {family}",
		points=[{"description": "Visits cancelled at short notice", "category": make_category()}])  # fmt: skip
	file_url = private_file(complaint, http_cast.officer, "complaint-letter.pdf")
	commit()
	stored = frappe.get_doc("File", {"file_url": file_url}).get_content()
	return complaint, file_url, stored if isinstance(stored, bytes) else stored.encode()


def test_the_portal_and_assets_are_served_by_nginx_over_https_only(production_stack):
	guest = through_nginx(production_stack)
	portal = guest.get("/make-a-complaint", headers={"Accept": "text/html"})
	assert portal.status_code == 200 and 'for="complaint_details"' in portal.text
	assert portal.headers["Server"] == "nginx"
	assert "max-age=63072000" in portal.headers["Strict-Transport-Security"]

	# Plain HTTP is only a redirect to the same page over HTTPS.
	plain = requests.get(f"{production_stack.http_url}/make-a-complaint", allow_redirects=False, timeout=30)
	assert plain.status_code == 301
	assert plain.headers["Location"] == f"{production_stack.url}/make-a-complaint"

	# A stylesheet the page links is read from the bench's assets folder by nginx, with its long cache.
	stylesheet = re.search(r'href="(/assets/[^"]+\.css)"', portal.text).group(1)
	asset = guest.get(stylesheet, headers={"Accept": "text/css"})
	assert asset.status_code == 200 and asset.headers["Content-Type"] == "text/css"
	assert asset.headers["Cache-Control"] == "max-age=31536000"
	assert f'"GET {stylesheet} HTTP/1.1" 200' in "\n".join(production_stack.requests_logged())


def test_staff_read_what_they_may_and_a_subject_is_refused(
	production_stack, http_cast, complaint_with_a_letter
):
	complaint, file_url, stored = complaint_with_a_letter
	officer = through_nginx(production_stack, http_cast.officer)
	subject = through_nginx(production_stack, http_cast.subject)  # named on it, with QA roles

	read = officer.get(f"/api/resource/Complaint/{complaint.name}")
	assert read.status_code == 200 and read.json()["data"]["child_name"] == complaint.child_name
	session_cookie = next(cookie for cookie in officer.cookies if cookie.name == "sid")
	assert session_cookie.secure  # Frappe knows the request came over HTTPS (nginx's X-Forwarded-Proto)
	letter = officer.get(file_url, headers={"Accept": "*/*"})
	assert letter.status_code == 200 and letter.content == stored
	assert "Last-Modified" in letter.headers  # sent from disk by nginx, after Frappe's X-Accel-Redirect

	refused = {
		"the complaint": subject.get(f"/api/resource/Complaint/{complaint.name}"),
		"its letter": subject.get(file_url, headers={"Accept": "*/*"}),
		"its letter, to a guest": through_nginx(production_stack).get(file_url, headers={"Accept": "*/*"}),
		# nginx's internal location is not reachable from outside
		"the letter by nginx's own path": subject.get(
			file_url.replace("/private/", "/protected/private/", 1)
		),
	}
	for what, response in refused.items():
		assert response.status_code in (403, 404), f"{what}: {response.status_code}"
		assert stored not in response.content and "Reece" not in response.text, what

	logged = "\n".join(production_stack.requests_logged())
	assert f'"GET {file_url} HTTP/1.1" 200' in logged and f'"GET {file_url} HTTP/1.1" 403' in logged
