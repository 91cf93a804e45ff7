"""The site's backups: whole, encrypted, taken on the council's schedule and kept as many as it says.

A backup *set* is one folder under the site's `private/backups/scheduled/`, named by when it was taken
(`YYYYMMDD_HHMMSS`), holding everything a restore needs: the database, the public files, the private
files (letters, agreements, attachments) and the site's configuration, each encrypted with gpg using the
site's backup encryption key (`backup_encryption_key` in site_config.json). A set cannot be restored
without that key, so the council keeps a copy of it away from this machine (docs/notes-backups.md).

Frappe's backup encrypts the first three only when System Settings "Encrypt Backups" is on, and leaves
the copy of the configuration readable although it carries the database password and the key to every
Password field; the set's copy is encrypted here too. Frappe's daily clean-up of `private/backups` removes
only old database files, and its `new_backup` deletes everything there older than a day, so the sets
live in a folder of their own (neither looks into folders) and are pruned here, whole.

The council changes:
- how often: the Scheduled Job Type "backups.run_scheduled_backup" in the desk (its Frequency, or a
  Cron Format); kept over a migrate, which would otherwise put the shipped schedule back;
- how many sets are kept: System Settings, "Number of Backups" (`backup_limit`).
"""

import os
import pathlib
import re
import shutil
import subprocess

import frappe
from frappe import _
from frappe.utils import cint, now_datetime
from frappe.utils.backups import BackupGenerator, get_backup_path, get_or_generate_backup_encryption_key

SCHEDULED_JOB = "complaints_hc.operations.backups.run_scheduled_backup"
SETS_FOLDER = "scheduled"
SET_NAME = re.compile(r"^\d{8}_\d{6}$")
DEFAULT_SETS_KEPT = 7  # a week of daily sets, until the council says otherwise
# A backup of a site with years of letters outlasts the default queue's five minutes.
BACKUP_TIMEOUT_SECONDS = 4 * 60 * 60
# What gpg's symmetric encryption writes first: a symmetric-key session packet (old and new formats).
GPG_SYMMETRIC_PACKET_TAGS = (b"\x8c", b"\xc3")


class BackupNotEncrypted(frappe.ValidationError):
	pass


def run_scheduled_backup():
	"""The scheduled job. It queues the backup itself on the long queue, whatever frequency the council
	picks (Frappe runs Cron and short frequencies on the default queue, which would cut a backup short)."""
	frappe.enqueue(
		"complaints_hc.operations.backups.take_and_prune",
		queue="long",
		timeout=BACKUP_TIMEOUT_SECONDS,
		job_id="complaints-hc-backup",
		deduplicate=True,
	)


def take_and_prune() -> str:
	"""Take a new set, then keep only the newest sets the council asked for (this one among them).
	Returns the new set's folder."""
	folder = take_backup_set()
	prune_backup_sets(sets_to_keep())
	return str(folder)


def take_backup_set() -> pathlib.Path:
	"""One encrypted set of the whole site, in a new folder; nothing is left behind if any step fails."""
	if not frappe.get_system_settings("encrypt_backup"):
		frappe.throw(
			_("Backups are taken encrypted only: switch on Encrypt Backups in System Settings."),
			BackupNotEncrypted,
		)
	if os.path.isabs(frappe.get_site_path()):
		# Frappe archives the files under the site's path as given, and its restore unpacks them by
		# dropping the first two folders (`./<site>/`): only a relative path restores to the right place.
		frappe.throw(_("Take backups from the bench's sites folder, as bench and its workers do."))
	key = get_or_generate_backup_encryption_key()
	folder = sets_folder() / now_datetime().strftime("%Y%m%d_%H%M%S")
	folder.mkdir(mode=0o700, parents=True)  # the bench user's alone, encrypted or not
	try:
		generator = BackupGenerator(
			frappe.conf.db_name,
			frappe.conf.db_name,
			frappe.conf.db_password,
			backup_path=str(folder),
			db_socket=frappe.conf.db_socket,
			db_host=frappe.conf.db_host,
			db_port=frappe.conf.db_port,
			db_type=frappe.conf.db_type,
			ignore_conf=True,  # always the whole database: a partial dump cannot be restored as a site
		)
		generator.get_backup(ignore_files=False, force=True)
		encrypt_in_place(pathlib.Path(generator.backup_path_conf), key)
		for path in set_files(folder).values():
			if not is_encrypted(path):
				frappe.throw(_("Backup file {0} was not encrypted.").format(path.name), BackupNotEncrypted)
	except BaseException:
		shutil.rmtree(folder, ignore_errors=True)
		raise
	return folder


def sets_folder() -> pathlib.Path:
	return pathlib.Path(get_backup_path()).resolve() / SETS_FOLDER


def backup_sets(folder: pathlib.Path | None = None) -> list[pathlib.Path]:
	"""The sets in the site's sets folder (or another), oldest first."""
	folder = folder or sets_folder()
	if not folder.is_dir():
		return []
	return sorted(path for path in folder.iterdir() if path.is_dir() and SET_NAME.match(path.name))


def set_files(folder: pathlib.Path) -> dict[str, pathlib.Path]:
	"""A set's four files by kind: database, public, private, config (Frappe's names for them)."""
	endings = {
		"database": "-database-enc.sql.gz",
		"private": "-private-files-enc.tar",
		"public": "-files-enc.tar",  # after "private", whose name ends the same way
		"config": "-site_config_backup-enc.json",
	}
	found = {}
	for path in sorted(folder.iterdir()):
		kind = next((kind for kind, ending in endings.items() if path.name.endswith(ending)), None)
		if kind is None or kind in found:
			frappe.throw(_("Backup set {0} holds an unexpected file: {1}.").format(folder.name, path.name))
		found[kind] = path
	missing = [kind for kind in endings if kind not in found]
	if missing:
		frappe.throw(_("Backup set {0} lacks its {1}.").format(folder.name, ", ".join(missing)))
	return found


def sets_to_keep() -> int:
	return max(1, cint(frappe.db.get_single_value("System Settings", "backup_limit")))


def prune_backup_sets(keep: int, folder: pathlib.Path | None = None) -> list[pathlib.Path]:
	"""Remove all but the newest `keep` sets, never the last one (in the site's sets folder unless another
	is named); returns the folders removed. Anything else in the folder is left alone."""
	old = backup_sets(folder)[: -max(keep, 1)]
	for folder in old:
		shutil.rmtree(folder)
	return old


def encrypt_in_place(path: pathlib.Path, key: str) -> None:
	"""Encrypt a file with gpg as Frappe encrypts the rest of a set (symmetric, with the backup key), the
	key given on gpg's standard input rather than its command line."""
	encrypted = path.with_name(path.name + ".gpg")
	subprocess.run(
		["gpg", "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase-fd", "0",
			"--symmetric", "--cipher-algo", "AES256", "--output", str(encrypted), str(path)],
		input=key, text=True, capture_output=True, check=True,
	)  # fmt: skip
	os.replace(encrypted, path)


def is_encrypted(path: pathlib.Path) -> bool:
	with open(path, "rb") as file:
		return file.read(1) in GPG_SYMMETRIC_PACKET_TAGS


def switch_on_encrypted_backups(args=None, keep_the_councils_number: bool = False) -> None:
	"""Encrypt every backup and keep a week of sets; make the key now, so that the council can store it
	safely from the first day. A new site gets the week after install and again after Frappe's setup
	wizard (which sets its own number, `args` being the wizard's answers); an existing site keeps the
	number of backups it has."""
	values = {"encrypt_backup": 1}
	if not (keep_the_councils_number and frappe.db.get_single_value("System Settings", "backup_limit")):
		values["backup_limit"] = DEFAULT_SETS_KEPT
	frappe.db.set_single_value("System Settings", values)
	get_or_generate_backup_encryption_key()


# --- the council's schedule, over a migrate --------------------------------------------------------

_schedules_before_migrate: dict[str, dict] = {}


def remember_the_schedule() -> None:
	"""before_migrate: note the backup job's schedule as the council left it."""
	schedule = frappe.db.get_value(
		"Scheduled Job Type", {"method": SCHEDULED_JOB}, ["frequency", "cron_format", "stopped"], as_dict=True
	)
	if schedule:
		_schedules_before_migrate[frappe.local.site] = schedule


def keep_the_councils_schedule() -> None:
	"""after_migrate: Frappe's migrate puts a job's shipped schedule back; put the council's back on it."""
	schedule = _schedules_before_migrate.pop(frappe.local.site, None)
	name = frappe.db.get_value("Scheduled Job Type", {"method": SCHEDULED_JOB})
	if schedule and name:
		frappe.db.set_value("Scheduled Job Type", name, schedule)
