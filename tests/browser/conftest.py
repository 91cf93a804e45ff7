import os
import shutil

import pytest
from helpers import TEST_PASSWORD, require_env

BROWSER_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-dev-shm-usage",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
	"""Debian's Chromium, headless, driven by Playwright (which downloads no browser of its own)."""
	from playwright.sync_api import sync_playwright

	executable = shutil.which("chromium") or "/usr/bin/chromium"
	if not os.path.exists(executable):
		pytest.fail("Debian's chromium package is needed for the browser tests", pytrace=False)
	with sync_playwright() as playwright:
		chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=BROWSER_ARGS)
		yield chromium
		chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
	report = yield
	if report.when == "call":
		item.call_failed = report.failed
	return report


@pytest.fixture
def page(browser, site, request, output_dir):
	context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
	page = context.new_page()
	page.set_default_timeout(30_000)
	yield page
	if getattr(request.node, "call_failed", False):  # what the page showed when the test failed
		failures = output_dir / "browser" / "failures"
		failures.mkdir(parents=True, exist_ok=True)
		page.screenshot(path=str(failures / f"{request.node.name}.png"))
	context.close()


@pytest.fixture(scope="session")
def browser_url(site) -> str:
	return require_env("COMPLAINTS_BROWSER_URL").rstrip("/")


@pytest.fixture
def log_in(page, browser_url):
	"""Sign in through the login page, as a person would; returns once the site has let them in."""

	def sign_in(email: str, password: str = TEST_PASSWORD):
		page.goto(f"{browser_url}/login")
		page.fill("#login_email", email)
		page.fill("#login_password", password)
		page.click(".form-signin .btn-login")
		page.wait_for_url(lambda url: "/login" not in url)

	return sign_in


WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def accessibility_violations():
	"""axe-core (as bundled in axe-playwright-python) run on a page as it now stands, against WCAG 2.2
	A and AA, and with `best_practice` also axe's rules for headings in order and content inside
	landmarks: returns each violation as "rule: the elements it found", so a test can assert none."""
	import pathlib

	import axe_playwright_python

	script = pathlib.Path(axe_playwright_python.__file__).with_name("axe.min.js")

	def check(page, best_practice: bool = False) -> list[str]:
		if not page.evaluate("typeof window.axe !== 'undefined'"):
			page.add_script_tag(path=str(script))
		tags = WCAG_22_AA + (["best-practice"] if best_practice else [])
		result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
		assert result["passes"], "axe-core ran no check: the page did not load"
		return [
			f"{v['id']} ({v['impact']}): {[(n['target'], n['html'][:120]) for n in v['nodes']][:5]}"
			for v in result["violations"]
		]

	return check
