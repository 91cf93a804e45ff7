"""Workshop calendar invites: well-formed, escaped, folded, updatable and cancellable."""

import datetime

from complaints_hc.workshops.invites import escape, fold, workshop_invite

START = datetime.datetime(2026, 7, 15, 10, 0)
END = datetime.datetime(2026, 7, 15, 12, 0)
STAMP = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.timezone.utc)


def test_an_invite_in_london_time():
	ics = workshop_invite("WS-2026-00001@complaints", "Safety and SMART Planning", START, END,
		"Plough Lane, Room 2", "Bring a case", stamp=STAMP)  # fmt: skip
	lines = ics.split("\r\n")
	assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
	assert "DTSTART;TZID=Europe/London:20260715T100000" in lines
	assert "DTEND;TZID=Europe/London:20260715T120000" in lines
	assert "DTSTAMP:20260601T090000Z" in lines
	assert "LOCATION:Plough Lane\\, Room 2" in lines
	assert "METHOD:PUBLISH" in lines and "STATUS:CONFIRMED" in lines and "SEQUENCE:0" in lines


def test_a_moved_or_cancelled_workshop_updates_the_same_event():
	moved = workshop_invite("uid-1", "Threshold Training", START, END, None, None, sequence=2, stamp=STAMP)
	cancelled = workshop_invite(
		"uid-1", "Threshold Training", START, END, None, None, sequence=3, cancelled=True, stamp=STAMP
	)
	assert "UID:uid-1" in moved and "SEQUENCE:2" in moved
	assert "METHOD:CANCEL" in cancelled and "STATUS:CANCELLED" in cancelled and "SEQUENCE:3" in cancelled


def test_text_is_escaped():
	assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
	assert escape(None) == ""


def test_long_lines_are_folded_without_splitting_characters():
	line = "DESCRIPTION:" + "Éclair " * 30
	folded = fold(line)
	parts = folded.split("\r\n")
	assert all(len(part.encode()) <= 75 for part in parts)
	assert all(part.startswith(" ") for part in parts[1:])
	assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line


def test_the_invite_carries_london_time_that_a_parser_reads():
	"""The VTIMEZONE block, read by dateutil's iCalendar time zone parser: BST in summer, GMT in winter,
	changing on the last Sundays of March and October."""
	import io

	from dateutil import tz

	ics = workshop_invite("uid-tz", "Threshold Training", START, END, None, None, stamp=STAMP)
	lines = ics.split("\r\n")
	block = "\n".join(lines[lines.index("BEGIN:VTIMEZONE") : lines.index("END:VTIMEZONE") + 1])
	london = tz.tzical(io.StringIO(block)).get("Europe/London")
	offset = lambda *day: datetime.datetime(*day, tzinfo=london).utcoffset()  # noqa: E731
	hour = datetime.timedelta(hours=1)
	assert offset(2026, 7, 15, 10) == hour and offset(2026, 1, 15, 10) == datetime.timedelta(0)
	assert offset(2026, 3, 29, 0, 30) == datetime.timedelta(0) and offset(2026, 3, 29, 2, 30) == hour
	assert offset(2026, 10, 25, 0, 30) == hour and offset(2026, 10, 25, 2, 30) == datetime.timedelta(0)
	assert lines.index("END:VTIMEZONE") < lines.index("BEGIN:VEVENT")


def test_the_whole_invite_line_by_line():
	"""Every line of the invite, in order: the calendar, London's time zone, then the event, with the
	stamp in UTC (given here in British Summer Time) and text values escaped."""
	bst = datetime.timezone(datetime.timedelta(hours=1))
	ics = workshop_invite("WS-2026-00001@complaints", "Safety; SMART Planning", START, END,
		"Plough Lane, Room 2", "Bring a case", sequence=1, stamp=datetime.datetime(2026, 6, 1, 10, 0, tzinfo=bst))  # fmt: skip
	assert ics.split("\r\n") == [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//complaints_hc//Workshops//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"BEGIN:VTIMEZONE",
		"TZID:Europe/London",
		"BEGIN:DAYLIGHT",
		"TZOFFSETFROM:+0000",
		"TZOFFSETTO:+0100",
		"TZNAME:BST",
		"DTSTART:19960331T010000",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"END:DAYLIGHT",
		"BEGIN:STANDARD",
		"TZOFFSETFROM:+0100",
		"TZOFFSETTO:+0000",
		"TZNAME:GMT",
		"DTSTART:19961027T020000",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
		"END:STANDARD",
		"END:VTIMEZONE",
		"BEGIN:VEVENT",
		"UID:WS-2026-00001@complaints",
		"SEQUENCE:1",
		"DTSTAMP:20260601T090000Z",
		"DTSTART;TZID=Europe/London:20260715T100000",
		"DTEND;TZID=Europe/London:20260715T120000",
		"SUMMARY:Safety\\; SMART Planning",
		"LOCATION:Plough Lane\\, Room 2",
		"DESCRIPTION:Bring a case",
		"STATUS:CONFIRMED",
		"END:VEVENT",
		"END:VCALENDAR",
		"",
	]


def test_a_line_of_75_octets_is_not_folded_and_one_of_76_is():
	assert fold("X" * 75) == "X" * 75
	assert fold("X" * 76) == "X" * 75 + "\r\n X"
	# A continuation line holds the space and 74 more octets.
	assert fold("X" * 150) == "X" * 75 + "\r\n " + "X" * 74 + "\r\n X"


def test_a_character_across_the_75th_octet_moves_whole_to_the_next_line():
	"""'é' is two octets: at octets 75 and 76 it goes to the next line, and the first keeps 74."""
	assert fold("A" * 74 + "éB") == "A" * 74 + "\r\n éB"
	assert fold("A" * 73 + "€B") == "A" * 73 + "\r\n €B"  # three octets, from the 74th
