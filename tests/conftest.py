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


# Tests that need ERPNext installed on the test site carry @pytest.mark.erpnext. The test command says
# whether the site has it (COMPLAINTS_TEST_ERPNEXT=1); without it they are not collected at all
# (deselected, so never counted as skipped), and the `site` fixture checks the site agrees.
ERPNEXT_MARK = "erpnext"


def erpnext_site() -> bool:
	return os.environ.get("COMPLAINTS_TEST_ERPNEXT") == "1"


def pytest_configure(config):
	config.addinivalue_line("markers", f"{ERPNEXT_MARK}: needs ERPNext installed on the test site")


def pytest_collection_modifyitems(config, items):
	for item in items:
		item.add_marker(kind_of(item))
	if erpnext_site():
		return
	deselected = [item for item in items if item.get_closest_marker(ERPNEXT_MARK)]
	if deselected:
		config.hook.pytest_deselected(items=deselected)
		items[:] = [item for item in items if not item.get_closest_marker(ERPNEXT_MARK)]


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
	terminalreporter.write_line(f"site: {'with ERPNext' if erpnext_site() else 'Frappe alone'}")
	for kind, c in counts.items():
		line = f"{kind}: {c['passed']} passed, {c['failed']} failed"
		if c["skipped"]:
			line += f", {c['skipped']} skipped"
		terminalreporter.write_line(line)
	if terminalreporter.stats.get("deselected"):
		terminalreporter.write_line(f"not collected: {len(terminalreporter.stats['deselected'])}"
			" (ERPNext-only tests, or -k/-m)")  # fmt: skip


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
	has_erpnext = "erpnext" in frappe.get_installed_apps()
	if has_erpnext != erpnext_site():
		pytest.exit(
			f"{site_name} {'has' if has_erpnext else 'has not'} ERPNext installed, but"
			f" COMPLAINTS_TEST_ERPNEXT is {os.environ.get('COMPLAINTS_TEST_ERPNEXT')!r}:"
			" set it to 1 exactly when the site has ERPNext",
			returncode=1,
		)
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


class ProductionStack:
	"""The test site served as in production: nginx over HTTPS in front of supervisor's gunicorn."""

	def __init__(self, site: str, stack_dir: pathlib.Path, https_port: str, http_port: str):
		self.url = f"https://{site}:{https_port}"
		self.http_url = f"http://{site}:{http_port}"
		self.certificate = stack_dir / f"{site}.crt"  # self-signed, for the site's name
		self.access_log = stack_dir / "nginx-access.log"
		self.supervisor_conf = stack_dir / "supervisord.conf"

	def requests_logged(self) -> list[str]:
		return self.access_log.read_text().splitlines() if self.access_log.exists() else []


@pytest.fixture(scope="module")
def production_stack(site):
	"""scripts/production-stack for this module alone: bench's nginx and supervisor files run by Debian's
	nginx and supervisord (gunicorn, the workers, the scheduler, socket.io), stopped at the module's end.
	Jobs already queued by earlier tests are held back while it runs and put back after (the suite
	runs no worker of its own); the test site's scheduler stays disabled, as the suite left it."""
	import subprocess

	from helpers import require_env

	bench_dir = pathlib.Path(require_env("SITES_PATH")).parent
	stack_dir = bench_dir / "config" / "production-stack"
	https_port, http_port = require_env("STACK_HTTPS_PORT"), require_env("STACK_HTTP_PORT")
	script = TESTS_DIR.parent / "scripts" / "production-stack"
	env = {
		**os.environ,
		"BENCH_DIR": str(bench_dir),
		"STACK_DIR": str(stack_dir),
		"STACK_HOLD_QUEUED_JOBS": "1",
	}

	def run(*args):
		done = subprocess.run([str(script), *args], env=env, capture_output=True, text=True, timeout=600)
		return done.returncode, (done.stdout + done.stderr)[-3000:]

	status, output = run("up", site)
	try:
		assert status == 0, f"production-stack up: {output}"
		yield ProductionStack(site, stack_dir, https_port, http_port)
	finally:
		status, output = run("down")
	assert status == 0, f"production-stack down: {output}"
