"""The clock the tests run on: the served site and the tests keep the same one, and under TEST_FAKETIME
(scripts/test, through libfaketime) both start on the day it names instead of the real one."""

import datetime
import email.utils
import os

FAKED_FORMAT = "%Y-%m-%d %H:%M:%S"  # as the README writes TEST_FAKETIME


def test_the_served_site_and_the_tests_keep_the_same_clock_the_one_test_faketime_sets(http):
	answer = http().get("/api/method/ping")
	assert answer.status_code == 200
	site_now = email.utils.parsedate_to_datetime(answer.headers["Date"])  # gunicorn's clock, in UTC
	tests_now = datetime.datetime.now(datetime.timezone.utc)
	# under libfaketime each process's clock starts on the day named when it starts: the server a little
	# before the tests
	assert abs((site_now - tests_now).total_seconds()) < 600, (site_now, tests_now)
	faked = os.environ.get("COMPLAINTS_TEST_FAKETIME")
	if faked:  # the run is on the day named, in local time as faketime reads it, not on the real day
		starts = datetime.datetime.strptime(faked, FAKED_FORMAT)
		assert (
			starts - datetime.timedelta(hours=1)
			<= datetime.datetime.now()
			< starts + datetime.timedelta(hours=4)
		)
