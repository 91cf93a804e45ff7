# Shared set-up for scripts/demo and scripts/test: sourced, never run on its own.
#
# Everything here is safe to run twice: each step checks what is already there.
# Every setting can be overridden from the environment (see README, "Settings").

set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP_NAME=complaints_hc

if [ "$(id -u)" = 0 ]; then
	BENCH_USER=${BENCH_USER:-frappe}
else
	BENCH_USER=${BENCH_USER:-$(id -un)}
fi
BENCH_HOME=$(getent passwd "$BENCH_USER" | cut -d: -f6 || true)
BENCH_HOME=${BENCH_HOME:-/home/$BENCH_USER}
# WITH_ERPNEXT=1 (scripts/test --erpnext): a second bench, beside the first, that also holds ERPNext.
WITH_ERPNEXT=${WITH_ERPNEXT:-0}
if [ "$WITH_ERPNEXT" = 1 ]; then
	BENCH_DIR=${ERPNEXT_BENCH_DIR:-$BENCH_HOME/erpnext-bench}
else
	BENCH_DIR=${BENCH_DIR:-$BENCH_HOME/frappe-bench}
fi
FRAPPE_BRANCH=${FRAPPE_BRANCH:-version-15}
BENCH_PYTHON=${BENCH_PYTHON:-/usr/bin/python3}
# MariaDB listens on loopback only; this password never leaves the machine.
DB_ROOT_PASSWORD=${DB_ROOT_PASSWORD:-complaints-hc-local}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}

log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

# Run a command as the bench user (bench refuses to run as root).
as_bench() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$BENCH_USER" -- env HOME="$BENCH_HOME" PATH="$BENCH_HOME/.bench-cli/bin:$PATH" "$@"
	else
		env PATH="$BENCH_HOME/.bench-cli/bin:$PATH" "$@"
	fi
}

# Run a command as root (for system packages and services).
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

bench_cmd() { (cd "$BENCH_DIR" && as_bench bench "$@"); }

ensure_system_packages() {
	# wkhtmltopdf: Frappe v15 makes every PDF (letters, the bulletin) with it. gnupg and file: Frappe
	# encrypts backups with gpg, and its restore tells an encrypted one by `file`.
	local wanted=(mariadb-server mariadb-client redis-server python3-venv python3-dev git rsync pkg-config
		libmariadb-dev cron fonts-dejavu-core wkhtmltopdf gnupg file "$@")
	local missing=()
	for pkg in "${wanted[@]}"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		log "Installing system packages: ${missing[*]}"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
	command -v node >/dev/null || die "Node.js 18 or newer is needed (Frappe v15 builds its assets with it)."
	if ! command -v yarn >/dev/null; then
		log "Installing yarn"
		as_root npm install -g yarn@1 >/dev/null
	fi
}

# What the test command needs beyond the demo: the browser tests' Chromium, the mail tests' IMAP server,
# and nginx and supervisor for the production stack the HTTPS tests bring up (scripts/production-stack).
TEST_PACKAGES=(chromium chromium-driver dovecot-imapd nginx supervisor)

mysql_root() { mysql -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 "$@"; }

# MariaDB as Frappe needs it (utf8mb4, utf8mb4_unicode_ci), writing the binary log a read replica
# follows (server-id, row by row; kept three days, so a replica down over a weekend can catch up).
mariadb_settings() {
	cat <<-'EOF'
		[mysqld]
		character-set-client-handshake = FALSE
		character-set-server = utf8mb4
		collation-server = utf8mb4_unicode_ci
		bind-address = 127.0.0.1
		server-id = 1
		log_bin = mariadb-bin
		binlog_format = ROW
		binlog_expire_logs_seconds = 259200
		max_binlog_size = 100M

		[mysql]
		default-character-set = utf8mb4
	EOF
}

ensure_mariadb() {
	local cnf=/etc/mysql/mariadb.conf.d/99-complaints-hc.cnf wanted
	wanted=$(mariadb_settings)
	# Compared by content: an older file (without the binary log) is replaced, and MariaDB restarted.
	if [ "$(as_root cat "$cnf" 2>/dev/null)" != "$wanted" ]; then
		log "Configuring MariaDB for Frappe (utf8mb4, utf8mb4_unicode_ci) and for a read replica (binary log)"
		printf '%s\n' "$wanted" | as_root tee "$cnf" >/dev/null
		if as_root mysqladmin ping --silent >/dev/null 2>&1; then
			as_root mysqladmin shutdown
		fi
	fi
	if ! as_root mysqladmin ping --silent >/dev/null 2>&1; then
		log "Starting MariaDB"
		as_root service mariadb start >/dev/null 2>&1 || {
			as_root mkdir -p /run/mysqld && as_root chown mysql: /run/mysqld
			as_root bash -c 'nohup mysqld_safe >/dev/null 2>&1 &'
		}
		for _ in $(seq 60); do as_root mysqladmin ping --silent >/dev/null 2>&1 && break; sleep 1; done
		as_root mysqladmin ping --silent >/dev/null 2>&1 || die "MariaDB did not start"
	fi
	if ! mysql_root -e 'select 1' >/dev/null 2>&1; then
		log "Giving MariaDB's root a password for bench (socket login for the system root is kept)"
		as_root mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('$DB_ROOT_PASSWORD'); FLUSH PRIVILEGES;"
		mysql_root -e 'select 1' >/dev/null || die "Cannot log in to MariaDB as root with DB_ROOT_PASSWORD"
	fi
	local collation
	collation=$(mysql_root -N -e 'select @@collation_server')
	[ "$collation" = utf8mb4_unicode_ci ] || die "MariaDB's collation is $collation, expected utf8mb4_unicode_ci"
	[ "$(mysql_root -N -e 'select @@log_bin')" = 1 ] || die "MariaDB writes no binary log (see $cnf)"
}

ensure_bench_user() {
	if ! id "$BENCH_USER" >/dev/null 2>&1; then
		[ "$(id -u)" = 0 ] || die "user $BENCH_USER does not exist"
		log "Creating the bench user $BENCH_USER"
		useradd -m -s /bin/bash "$BENCH_USER"
		BENCH_HOME=$(getent passwd "$BENCH_USER" | cut -d: -f6)
	fi
	if [ ! -x "$BENCH_HOME/.bench-cli/bin/bench" ]; then
		log "Installing the bench command for $BENCH_USER"
		as_bench "$BENCH_PYTHON" -m venv "$BENCH_HOME/.bench-cli"
		as_bench "$BENCH_HOME/.bench-cli/bin/pip" install -q "frappe-bench>=5.22,<6"
	fi
}

ensure_bench() {
	if [ ! -f "$BENCH_DIR/sites/apps.txt" ] || ! grep -qx frappe "$BENCH_DIR/sites/apps.txt"; then
		[ ! -e "$BENCH_DIR" ] || die "$BENCH_DIR exists but is not a complete bench: remove it or set BENCH_DIR"
		log "Creating a Frappe $FRAPPE_BRANCH bench in $BENCH_DIR (several minutes)"
		as_bench mkdir -p "$(dirname "$BENCH_DIR")"
		(cd "$(dirname "$BENCH_DIR")" && as_bench bench init --frappe-branch "$FRAPPE_BRANCH" \
			--python "$BENCH_PYTHON" --no-backups "$(basename "$BENCH_DIR")")
	fi
	# setuptools 81+ dropped pkg_resources, which Frappe v15's Google client libraries import.
	if ! as_bench "$BENCH_DIR/env/bin/python" -c 'import pkg_resources' >/dev/null 2>&1; then
		as_bench "$BENCH_DIR/env/bin/pip" install -q "setuptools<81"
	fi
}

redis_ping() { redis-cli -p "$1" ping 2>/dev/null | grep -q PONG; }

ensure_redis() {
	local conf port
	for conf in redis_cache redis_queue; do
		port=$(awk '$1 == "port" {print $2}' "$BENCH_DIR/config/$conf.conf")
		if ! redis_ping "$port"; then
			log "Starting Redis ($conf, port $port)"
			(cd "$BENCH_DIR" && as_bench redis-server "config/$conf.conf" --daemonize yes >/dev/null)
			for _ in $(seq 30); do redis_ping "$port" && break; sleep 0.5; done
			redis_ping "$port" || die "Redis $conf did not start"
		fi
	done
}

# Copy the working tree (uncommitted changes included) into the bench and install it there.
sync_app() {
	log "Installing $APP_NAME from $REPO_DIR into the bench"
	local target="$BENCH_DIR/apps/$APP_NAME"
	as_bench mkdir -p "$target"
	if [ "$(id -u)" = 0 ]; then
		rsync -a --delete --chown="$BENCH_USER:$BENCH_USER" --exclude .git --exclude test-output \
			--exclude __pycache__ --exclude .pytest_cache --exclude .ruff_cache "$REPO_DIR/" "$target/"
	else
		rsync -a --delete --exclude .git --exclude test-output --exclude __pycache__ \
			--exclude .pytest_cache --exclude .ruff_cache "$REPO_DIR/" "$target/"
	fi
	as_bench "$BENCH_DIR/env/bin/pip" install -q -e "$target"
	if ! grep -qx "$APP_NAME" "$BENCH_DIR/sites/apps.txt"; then
		# bench writes apps.txt without a final newline
		as_bench bash -c 'f=$1; [ -z "$(tail -c1 "$f")" ] || echo >>"$f"; echo "$2" >>"$f"' _ "$BENCH_DIR/sites/apps.txt" "$APP_NAME"
	fi
	if [ ! -e "$BENCH_DIR/sites/assets/$APP_NAME" ]; then
		bench_cmd build --app "$APP_NAME" >/dev/null
	fi
}

# --- ERPNext v15 in the bench (scripts/test --erpnext) ----------------------------------------------
# Where ERPNext comes from: the copy reachable from this machine by default. Elsewhere, for example
# ERPNEXT_REPO=https://github.com/frappe/erpnext ERPNEXT_BRANCH=version-15.
ERPNEXT_REPO=${ERPNEXT_REPO:-https://github.com/AiBizzHub/erpnext}
ERPNEXT_BRANCH=${ERPNEXT_BRANCH:-main}

ensure_erpnext_app() {
	if [ ! -f "$BENCH_DIR/apps/erpnext/erpnext/__init__.py" ]; then
		log "Getting ERPNext ($ERPNEXT_REPO, branch $ERPNEXT_BRANCH) into $BENCH_DIR (several minutes)"
		bench_cmd get-app --branch "$ERPNEXT_BRANCH" "$ERPNEXT_REPO" >/dev/null
	fi
	# ERPNext's install refuses when its major version differs from Frappe's. The copy reachable here is
	# ERPNext v15 under another name and reports 1.0.0: the bench's copy is given Frappe's major.
	local init="$BENCH_DIR/apps/erpnext/erpnext/__init__.py" frappe_major erpnext_version
	frappe_major=$(sed -n 's/^__version__ = "\([0-9]*\)\..*"/\1/p' "$BENCH_DIR/apps/frappe/frappe/__init__.py")
	erpnext_version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$init")
	if [ "${erpnext_version%%.*}" != "$frappe_major" ]; then
		log "ERPNext here reports version $erpnext_version, Frappe $frappe_major: the bench's copy now reports $frappe_major.0.0"
		as_bench sed -i "s/^__version__ = \".*\"/__version__ = \"$frappe_major.0.0\"/" "$init"
	fi
	grep -qx erpnext "$BENCH_DIR/sites/apps.txt" || die "bench get-app did not add erpnext to $BENCH_DIR/sites/apps.txt"
}

install_dev_requirements() {
	if ! as_bench "$BENCH_DIR/env/bin/python" -c 'import pytest, hypothesis, freezegun, playwright, axe_playwright_python, textstat' >/dev/null 2>&1; then
		log "Installing development requirements (pytest, hypothesis, freezegun, playwright, axe-core, textstat)"
		bench_cmd setup requirements --python --dev >/dev/null
	fi
}

# wkhtmltopdf (Frappe's PDFs) fetches the site's own stylesheets by its name: make the name resolve here.
ensure_local_hostname() {
	local name=$1
	getent hosts "$name" >/dev/null 2>&1 && return 0
	log "Resolving $name to this machine (/etc/hosts), for the PDF engine"
	echo "127.0.0.1 $name" | as_root tee -a /etc/hosts >/dev/null
}

site_exists() { [ -f "$BENCH_DIR/sites/$1/site_config.json" ]; }

drop_site() {
	if site_exists "$1"; then
		log "Dropping site $1"
		# bench moves a dropped site's folder (its private files too) to archived/sites unless told
		# where: a temporary folder, removed at once, so nothing of an old site is kept on disk.
		local archive
		archive=$(as_bench mktemp -d)
		bench_cmd drop-site "$1" --force --no-backup --db-root-username root --db-root-password "$DB_ROOT_PASSWORD" \
			--archived-sites-path "$archive" >/dev/null
		as_bench rm -rf "$archive"
	fi
}

# Create the site with the app, or migrate it if it is already there.
ensure_site() {
	local site=$1
	if site_exists "$site"; then
		log "Migrating existing site $site"
		grep -q "\"$APP_NAME\"" <(bench_cmd --site "$site" list-apps --format json 2>/dev/null) ||
			bench_cmd --site "$site" install-app "$APP_NAME"
		bench_cmd --site "$site" migrate >/dev/null
	else
		log "Creating site $site"
		local -a apps=(--install-app "$APP_NAME")
		[ "$WITH_ERPNEXT" != 1 ] || apps=(--install-app erpnext "${apps[@]}")
		bench_cmd new-site "$site" --db-root-username root --db-root-password "$DB_ROOT_PASSWORD" \
			--admin-password "$ADMIN_PASSWORD" "${apps[@]}" >/dev/null
	fi
	bench_cmd --site "$site" execute complaints_hc.setup.install.complete_setup >/dev/null
}

PID_DIR_NAME=config/pids

# Start a long-running command as the bench user in its own session, logging to logs/NAME.log.
# Its pid (= its process group) goes to config/pids/NAME.pid so stop_named can end it and its children.
start_named() {
	local name=$1 dir=$2; shift 2
	local pidfile="$BENCH_DIR/$PID_DIR_NAME/$name.pid" logfile="$BENCH_DIR/logs/$name.log"
	stop_named "$name"
	as_bench mkdir -p "$BENCH_DIR/$PID_DIR_NAME" "$BENCH_DIR/logs"
	as_bench env LOGFILE="$logfile" PIDFILE="$pidfile" \
		bash -c 'cd "$1" && shift && { setsid nohup "$@" >"$LOGFILE" 2>&1 & echo $! >"$PIDFILE"; }' _ "$dir" "$@"
}

wait_for_http() {
	local url=$1 site=$2
	for _ in $(seq 120); do
		if curl -sf -o /dev/null -H "X-Frappe-Site-Name: $site" "$url/api/method/ping"; then return 0; fi
		sleep 0.5
	done
	die "$url did not answer"
}

stop_named() {
	local pidfile="$BENCH_DIR/$PID_DIR_NAME/$1.pid" pid
	[ -f "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
		kill -KILL -- "-$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
}

# gunicorn serving the bench's sites, with /assets and /files, on BIND.
# WEB_FAKETIME, when set, is a date and time libfaketime starts the server's clock at (scripts/test).
start_web() {
	local name=$1 bind=$2 workers=$3
	local -a clock=()
	local timeout=120
	if [ -n "${WEB_FAKETIME:-}" ]; then
		clock=(faketime "$WEB_FAKETIME")
		# gunicorn times its workers by a file's real change time, which a moved clock never matches
		timeout=0
	fi
	start_named "$name" "$BENCH_DIR/sites" "${clock[@]}" "$BENCH_DIR/env/bin/gunicorn" --bind "$bind" \
		--workers "$workers" --timeout "$timeout" --graceful-timeout 5 'frappe.app:application_with_statics()'
}

# --- mail: a real SMTP server and a real IMAP server on loopback, for the tests and the demo -------

MAIL_DIR=${MAIL_DIR:-$BENCH_DIR/mail}
AIOSMTPD_VERSION=1.4.6

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
	for _ in $(seq 60); do port_open "$1" && return 0; sleep 0.25; done
	die "nothing answers on port $1 ($2)"
}

# aiosmtpd (from PyPI) listening on 127.0.0.1:PORT, keeping every message it is given in the Maildir
# MAIL_DIR/sent/NAME, where the tests (and anyone trying the demo) read what the site sent.
start_smtp_server() {
	local name=$1 port=$2 maildir="$MAIL_DIR/sent/$1"
	if ! as_bench "$BENCH_DIR/env/bin/python" -c 'import aiosmtpd' >/dev/null 2>&1; then
		log "Installing aiosmtpd $AIOSMTPD_VERSION (the SMTP server the tests and the demo send to)"
		as_bench "$BENCH_DIR/env/bin/pip" install -q "aiosmtpd==$AIOSMTPD_VERSION"
	fi
	as_bench mkdir -p "$maildir/cur" "$maildir/new" "$maildir/tmp"
	start_named "$name" "$BENCH_DIR" "$BENCH_DIR/env/bin/python" -m aiosmtpd -n -l "127.0.0.1:$port" \
		-c aiosmtpd.handlers.Mailbox "$maildir"
	wait_for_port "$port" "SMTP server $name"
}

# Dovecot (Debian's dovecot-imapd) named NAME on 127.0.0.1:PORT, plain login on loopback only, one
# Maildir per user under MAIL_DIR/imap-NAME. USERS are "address:password" pairs.
start_imap_server() {
	local name=$1 port=$2 user; shift 2
	local conf_dir="$MAIL_DIR/dovecot-$name"
	as_root mkdir -p "$conf_dir/run" "$conf_dir/state"
	as_bench mkdir -p "$MAIL_DIR/imap-$name"
	: | as_root tee "$conf_dir/users" >/dev/null
	for user in "$@"; do echo "${user%%:*}:{PLAIN}${user#*:}::::::" | as_root tee -a "$conf_dir/users" >/dev/null; done
	as_root tee "$conf_dir/dovecot.conf" >/dev/null <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $conf_dir/run
state_dir = $conf_dir/state
log_path = $conf_dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$MAIL_DIR/imap-$name/%u
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $conf_dir/users
}
userdb {
  driver = static
  args = uid=$BENCH_USER gid=$BENCH_USER home=$MAIL_DIR/imap-$name/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
	stop_imap_server "$name" "$port"
	as_root dovecot -c "$conf_dir/dovecot.conf"
	wait_for_port "$port" "IMAP server $name"
}

stop_imap_server() {
	local name=$1 port=$2 conf="$MAIL_DIR/dovecot-$1/dovecot.conf"
	[ -f "$conf" ] || return 0
	as_root doveadm -c "$conf" stop >/dev/null 2>&1 || true
	for _ in $(seq 40); do port_open "$port" || return 0; sleep 0.25; done
}

prepare_bench() {
	ensure_system_packages "$@"
	ensure_mariadb
	ensure_bench_user
	ensure_bench
	ensure_redis
	sync_app
}
