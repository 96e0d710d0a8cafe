#!/usr/bin/env bash
# Everything `make run` and `make test` need, installed only when missing (so a second run takes seconds):
# PostgreSQL (15 or newer) with PostGIS 3, GDAL, Redis, a virtual env with the pinned packages, the database.
# Honours DATABASE_URL and REDIS_URL when set: then it uses those servers and installs none.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "Missing packages ($*) and no apt-get here: install them by hand." >&2; exit 1
  fi
  if [ -z "$APT_UPDATED" ]; then say "apt-get update"; $SUDO apt-get update -qq; APT_UPDATED=1; fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# --- System packages: GDAL/GEOS/PROJ for GeoDjango, Python 3.11+ with venv, clients; Chromium for browser tests ------
pick_python() {
  for candidate in ${PYTHON:-} python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null \
      && "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 13))' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
}
missing=()
have_pkg gdal-bin || missing+=(gdal-bin)
PYTHON=$(pick_python)
if [ -z "$PYTHON" ]; then missing+=(python3.11 python3.11-venv); fi
if [ -n "$PYTHON" ] && ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then missing+=(python3-venv); fi
command -v pg_isready >/dev/null || missing+=(postgresql-client)
command -v redis-cli >/dev/null || missing+=(redis-tools)
command -v curl >/dev/null || missing+=(curl)
command -v msgfmt >/dev/null || missing+=(gettext)
if [ "${SETUP_BROWSER:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
# npm fetches the pinned axe-core for the accessibility test (below).
if [ "${SETUP_BROWSER:-0}" = 1 ] && ! command -v npm >/dev/null; then missing+=(npm); fi
# zbarimg decodes the API's QR images in the tests; Nanum gives the browser screenshots Korean glyphs, WenQuanYi Micro
# Hei the Chinese ones (the language switcher's 简体中文).
if [ "${SETUP_BROWSER:-0}" = 1 ] && ! command -v zbarimg >/dev/null; then missing+=(zbar-tools); fi
if [ "${SETUP_BROWSER:-0}" = 1 ] && ! have_pkg fonts-nanum; then missing+=(fonts-nanum); fi
if [ "${SETUP_BROWSER:-0}" = 1 ] && ! have_pkg fonts-wqy-microhei; then missing+=(fonts-wqy-microhei); fi
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
PYTHON=$(pick_python)

# --- PostgreSQL with PostGIS ----------------------------------------------------------------------------------------------
if [ -z "${DATABASE_URL:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt_install postgresql
  fi
  PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
  have_pkg "postgresql-$PG_VERSION-postgis-3" || apt_install "postgresql-$PG_VERSION-postgis-3"
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    say "starting PostgreSQL $PG_VERSION"
    [ -d "/etc/postgresql/$PG_VERSION/main" ] || $SUDO pg_createcluster "$PG_VERSION" main >/dev/null
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start 2>/dev/null \
      || $SUDO pg_ctlcluster "$PG_VERSION" main start
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  # Superuser psql: over the local socket as the postgres OS user, else over TCP (trust setups).
  if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    pg_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }
  else
    pg_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
  fi
  # The local role is a superuser so that tests can create their database and the postgis extension in it.
  if [ "$(pg_admin -c "SELECT 1 FROM pg_roles WHERE rolname='checkin'")" != "1" ]; then
    say "creating database role checkin"
    pg_admin -c "CREATE ROLE checkin LOGIN SUPERUSER PASSWORD 'checkin'"
  fi
  if [ "$(pg_admin -c "SELECT 1 FROM pg_database WHERE datname='checkin'")" != "1" ]; then
    say "creating database checkin"
    pg_admin -c "CREATE DATABASE checkin OWNER checkin"
  fi
  pg_admin -d checkin -c "CREATE EXTENSION IF NOT EXISTS postgis" 2>/dev/null
  export DATABASE_URL="postgis://checkin:checkin@127.0.0.1:5432/checkin"
fi

# --- Redis ----------------------------------------------------------------------------------------------------------------
if [ -z "${REDIS_URL:-}" ]; then
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    command -v redis-server >/dev/null || apt_install redis-server
    say "starting Redis"
    mkdir -p /tmp/checkin-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/checkin-redis \
      --logfile /tmp/checkin-redis/redis.log
    for _ in $(seq 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
fi

# --- Python virtual env with the pinned packages --------------------------------------------------------------------------
if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat .venv/.installed 2>/dev/null)" != "$stamp" ]; then
  say "installing Python packages"
  .venv/bin/pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/pip install -q --disable-pip-version-check -e ".[dev]"
  echo "$stamp" > .venv/.installed
fi

# --- Secret key: random, once per installation, outside git (config/secret_key.py); DJANGO_SECRET_KEY wins ---------------
if [ -z "${DJANGO_SECRET_KEY:-}" ] && [ -z "${DJANGO_SECRET_KEY_FILE:-}" ] && [ ! -s var/secret_key ]; then
  say "generating var/secret_key"
  mkdir -p var
  (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))' > var/secret_key)
fi

# --- axe-core for tests/dashboard/test_accessibility.py: one exact version from the npm registry, in var/node/ (git ignores
# var/), fetched only when that version is not there yet ---------------------------------------------------------------
AXE_CORE_VERSION=4.10.3
if [ "${SETUP_BROWSER:-0}" = 1 ] \
  && ! grep -q "\"version\": \"$AXE_CORE_VERSION\"" var/node/node_modules/axe-core/package.json 2>/dev/null; then
  say "installing axe-core $AXE_CORE_VERSION into var/node"
  mkdir -p var/node
  npm install --prefix var/node --no-audit --no-fund --ignore-scripts --save-exact --loglevel=error \
    "axe-core@$AXE_CORE_VERSION" >/dev/null
fi

# --- Translations: compile each catalogue in locale/ whose .po is newer than its .mo ----------------------------------
for po in locale/*/LC_MESSAGES/django.po; do
  [ -e "$po" ] || continue
  mo="${po%.po}.mo"
  if [ ! -e "$mo" ] || [ "$po" -nt "$mo" ]; then msgfmt --check-format -o "$mo" "$po"; fi
done

# --- Schema ------------------------------------------------------------------------------------------------------------------
say "migrating"
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py collectstatic --no-input -v 0
