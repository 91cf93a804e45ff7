"""pytest against a real Frappe site.

Tests are grouped by folder: unit (pure Python, no site), integration (a real site in this process),
http (a served site over HTTP) and browser (headless Chromium against the served site).
`scripts/test` creates a fresh site, serves it and sets the environment read here.

The site is prepared the way Frappe's own test runner prepares it (frappe/test_runner.py):
`frappe.flags.in_test`, a cleared cache, the scheduler off and the `before_tests` hooks run.
A skipped test, or one marked xfail, fails the run: a test that did not run, or may fail, has proved
nothing.
"""

import os
import pathlib

import pytest

KINDS = ("unit", "integration", "http", "browser")
TESTS_DIR = pathlib.Path(__file__).parent


def kind_of(item) -> str:
	relative = pathlib.Path(item.path).relative_to(TESTS_DIR)
	kind = relative.parts[0] if len(relative.parts) > 1 else ""
	if kind not in KINDS:
		raise pytest.UsageError(f"{relative}: tests live in one of tests/{{{','.join(KINDS)}}}/")
	return kind


def pytest_collection_modifyitems(config, items):
	for item in items:
		item.add_marker(kind_of(item))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
	counts = {kind: {"passed": 0, "failed": 0, "skipped": 0} for kind in KINDS}
	for outcome in ("passed", "failed", "error", "skipped"):
		for report in terminalreporter.stats.get(outcome, []):
			if not hasattr(report, "nodeid") or report.when not in ("call", "setup"):
				continue
			if outcome == "passed" and report.when != "call":
				continue
			relative = report.nodeid.split("/")
			kind = next((part for part in relative if part in KINDS), None)
			if kind:
				counts[kind]["failed" if outcome == "error" else outcome] += 1
	terminalreporter.section("tests run, by kind")
	for kind, c in counts.items():
		line = f"{kind}: {c['passed']} passed, {c['failed']} failed"
		if c["skipped"]:
			line += f", {c['skipped']} skipped"
		terminalreporter.write_line(line)


# Outcomes that mean a test did not prove what it names: each fails the run.
NOT_PROVED = {
	"skipped": "skipped: a skipped test proved nothing",
	"xfailed": "expected to fail (xfail): a test marked to fail proves nothing",
	"xpassed": "marked xfail but passed: the mark hides what the test proves",
}


def pytest_sessionfinish(session, exitstatus):
	reporter = session.config.pluginmanager.get_plugin("terminalreporter")
	if not reporter:
		return
	problems = {outcome: len(reporter.stats.get(outcome, [])) for outcome in NOT_PROVED}
	if any(problems.values()) and session.exitstatus == 0:
		session.exitstatus = 1
	for outcome, count in problems.items():
		if count:
			reporter.write_line(f"{count} test(s) {NOT_PROVED[outcome]}; this fails the run.", red=True)


@pytest.fixture(scope="session")
def site():
	"""Connect this process to the test site, prepared as Frappe's runner prepares it."""
	import frappe
	import frappe.utils.scheduler
	from helpers import commit, require_env

	site_name = require_env("COMPLAINTS_TEST_SITE")
	sites_path = require_env("SITES_PATH")
	os.chdir(sites_path)  # Frappe finds the bench's logs folder from the working directory
	frappe.init(site=site_name, sites_path=sites_path)
	frappe.connect()
	frappe.flags.in_test = True
	frappe.clear_cache()
	frappe.utils.scheduler.disable_scheduler()
	for hook in frappe.get_hooks("before_tests", app_name="complaints_hc"):
		frappe.get_attr(hook)()
	commit()
	yield site_name
	frappe.db.rollback()
	frappe.destroy()


@pytest.fixture(scope="session")
def output_dir() -> pathlib.Path:
	path = pathlib.Path(os.environ.get("COMPLAINTS_TEST_OUTPUT") or TESTS_DIR.parent / "test-output")
	path.mkdir(parents=True, exist_ok=True)
	return path
