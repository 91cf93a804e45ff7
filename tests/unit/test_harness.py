"""The suite's own rules: a skipped test, or one marked xfail, fails the run; a clean run passes."""

import pathlib
import subprocess
import sys

import pytest

CONFTEST = pathlib.Path(__file__).parent.parent / "conftest.py"

CASES = {
	"passes": ("def test_it():\n\tassert 1 + 1 == 2\n", 0, None),
	"skipped": ("import pytest\n\n@pytest.mark.skip(reason='later')\ndef test_it():\n\tassert False\n", 1,
		"1 test(s) skipped"),
	"skipped inside": ("import pytest\n\ndef test_it():\n\tpytest.skip('no server')\n", 1, "1 test(s) skipped"),
	"xfail": ("import pytest\n\n@pytest.mark.xfail\ndef test_it():\n\tassert False\n", 1, "expected to fail"),
	"xpass": ("import pytest\n\n@pytest.mark.xfail\ndef test_it():\n\tassert True\n", 1, "marked xfail but passed"),
	"fails": ("def test_it():\n\tassert 1 + 1 == 3\n", 1, None),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_the_run_fails_unless_every_test_ran_and_passed(tmp_path, case):
	body, status, message = CASES[case]
	suite = tmp_path / "tests"
	(suite / "unit").mkdir(parents=True)
	(suite / "conftest.py").write_text(CONFTEST.read_text())
	(suite / "unit" / "test_sample.py").write_text(body)
	run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(suite)],
		cwd=tmp_path, capture_output=True, text=True, timeout=120)  # fmt: skip
	assert run.returncode == status, run.stdout[-1500:]
	if message:
		assert message in run.stdout, run.stdout[-1500:]


ERPNEXT_ONLY = "import pytest\n\n@pytest.mark.erpnext\ndef test_needs_erpnext():\n\tassert True\n\ndef test_plain():\n\tassert True\n"


@pytest.mark.parametrize("erpnext, ran", [(None, "1 passed, 1 deselected"), ("1", "2 passed")])
def test_erpnext_tests_are_deselected_not_skipped_on_a_plain_site(tmp_path, monkeypatch, erpnext, ran):
	suite = tmp_path / "tests"
	(suite / "unit").mkdir(parents=True)
	(suite / "conftest.py").write_text(CONFTEST.read_text())
	(suite / "unit" / "test_sample.py").write_text(ERPNEXT_ONLY)
	if erpnext:
		monkeypatch.setenv("COMPLAINTS_TEST_ERPNEXT", erpnext)
	else:
		monkeypatch.delenv("COMPLAINTS_TEST_ERPNEXT", raising=False)
	run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(suite)],
		cwd=tmp_path, capture_output=True, text=True, timeout=120)  # fmt: skip
	assert run.returncode == 0, run.stdout[-1500:]
	assert ran in run.stdout, run.stdout[-1500:]
	assert "skipped" not in run.stdout
