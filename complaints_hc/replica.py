"""Reports off a read replica, when the council has one.

With `read_from_replica` in the site's config, Frappe sends what is marked `@frappe.read_only()` to the
replica named by `replica_host` and `replica_db_port`: Frappe's report runs and exports, list views and
their counts. The app marks its own read paths the same way (`read_from_replica`): the Number Cards,
the dashboard charts and the bulletin's first draft. Everything else, and every write, stays on the
primary: saving, workflow actions, the access log (written after the request, once Frappe has
switched back), publishing a bulletin.

The replica runs read-only, so a write that strayed there would fail rather than make the copy
differ; while on it, Frappe is also told it is in read-only mode (`frappe.flags.read_only`), so its own
incidental writes (an error log, a document's "seen by", a chart's "last synced") are deferred or
left out instead of being tried there.

Frappe has no fallback: with the replica down, every read sent there fails. `fall_back_when_down`
(before each request and each background job) checks the replica answers, remembering the answer for
a few seconds, and otherwise reads from the primary for that request, noting the change in the log once.
"""

import contextlib
import functools
import logging

import frappe
import pymysql
from frappe.utils import now

# How long an answer about the replica is trusted before it is asked again (seconds).
ANSWERED_FOR = 2
SILENT_FOR = 10
CONNECT_TIMEOUT = 1
LOGGER = "complaints_hc.replica"


def read_from_replica(fn):
	"""Frappe's `read_only`, and Frappe's read-only mode while the replica is the connection."""

	@functools.wraps(fn)
	def reading(*args, **kwargs):
		if not on_replica():
			return fn(*args, **kwargs)
		was_read_only = frappe.flags.read_only
		frappe.flags.read_only = True
		try:
			return fn(*args, **kwargs)
		finally:
			frappe.flags.read_only = was_read_only

	on_the_replica = frappe.read_only()(reading)

	@functools.wraps(fn)
	def outermost(*args, **kwargs):
		# Frappe leaves its replica connection's names on frappe.local when it switches back, and then
		# never switches again in this request or job: the outermost call clears them for the next.
		first = not hasattr(frappe.local, "replica_db")
		try:
			return on_the_replica(*args, **kwargs)
		finally:
			if first:
				for name in ("replica_db", "primary_db"):
					with contextlib.suppress(AttributeError):
						delattr(frappe.local, name)

	return outermost


def on_replica() -> bool:
	replica = getattr(frappe.local, "replica_db", None)
	return replica is not None and frappe.local.db is replica


def as_this_request_read(fn, *args, **kwargs):
	"""Call `fn` where this request's reads went (the replica, if Frappe has switched back from it), so
	that what is recorded after the request matches what was shown; from the primary if the replica has
	stopped answering since."""
	replica, primary = getattr(frappe.local, "replica_db", None), getattr(frappe.local, "primary_db", None)
	if replica is None or primary is None or frappe.local.db is replica:
		return fn(*args, **kwargs)
	was_read_only = frappe.flags.read_only
	frappe.local.db, frappe.flags.read_only = replica, True
	try:
		return fn(*args, **kwargs)
	except (pymysql.err.OperationalError, pymysql.err.InterfaceError):
		frappe.local.db = primary
		return fn(*args, **kwargs)
	finally:
		replica.close()
		frappe.local.db, frappe.flags.read_only = primary, was_read_only


# --- when the replica is down -------------------------------------------------------------------------


def fall_back_when_down(*args, **kwargs):
	"""before_request and before_job: read from the primary alone while the replica does not answer."""
	conf = frappe.local.conf
	if not conf.get("read_from_replica"):
		return
	if not replica_answers(conf):
		conf.read_from_replica = 0


def replica_answers(conf) -> bool:
	host, port = conf.get("replica_host"), conf.get("replica_db_port")
	key = f"complaints_hc:replica_answers:{host}:{port}"
	known = frappe.cache.get_value(key)
	if known is not None:
		return bool(known)
	answers = try_replica(conf)
	frappe.cache.set_value(key, int(answers), expires_in_sec=ANSWERED_FOR if answers else SILENT_FOR)
	note_change(f"{host}:{port}", answers)
	return answers


def try_replica(conf) -> bool:
	"""Log in to the replica as Frappe would, and ask it something."""
	user, password = conf.db_name, conf.db_password
	if conf.get("different_credentials_for_replica"):
		user, password = conf.replica_db_name, conf.replica_db_password
	try:
		connection = pymysql.connect(
			host=conf.get("replica_host"),
			port=int(conf.get("replica_db_port") or 3306),
			user=user,
			password=password,
			database=conf.db_name,
			connect_timeout=CONNECT_TIMEOUT,
			read_timeout=CONNECT_TIMEOUT,
		)
	except Exception:
		return False
	try:
		with connection.cursor() as cursor:
			cursor.execute("select 1")
		return True
	except Exception:
		return False
	finally:
		connection.close()


def note_change(replica: str, answers: bool):
	"""Note once when the replica stops answering (the bench's log and an Error Log, for the System
	Manager), and once when it answers again."""
	key = f"complaints_hc:replica_state:{replica}"
	state, previous = ("up" if answers else "down"), frappe.cache.get_value(key)
	if previous == state:
		return
	frappe.cache.set_value(key, state)
	logger = frappe.logger(LOGGER, allow_site=True)
	logger.setLevel(logging.INFO)  # Frappe logs errors alone by default; these are worth keeping
	if not answers:
		message = f"The read replica {replica} does not answer: reports read from the primary until it does."
		logger.warning(message)
		# deferred: this request may be a GET, whose own writes Frappe rolls back
		frappe.log_error(title="Read replica not answering", message=message, defer_insert=True)
	elif previous is not None:
		logger.info(f"The read replica {replica} answers again: reports read from it.")


# --- Frappe's methods, reading from the replica --------------------------------------------------------


@frappe.whitelist()
@read_from_replica
def run_report(
	report_name,
	filters=None,
	user=None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field=None,
	are_default_filters=True,
):
	"""Frappe's report runner (itself `read_only`), in read-only mode on the replica: a report that fails
	(a filter left out) otherwise writes its Error Log to the replica, and the user is shown the
	replica's refusal instead of what was wrong. A prepared result stays its owner's (prepared_reports.py)."""
	from complaints_hc.security.prepared_reports import run

	return run(report_name, filters, user, ignore_prepared_report, custom_columns, is_tree, parent_field,
		are_default_filters)  # fmt: skip


@frappe.whitelist()
@read_from_replica
def export_report():
	"""Frappe's report export, wholly on the replica (it runs the report as `run_report` does), of the
	asker's own prepared result (prepared_reports.py)."""
	from complaints_hc.security.prepared_reports import export_query

	return export_query()


@frappe.whitelist()
@read_from_replica
def get_number_card_result(doc, filters, to_date=None):
	from frappe.desk.doctype.number_card.number_card import get_result

	return get_result(doc, filters, to_date)


@frappe.whitelist()
@read_from_replica
def get_number_card_difference(doc, filters, result):
	from frappe.desk.doctype.number_card.number_card import get_percentage_difference

	return get_percentage_difference(doc, filters, result)


def note_chart_synced(chart_name: str | None):
	"""Frappe notes when a saved chart was last drawn, unless in read-only mode: on the primary, then."""
	if chart_name and frappe.conf.read_from_replica and not on_replica():
		frappe.db.set_value("Dashboard Chart", chart_name, "last_synced_on", now(), update_modified=False)
