"""How many requests one network address (or email address) has made in the last hour, for the public
pages: past the council's limit, a request is refused with the time to try again."""

import datetime

import frappe
from frappe.utils import add_to_date, now_datetime

WINDOW_SECONDS = 60 * 60


def key(scope: str, value: str) -> str:
	return frappe.cache.make_key(f"complaints_hc:{scope}:{value}")


def past_limit(scope: str, value: str, limit: int) -> datetime.datetime | None:
	"""Count one more request; when it is past the limit, return when to try again."""
	counter = key(scope, value)
	count = frappe.cache.incr(counter)
	if count == 1:
		frappe.cache.expire(counter, WINDOW_SECONDS)
	if count <= limit:
		return None
	return add_to_date(now_datetime(), seconds=max(frappe.cache.ttl(counter) or 0, 60))
