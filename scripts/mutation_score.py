"""Mutation testing of the app's pure modules with mutmut, and their score (run by scripts/mutation-score).

Each module is mutated in a scratch copy of the app (the work tree is never touched) and each mutant
is tested by the unit tests that cover that module, from tests/unit only. The mutants judged
equivalent (the same behaviour as the original, so no test can kill them) are listed, each with why,
in tests/mutation-equivalents.toml.

score = killed / (mutants - equivalent); a mutant that timed out counts as killed.
Exits 1 when the overall score is under the goal.
"""

import argparse
import concurrent.futures
import dataclasses
import difflib
import os
import pathlib
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from mutmut import Context, RelativeMutationID, mutate

try:
	import tomllib
except ModuleNotFoundError:  # Python 3.10: mutmut's own TOML reader
	import toml as tomllib

REPO = pathlib.Path(__file__).resolve().parent.parent
EQUIVALENTS = REPO / "tests" / "mutation-equivalents.toml"
GOAL = 0.90
# Each pure module (standard library and `holidays` only) and the unit tests that test it.
MODULES = {
	"complaints_hc/working_days/engine.py": [
		"test_timescales.py",
		"test_clocks.py",
		"test_later_stage_clocks.py",
	],
	"complaints_hc/complaints/clocks.py": ["test_clocks.py"],
	"complaints_hc/complaints/later_stages.py": ["test_later_stage_clocks.py", "test_clocks.py"],
	"complaints_hc/learning/periods.py": ["test_periods.py"],
	"complaints_hc/workshops/invites.py": ["test_ics.py"],
	"complaints_hc/data_protection/months.py": ["test_calendar_months.py"],
	"complaints_hc/workshops/seat_rules.py": ["test_seat_rules.py"],
}
KILLED = {"ok_killed", "ok_suspicious", "bad_timeout"}  # suspicious: killed, but slowly


@dataclasses.dataclass
class Mutant:
	module: str
	line: int  # 1-based
	source: str
	mutant: str
	status: str
	equivalent: str = ""  # why, when listed as equivalent


def mutant_text(source: str, line: str, index: int, line_number: int) -> tuple[int, str, str]:
	"""Where the mutant changes the module (its first line, 1-based), the lines it changes and what it
	writes instead, as mutmut writes it (one line, joined by ⏎ when there are more)."""
	context = Context(
		source=source, mutation_id=RelativeMutationID(line, index, line_number), dict_synonyms=[]
	)
	mutated, _count = mutate(context)
	before, after = source.splitlines(), mutated.splitlines()
	for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
		if tag != "equal":
			join = lambda lines: " ⏎ ".join(s.strip() for s in lines) or "(nothing)"  # noqa: E731
			return i1 + 1, join(before[i1:i2]), join(after[j1:j2])
	return line_number + 1, line.strip(), line.strip()


def run_module(module: str, tests: list[str], snapshot: pathlib.Path, python: str) -> list[Mutant]:
	"""Run mutmut over one module in its own copy of the snapshot; its cache is read directly (sqlite)."""
	scratch = pathlib.Path(tempfile.mkdtemp(prefix="mutation-"))
	try:
		shutil.copytree(snapshot, scratch, dirs_exist_ok=True)
		# In process, so that a mutant that loops is stopped with its tests. Any failure, a collection
		# error too (a mutant that does not even import), kills: mutmut takes only exit code 1 as a kill.
		# Hypothesis draws the same examples for every mutant and keeps none from one to the next.
		arguments = ["-x", "-q", "-p", "no:cacheprovider", *(f"tests/unit/{t}" for t in tests)]
		code = (
			"import sys, pytest, hypothesis; "
			"hypothesis.settings.register_profile('mutation', derandomize=True, database=None); "
			"hypothesis.settings.load_profile('mutation'); "
			f"sys.exit(1 if pytest.main({arguments!r}) else 0)"
		)
		runner = shlex.join([python, "-c", code])
		env = {**os.environ, "PYTHONPATH": str(scratch), "PYTHONDONTWRITEBYTECODE": "1"}
		mutmut = [str(pathlib.Path(python).parent / "mutmut"), "run", "--paths-to-mutate", module]
		mutmut += ["--tests-dir", "tests/unit", "--runner", runner, "--simple-output", "--no-progress"]
		done = subprocess.run(mutmut, cwd=scratch, env=env, capture_output=True, text=True)
		if done.returncode & 1:  # mutmut failed, e.g. the tests fail without any mutation
			sys.exit(f"mutmut failed on {module}:\n{done.stdout}\n{done.stderr}")
		source = (scratch / module).read_text()
		with sqlite3.connect(scratch / ".mutmut-cache") as db:
			rows = db.execute(
				"select l.line, l.line_number, m.'index', m.status from Mutant m join Line l on m.line = l.id"
				" order by l.line_number, m.'index'"
			).fetchall()
		return [
			Mutant(module, *mutant_text(source, line, index, number), status)
			for line, number, index, status in rows
		]
	finally:
		shutil.rmtree(scratch, ignore_errors=True)


def mark_equivalents(mutants: list[Mutant], modules: list[str]) -> list[str]:
	"""Mark the listed equivalents: by module, line, source and mutant; by source and mutant alone when
	the line has moved but the match is still unique. Returns the warnings."""
	listed = tomllib.loads(EQUIVALENTS.read_text()).get("equivalent", []) if EQUIVALENTS.exists() else []
	warnings = []
	for entry in listed:
		if entry["module"] not in modules:
			continue
		same = [
			m
			for m in mutants
			if m.module == entry["module"]
			and m.source == entry["source"].strip()
			and m.mutant == entry["mutant"].strip()
			and not m.equivalent
		]
		found = [m for m in same if m.line == entry["line"]] or (same if len(same) == 1 else [])
		if not found:
			warnings.append(f"listed as equivalent but no such mutant: {entry['module']}:{entry['line']}")
			continue
		for m in found[:1]:
			if m.status in KILLED:
				warnings.append(f"listed as equivalent but killed (so not equivalent): {m.module}:{m.line}")
			else:
				m.equivalent = entry["why"]
	return warnings


def main():
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("modules", nargs="*", help="only these (a part of the path, e.g. periods)")
	parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="modules run at once")
	args = parser.parse_args()
	modules = [m for m in MODULES if not args.modules or any(part in m for part in args.modules)]
	if not modules:
		sys.exit(f"no module matches {args.modules}; the modules are: {', '.join(MODULES)}")

	started = time.monotonic()
	snapshot = pathlib.Path(tempfile.mkdtemp(prefix="mutation-snapshot-"))
	try:  # the app and its tests as they are now, whatever is edited while the run goes on
		ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "node_modules")
		shutil.copytree(REPO / "complaints_hc", snapshot / "complaints_hc", ignore=ignore)
		shutil.copytree(REPO / "tests", snapshot / "tests", ignore=ignore)
		shutil.copy(REPO / "pyproject.toml", snapshot)
		with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
			runs = {m: pool.submit(run_module, m, MODULES[m], snapshot, sys.executable) for m in modules}
			mutants = [mutant for m in modules for mutant in runs[m].result()]
	finally:
		shutil.rmtree(snapshot, ignore_errors=True)
	warnings = mark_equivalents(mutants, modules)

	survivors = [m for m in mutants if m.status not in KILLED and not m.equivalent]
	if survivors:
		print("Surviving mutants (module:line  original  =>  mutant):")
		for m in survivors:
			print(f"  {m.module}:{m.line}  {m.source}  =>  {m.mutant}  [{m.status}]")
		print()
	for warning in warnings:
		print(f"Warning: {warning}")

	header = f"{'module':<44}{'mutants':>8}{'killed':>8}{'survived':>9}{'equivalent':>11}{'score':>8}"
	print(header)
	print("-" * len(header))
	totals = [0, 0, 0, 0]
	for module in [*modules, "overall"]:
		mine = mutants if module == "overall" else [m for m in mutants if m.module == module]
		killed = sum(m.status in KILLED for m in mine)
		equivalent = sum(bool(m.equivalent) for m in mine)
		survived = len(mine) - killed - equivalent
		score = killed / (len(mine) - equivalent) if len(mine) > equivalent else 1.0
		if module == "overall":
			print("-" * len(header))
		print(f"{module:<44}{len(mine):>8}{killed:>8}{survived:>9}{equivalent:>11}{score:>8.1%}")
		totals = [len(mine), killed, survived, equivalent]
	minutes, seconds = divmod(round(time.monotonic() - started), 60)
	print(f"\nTook {minutes}m{seconds:02d}s. Goal: at least {GOAL:.0%} overall.")
	_mutants, killed, survived, _equivalent = totals
	if killed / max(killed + survived, 1) < GOAL:
		sys.exit(1)


if __name__ == "__main__":
	main()
