"""The scheduled backup: switched on, encrypted or not taken at all, kept as many as the council says, on
the council's schedule even after a migrate."""

import frappe
import pytest
from frappe.utils.background_jobs import get_job, get_queue
from helpers import as_user, bench, commit, make_user

from complaints_hc.operations import backups


def forget_cached_system_settings():
	"""frappe.get_system_settings keeps the settings for the request; the job reads them afresh."""
	if hasattr(frappe.local, "system_settings"):
		del frappe.local.system_settings


def test_a_new_site_encrypts_its_backups_keeps_a_week_and_has_its_key():
	settings = frappe.get_cached_doc("System Settings")
	assert (settings.encrypt_backup, settings.backup_limit) == (1, backups.DEFAULT_SETS_KEPT)
	assert frappe.conf.backup_encryption_key  # made at install, for the council to keep safe
	job = frappe.db.get_value("Scheduled Job Type", {"method": backups.SCHEDULED_JOB},
		["frequency", "cron_format", "stopped"], as_dict=True)  # fmt: skip
	assert (job.frequency, job.cron_format, job.stopped) == ("Cron", "30 1 * * *", 0)


def test_an_unencrypted_backup_is_refused_and_leaves_nothing():
	before = backups.backup_sets()
	frappe.db.set_single_value("System Settings", "encrypt_backup", 0)  # rolled back after the test
	forget_cached_system_settings()
	try:
		with pytest.raises(backups.BackupNotEncrypted, match="Encrypt Backups"):
			backups.take_backup_set()
	finally:
		frappe.db.rollback()
		forget_cached_system_settings()
	assert backups.backup_sets() == before


def test_the_job_queues_one_backup_on_the_long_queue():
	job_id = "complaints-hc-backup"  # Frappe adds the site to it
	try:
		backups.run_scheduled_backup()
		backups.run_scheduled_backup()  # a second tick while the first waits adds nothing
		job = get_job(job_id)
		assert job is not None and job.origin.split(":")[-1] == "long", job and job.origin
		assert job.func_name == "frappe.utils.background_jobs.execute_job"
		assert job.kwargs["method"] == "complaints_hc.operations.backups.take_and_prune"
		assert job.timeout == backups.BACKUP_TIMEOUT_SECONDS
		assert get_queue("long").job_ids.count(job.id) == 1
	finally:
		if job := get_job(job_id):
			job.delete()


def make_set(folder, name):
	(folder / name).mkdir()
	for ending in (
		"database-enc.sql.gz",
		"files-enc.tar",
		"private-files-enc.tar",
		"site_config_backup-enc.json",
	):
		(folder / name / f"{name}-site_localhost-{ending}").write_bytes(b"\x8c")
	return folder / name


def test_only_the_newest_sets_are_kept_whole_and_nothing_else_is_touched(tmp_path):
	sets = [make_set(tmp_path, f"2026112{day}_013000") for day in range(5)]
	(tmp_path / "notes").mkdir()
	(tmp_path / "20261125_013000.txt").write_text("not a set")

	removed = backups.prune_backup_sets(2, tmp_path)

	assert removed == sets[:3]
	left = {p.name for p in tmp_path.iterdir()}
	assert left == {"notes", "20261125_013000.txt", sets[3].name, sets[4].name}
	assert all(len(list(s.iterdir())) == 4 for s in sets[3:])
	assert backups.prune_backup_sets(0, tmp_path) == [sets[3]]  # the newest set always stays


def test_the_number_kept_is_the_councils_in_system_settings():
	frappe.db.set_single_value("System Settings", "backup_limit", 30)
	assert backups.sets_to_keep() == 30
	frappe.db.set_single_value("System Settings", "backup_limit", 0)
	assert backups.sets_to_keep() == 1


def test_the_councils_schedule_stands_after_a_migrate():
	"""Frappe's migrate puts a job's shipped schedule back; the council's change to the backup's stays."""
	it_officer = make_user("it.officer", "System Manager")
	name = frappe.db.get_value("Scheduled Job Type", {"method": backups.SCHEDULED_JOB})
	with as_user(it_officer):  # in the desk: Scheduled Job Type, Frequency
		job = frappe.get_doc("Scheduled Job Type", name)
		job.frequency, job.cron_format = "Cron", "0 3 * * 6"
		job.save()
	commit()
	try:
		bench("--site", frappe.local.site, "migrate")
		frappe.db.rollback()  # read what the migrate committed
		schedule = frappe.db.get_value("Scheduled Job Type", {"method": backups.SCHEDULED_JOB},
			["frequency", "cron_format", "stopped"], as_dict=True)  # fmt: skip
		assert (schedule.frequency, schedule.cron_format, schedule.stopped) == ("Cron", "0 3 * * 6", 0)
	finally:
		frappe.db.set_value("Scheduled Job Type", name, {"frequency": "Cron", "cron_format": "30 1 * * *"})
		commit()


def test_a_backup_that_would_not_restore_to_the_right_place_is_refused():
	"""Frappe's restore unpacks the files from `./<site>/...`: this process names the site by its full
	path, so its archive would unpack into the wrong folder; the job refuses rather than take it."""
	before = backups.backup_sets()
	with pytest.raises(frappe.ValidationError, match="sites folder"):
		backups.take_backup_set()
	assert backups.backup_sets() == before
