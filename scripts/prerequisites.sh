#!/usr/bin/env bash
# Brings a fresh machine up to what Assay needs, one idempotent step at a time. Sourced by
# start.sh and test.sh. Every system change says what it does before doing it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { echo "[assay] $*"; }

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_node_modules() {
  if [ ! -d "$ROOT/node_modules/.bin" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_docker() {
  bash "$ROOT/scripts/ensure-docker.sh"
}

ensure_python() {
  # The python sandbox image is assembled from Debian's interpreter (see runner/src/images).
  if [ ! -x /usr/bin/python3.11 ]; then
    if can_install; then say "installing Debian's python3-minimal for the python sandbox image"; apt_install python3-minimal
    else echo "Assay's python sandbox needs /usr/bin/python3.11 (Debian's python3-minimal)." >&2; exit 1; fi
  fi
}

redis_url() { echo "${REDIS_URL:-redis://127.0.0.1:6379}"; }

ensure_redis() {
  if node -e "const s=require('net').connect(6379,'127.0.0.1');s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1))" 2>/dev/null \
     || [ -n "${REDIS_URL:-}" ]; then return 0; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    if can_install; then say "installing redis-server from Debian"; apt_install redis-server
    else echo "Assay needs Redis on 127.0.0.1:6379 (or REDIS_URL). Install and start it, then run this again." >&2; exit 1; fi
  fi
  say "starting redis-server on 127.0.0.1:6379 (no persistence; the database is the source of truth)"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli ping >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "redis-server did not start" >&2; exit 1
}

ensure_postgres() {
  # Only the test suite needs Postgres (the platform defaults to embedded PGlite).
  if pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if can_install; then say "installing PostgreSQL from Debian (the tests run every storage test on it too)"; apt_install postgresql
    else echo "The tests need PostgreSQL on 127.0.0.1:5432. Install and start it, then run this again." >&2; exit 1; fi
  fi
  say "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 40); do pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break; sleep 0.25; done
  # Trust auth on loopback for the test database, as on this project's machines.
  psql -h 127.0.0.1 -U postgres -d postgres -tc "select 1" >/dev/null 2>&1 || \
    su postgres -c "psql -c \"alter user postgres password 'postgres'\"" >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -U postgres -d postgres -tc "select 1 from pg_database where datname='test'" 2>/dev/null | grep -q 1 || \
    psql -h 127.0.0.1 -U postgres -d postgres -c "create database test" >/dev/null 2>&1 || true
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if can_install; then say "installing Debian's chromium for the browser tests"; apt_install chromium
  else echo "The browser tests need /usr/bin/chromium (Debian's chromium package)." >&2; exit 1; fi
}

ensure_images() {
  (cd "$ROOT" && npx tsx runner/src/images/build-images.ts)
}

# What every entry point needs first: npm dependencies, the Docker engine, python, Redis.
ensure_platform() {
  ensure_node_modules
  ensure_docker
  ensure_python
  ensure_redis
}
