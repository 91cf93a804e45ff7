"""Backups that restore with nothing lost, served to the right people only.

The app's own backup job takes an encrypted set of the test site holding every kind of record: a
complaint open at stage 1, one answered at stage 1 and stage 2 with both kept letters (private files), a
private attachment, access log entries, a workshop booking, and the complaints mailbox's password. The
set is copied off the site's folder, as the council copies it off the machine, and bench's own commands
restore it, with nothing but the set and the key, into a brand-new site (docs/notes-backups.md). That
site is then compared with the test site table by table, row by row, and file by file; and over HTTP
the complaint's team reads the complaint and its letters there, while the staff subject named in it and
a guest get nothing.

The test site itself is not dropped: every other test of the run uses it. A new site starts from
nothing but the set and the key, as it would on a new machine after the old one was lost, which is what
dropping the site and restoring it would prove. The new site, its database and its archived folder are
removed at the end, whatever happened.
"""

import hashlib
import json
import os
import pathlib
import shutil
import subprocess
from types import SimpleNamespace

import frappe
import pymysql
import pytest
from helpers import (
	TEST_PASSWORD,
	SiteSession,
	answered_at_stage_2,
	as_user,
	bench,
	commit,
	ensure_mailbox_account,
	make_complaint,
	make_user,
	make_workshop,
	on,
	private_file,
	require_env,
	served_site,
)

from complaints_hc.operations import backups
from complaints_hc.security import roles
from complaints_hc.workshops import booking

GETDOC = "/api/method/frappe.desk.form.load.getdoc"
JOB = "complaints_hc.operations.backups"
# Rows that differ after a restore by design: bench's restore switches the new site's scheduler off (so
# that a copy never runs the council's jobs twice), which writes these two System Settings values.
SET_BY_THE_RESTORE = {("System Settings", "enable_scheduler"), ("System Settings", "modified")}


def site_connection(site: str):
	"""A connection to the site's own database, as the site's own database user."""
	config = json.loads((pathlib.Path(require_env("SITES_PATH")) / site / "site_config.json").read_text())
	return pymysql.connect(host=frappe.conf.db_host or "127.0.0.1", port=int(frappe.conf.db_port or 3306),
		user=config["db_name"], password=config["db_password"], database=config["db_name"], charset="utf8mb4")  # fmt: skip


def table_digests(site: str) -> dict[str, tuple[int, str]]:
	"""For every table of the site's database: how many rows, and a hash over all of them (in any order)."""
	digests = {}
	connection = site_connection(site)
	try:
		with connection.cursor() as cursor:
			cursor.execute("select table_name from information_schema.tables "
				"where table_schema = database() and table_type = 'BASE TABLE'")  # fmt: skip
			for (table,) in cursor.fetchall():
				cursor.execute(f"select * from `{table}`")
				rows = cursor.fetchall()
				if table == "tabSingles":
					rows = [row for row in rows if (row[0], row[1]) not in SET_BY_THE_RESTORE]
				row_hashes = sorted(hashlib.sha256(repr(row).encode()).hexdigest() for row in rows)
				digests[table] = (len(rows), hashlib.sha256("".join(row_hashes).encode()).hexdigest())
	finally:
		connection.close()
	return digests


def value_in(site: str, query: str, *params):
	connection = site_connection(site)
	try:
		with connection.cursor() as cursor:
			cursor.execute(query, params)
			return cursor.fetchone()[0]
	finally:
		connection.close()


def file_hashes(site: str) -> dict[str, str]:
	"""sha256 of every file under the site's public/files and private/files, by path in the site."""
	root = pathlib.Path(require_env("SITES_PATH")) / site
	return {
		str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
		for folder in ("public/files", "private/files")
		for path in sorted((root / folder).rglob("*"))
		if path.is_file()
	}


def on_disk(site: str, file_url: str) -> bytes:
	return (pathlib.Path(require_env("SITES_PATH")) / site / file_url.lstrip("/")).read_bytes()


def gpg_decrypt(path: pathlib.Path, key: str) -> subprocess.CompletedProcess:
	return subprocess.run(
		["gpg", "--batch", "--quiet", "--pinentry-mode", "loopback", "--passphrase-fd", "0", "--decrypt", str(path)],
		input=key.encode(), capture_output=True,
	)  # fmt: skip


@pytest.fixture(scope="module")
def every_kind(http_cast):
	"""Records of every kind, made by the people whose work they are, and committed."""
	cast = http_cast
	family = f"Okonkwo-Hale-{frappe.generate_hash(length=5)}"
	open_complaint = make_complaint(cast, complainant_name=f"Grace {family}", child_name=f"Tobi {family}")
	attachment = private_file(open_complaint, cast.officer, "family-letter.pdf")
	answered = answered_at_stage_2(cast)
	stage_2 = frappe.get_doc("Stage 2 Investigation", {"complaint": answered.name})
	booker = make_user("backup.booker", roles.WORKSHOP_BOOKER, password=TEST_PASSWORD)
	# in a month no other test reports on: this booking is committed, and stays on the test site
	workshop = make_workshop(
		workshop_date="2025-01-15", booking_opens_on="2024-12-01", booking_closes_on="2025-01-14"
	)
	with on("2024-12-10"), as_user(booker):
		booking_name = booking.book(workshop.name, booker)
	mailbox = ensure_mailbox_account()  # a Password field: readable only with the site's encryption key
	commit()

	# Looks on record: the officer opens the complaint and its attachment; the subject is refused both.
	base_url, test_site = served_site()
	for user in (cast.officer, cast.subject):
		with SiteSession(base_url, test_site).login(user) as session:
			session.get(GETDOC, params={"doctype": "Complaint", "name": open_complaint.name})
			session.get(attachment, headers={"Accept": "*/*"})
	frappe.db.rollback()  # a fresh snapshot: the served site wrote the log
	looks = frappe.db.count("Complaint Access Log", {"complaint": open_complaint.name})
	assert looks >= 2, "the looks were not logged"
	return SimpleNamespace(open_complaint=open_complaint, attachment=attachment, answered=answered,
		stage_2=stage_2, booking=booking_name, looks=looks, mailbox=mailbox, family=family)  # fmt: skip


@pytest.fixture(scope="module")
def backup_set(every_kind, tmp_path_factory):
	"""The scheduled job's work, run as the long queue's worker runs it (a bench process in the sites
	folder), and the set copied off the site's folder."""
	_base_url, test_site = served_site()
	folder = pathlib.Path(
		json.loads(bench("--site", test_site, "execute", f"{JOB}.take_and_prune").splitlines()[-1])
	)
	off_the_machine = tmp_path_factory.mktemp("off-the-machine")
	try:
		for path in backups.set_files(folder).values():
			shutil.copy2(path, off_the_machine / path.name)
		yield SimpleNamespace(folder=folder, copy=backups.set_files(off_the_machine))
	finally:
		shutil.rmtree(folder, ignore_errors=True)  # the test site as it was
		shutil.rmtree(off_the_machine, ignore_errors=True)


def kept_key(site: str) -> str:
	"""The backup key, from the site's configuration: the copy the council keeps away from the machine."""
	config = pathlib.Path(require_env("SITES_PATH")) / site / "site_config.json"
	return json.loads(config.read_text())["backup_encryption_key"]


@pytest.fixture(scope="module")
def restored(backup_set, tmp_path_factory):
	"""The set restored into a new site by bench's commands, as docs/notes-backups.md says; both sites'
	tables and files read at once, before anything is asked of the new one."""
	_base_url, test_site = served_site()
	new_site = f"restored-{frappe.generate_hash(length=6)}.localhost"
	root = ("--db-root-username", "root", "--db-root-password", require_env("COMPLAINTS_DB_ROOT_PASSWORD"))
	key = kept_key(test_site)
	files = backup_set.copy
	try:
		bench("new-site", new_site, *root, "--admin-password", frappe.generate_hash(length=16))
		bench("--site", new_site, "restore", str(files["database"]),
			"--with-public-files", str(files["public"]), "--with-private-files", str(files["private"]),
			"--encryption-key", key, *root)  # fmt: skip
		config = gpg_decrypt(files["config"], key)
		assert config.returncode == 0, config.stderr.decode()
		bench("--site", new_site, "set-config", "--parse", "mute_emails", "1")
		bench("--site", new_site, "set-config", "backup_encryption_key", key)  # its backups: the same key
		if encryption_key := json.loads(config.stdout).get("encryption_key"):
			bench("--site", new_site, "set-config", "encryption_key", encryption_key)
		yield SimpleNamespace(site=new_site, test_site=test_site,
			tables=(table_digests(test_site), table_digests(new_site)),
			files=(file_hashes(test_site), file_hashes(new_site)))  # fmt: skip
	finally:
		if (pathlib.Path(require_env("SITES_PATH")) / new_site).exists():
			archive = tmp_path_factory.mktemp("dropped-sites")
			bench(
				"drop-site", new_site, "--force", "--no-backup", *root, "--archived-sites-path", str(archive)
			)
			shutil.rmtree(archive, ignore_errors=True)  # the archived copy holds the private letters


def test_the_job_takes_a_whole_set_every_file_encrypted(backup_set):
	key = kept_key(served_site()[1])
	assert set(backup_set.copy) == {"database", "public", "private", "config"}
	for kind, path in backup_set.copy.items():
		content = path.read_bytes()
		assert backups.is_encrypted(path), kind
		assert not content.startswith(b"\x1f\x8b"), f"{kind} is readable gzip"
		assert content[257:262] != b"ustar", f"{kind} is a readable tar"
		assert b"db_password" not in content and key.encode() not in content, kind
		described = subprocess.run(["file", "--brief", str(path)], capture_output=True, text=True).stdout
		assert described.startswith("GPG symmetrically encrypted data"), f"{kind}: {described}"
		assert gpg_decrypt(path, "not-the-council-key").returncode != 0, f"{kind} opened with a wrong key"
		assert gpg_decrypt(path, key).returncode == 0, f"{kind} does not open with the key"


def test_every_record_is_the_same_after_the_restore(every_kind, restored):
	kept, came_back = restored.tables
	assert sorted(came_back) == sorted(kept)
	differ = {table: (kept[table], came_back[table]) for table in kept if kept[table] != came_back[table]}
	assert not differ, f"tables that differ after the restore: {differ}"

	# and this test's own records are among them
	site = restored.site
	for doctype, name in [("Complaint", every_kind.open_complaint.name), ("Complaint", every_kind.answered.name),
			("Stage 2 Investigation", every_kind.stage_2.name), ("Workshop Booking", every_kind.booking)]:  # fmt: skip
		assert value_in(site, f"select count(*) from `tab{doctype}` where name = %s", name) == 1, name
	complaint = every_kind.open_complaint.name
	assert value_in(site, "select count(*) from `tabComplaint Access Log` where complaint = %s", complaint) == every_kind.looks  # fmt: skip
	assert value_in(site, "select workflow_state from tabComplaint where name = %s", complaint) == every_kind.open_complaint.workflow_state  # fmt: skip


def test_every_file_is_the_same_after_the_restore(every_kind, restored):
	kept, came_back = restored.files
	assert came_back == kept
	for url in (every_kind.attachment, every_kind.answered.sent_letter, every_kind.stage_2.sent_letter):
		assert url.startswith("/private/files/") and url.lstrip("/") in kept, url


def test_the_restored_site_reads_the_councils_secrets_with_the_kept_configuration(every_kind, restored):
	"""Passwords the site stores (the mailbox's) open on the new site: its configuration came back too."""
	out = bench("--site", restored.site, "execute", "frappe.utils.password.get_decrypted_password",
		"--args", json.dumps(["Email Account", every_kind.mailbox, "password"]))  # fmt: skip
	assert json.loads(out.strip().splitlines()[-1]) == require_env("COMPLAINTS_MAILBOX_PASSWORD")


def test_the_restored_site_serves_the_complaint_to_its_team_only(http_cast, every_kind, restored):
	base_url, _ = served_site()
	answered, stage_2 = every_kind.answered, every_kind.stage_2
	letters = {
		every_kind.attachment: hashlib.sha256(on_disk(restored.test_site, every_kind.attachment)).hexdigest(),
		answered.sent_letter: answered.sent_letter_sha256,
		stage_2.sent_letter: stage_2.sent_letter_sha256,
	}
	complaints = (every_kind.open_complaint.name, answered.name)

	with SiteSession(base_url, restored.site).login(http_cast.officer) as officer:
		for name in complaints:
			opened = officer.get(GETDOC, params={"doctype": "Complaint", "name": name})
			assert opened.status_code == 200, f"{name}: {opened.status_code} {opened.text[:200]}"
		assert f"Tobi {every_kind.family}" in officer.get(
			f"/api/resource/Complaint/{every_kind.open_complaint.name}").text  # fmt: skip
		for url, sha256 in letters.items():
			download = officer.get(url, headers={"Accept": "*/*"})
			assert download.status_code == 200, f"{url}: {download.status_code}"
			assert hashlib.sha256(download.content).hexdigest() == sha256, url

	with SiteSession(base_url, restored.site).login(http_cast.subject) as subject:
		for name in complaints:
			for response in (subject.get(GETDOC, params={"doctype": "Complaint", "name": name}),
					subject.get(f"/api/resource/Complaint/{name}")):  # fmt: skip
				assert response.status_code == 403, f"{name}: {response.status_code}"
				assert every_kind.family not in response.text and "Pritchard" not in response.text
		for url in letters:
			download = subject.get(url, headers={"Accept": "*/*"})
			assert download.status_code == 403 and not download.content.startswith(b"%PDF"), url

	with SiteSession(base_url, restored.site) as guest:
		for name in complaints:
			for response in (guest.get(GETDOC, params={"doctype": "Complaint", "name": name}),
					guest.get(f"/api/resource/Complaint/{name}")):  # fmt: skip
				assert response.status_code in (403, 404), f"{name}: {response.status_code}"
				assert every_kind.family not in response.text and "Pritchard" not in response.text
		for url in letters:
			download = guest.get(url, headers={"Accept": "*/*"})
			assert download.status_code in (403, 404) and not download.content.startswith(b"%PDF"), url


def test_only_a_system_manager_reaches_the_backups_or_their_key(http_cast, backup_set):
	"""The sets and the key are Frappe's System Manager's alone: not the Complaints Manager's, nobody
	else's, and never a guest's."""
	base_url, test_site = served_site()
	database = backup_set.folder / next(p.name for p in backup_set.copy.values() if "database" in p.name)
	download = "/backups/" + str(database.relative_to(backups.sets_folder().parent))
	for user in (http_cast.manager, http_cast.officer, None):
		session = SiteSession(base_url, test_site)
		with session.login(user) if user else session:
			assert session.get(download, headers={"Accept": "*/*"}).status_code == 403, user
			key = session.get("/api/method/frappe.utils.backups.get_backup_encryption_key")
			assert key.status_code == 403 and kept_key(test_site) not in key.text, user
			settings = session.get("/api/resource/System Settings/System Settings")
			assert settings.status_code == 403, user
	assert os.path.exists(database)  # the refusals were about a set that is there
