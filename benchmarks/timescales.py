"""Benchmark: the working-day engine against numpy's busday_offset, measured in the same run.

50,000 due dates (random start dates 2020-2030, offsets 1-65 working days) on England & Wales bank
holidays, computed one call at a time by both; the results must agree. Prints the per-call times
and their ratio. Goal: the engine takes at most a quarter of numpy's per-call time.

Run with scripts/benchmark-timescales (it provides numpy, a benchmark-only dependency).
"""

import datetime
import random
import sys
import time

import numpy

from complaints_hc.working_days.engine import england_and_wales_calendar, public_holidays

CALLS = 50_000
GOAL_RATIO = 0.25
ROUNDS = 5  # the best round of each is kept, so a busy moment on a shared machine counts less


def make_inputs(seed: int = 2026):
	rng = random.Random(seed)
	first, last = datetime.date(2020, 1, 1).toordinal(), datetime.date(2030, 12, 31).toordinal()
	return [(datetime.date.fromordinal(rng.randint(first, last)), rng.randint(1, 65)) for _ in range(CALLS)]


def best_time(fn, inputs) -> tuple[float, list]:
	best, results = float("inf"), None
	for _ in range(ROUNDS):
		started = time.perf_counter()
		results = fn(inputs)
		best = min(best, time.perf_counter() - started)
	return best, results


def main() -> int:
	inputs = make_inputs()
	calendar = england_and_wales_calendar()
	holidays = numpy.array(sorted(public_holidays("GB", "ENG")), dtype="datetime64[D]")
	numpy_calendar = numpy.busdaycalendar(weekmask="1111100", holidays=holidays)

	def engine(pairs):
		add = calendar.add_working_days
		return [add(start, n) for start, n in pairs]

	def with_numpy(pairs):
		offset = numpy.busday_offset
		# A start on a non-working day rolls back to the working day before it: the n-th working day after
		# that is the n-th after the start, which is the engine's rule (day 1 is the next working day).
		return [offset(start, n, roll="backward", busdaycal=numpy_calendar).item() for start, n in pairs]

	engine_seconds, engine_results = best_time(engine, inputs)
	numpy_seconds, numpy_results = best_time(with_numpy, inputs)
	disagreements = sum(a != b for a, b in zip(engine_results, numpy_results, strict=True))

	engine_us = engine_seconds / CALLS * 1e6
	numpy_us = numpy_seconds / CALLS * 1e6
	ratio = engine_seconds / numpy_seconds
	print(f"calls:                   {CALLS} (start dates 2020-2030, offsets 1-65 working days)")
	print(f"add_working_days:        {engine_us:.3f} µs per call")
	print(f"numpy.busday_offset:     {numpy_us:.3f} µs per call")
	print(f"ratio (engine / numpy):  {ratio:.3f}   goal: at most {GOAL_RATIO}")
	print(f"results that disagree:   {disagreements}")
	ok = disagreements == 0 and ratio <= GOAL_RATIO
	print("PASS" if ok else "FAIL")
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
