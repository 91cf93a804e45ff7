"""Calendar invites (RFC 5545) for workshops: pure Python, no Frappe."""

import datetime

TIMEZONE = "Europe/London"
# The rules of London time since 1996 (last Sunday of March at 01:00 UTC, last Sunday of October at
# 01:00 UTC), so that every calendar reads the times the same without knowing the zone's name.
LONDON = (
	"BEGIN:VTIMEZONE",
	f"TZID:{TIMEZONE}",
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
)


def escape(text: str | None) -> str:
	"""Text values escape backslash, semicolon, comma and newlines."""
	return (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
	"""Lines longer than 75 octets continue on the next line after a space."""
	out, raw = [], line.encode()
	while len(raw) > 75:
		cut = 75
		while (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
			cut -= 1
		out.append(raw[:cut].decode())
		raw = b" " + raw[cut:]
	out.append(raw.decode())
	return "\r\n".join(out)


def local(moment: datetime.datetime) -> str:
	return moment.strftime("%Y%m%dT%H%M%S")


def workshop_invite(
	uid: str,
	title: str,
	starts: datetime.datetime,
	ends: datetime.datetime,
	location: str | None,
	description: str | None,
	sequence: int = 0,
	cancelled: bool = False,
	stamp: datetime.datetime | None = None,
) -> str:
	"""One VEVENT in London time (its VTIMEZONE included); a higher sequence updates it, a cancelled one
	removes it."""
	stamp = stamp or datetime.datetime.now(datetime.timezone.utc)
	lines = [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//complaints_hc//Workshops//EN",
		"CALSCALE:GREGORIAN",
		f"METHOD:{'CANCEL' if cancelled else 'PUBLISH'}",
		*LONDON,
		"BEGIN:VEVENT",
		f"UID:{uid}",
		f"SEQUENCE:{sequence}",
		f"DTSTAMP:{stamp.astimezone(datetime.timezone.utc).strftime('%Y%m%dT%H%M%SZ')}",
		f"DTSTART;TZID={TIMEZONE}:{local(starts)}",
		f"DTEND;TZID={TIMEZONE}:{local(ends)}",
		f"SUMMARY:{escape(title)}",
		f"LOCATION:{escape(location)}",
		f"DESCRIPTION:{escape(description)}",
		f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
		"END:VEVENT",
		"END:VCALENDAR",
	]
	return "\r\n".join(fold(line) for line in lines) + "\r\n"
