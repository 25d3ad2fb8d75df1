#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL on stdout.
#
#   export WARWIRE_TEST_PG_URL="$(.ci/start-postgres.sh)"
#
# Installs PostgreSQL with apt-get when no server binaries are found, inits a cluster in
# $WARWIRE_PG_DIR (default /tmp/warwire-pg) listening on 127.0.0.1:$WARWIRE_PG_PORT (default 54329)
# with trust auth, creates database warwire_test, prints postgresql://postgres@127.0.0.1:PORT/warwire_test.
# Idempotent: a second run reuses the running server. Stop it with:
#   pg_ctl -D "$WARWIRE_PG_DIR" stop   (as the postgres user when run as root)
set -euo pipefail

DIR="${WARWIRE_PG_DIR:-/tmp/warwire-pg}"
PORT="${WARWIRE_PG_PORT:-54329}"
DB=warwire_test

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  echo "start-postgres: installing postgresql with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi

# initdb/postgres refuse to run as root: run them as the postgres user then.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$DIR" postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
chmod 700 "$DIR"

if [ ! -f "$DIR/PG_VERSION" ]; then
  as_pg "$BIN/initdb" -D "$DIR" -A trust -U postgres -E UTF8 >"$DIR.initdb.log" 2>&1 \
    || { cat "$DIR.initdb.log" >&2; exit 1; }
fi

if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DIR" -w -t 60 -l "$DIR/server.log" \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
     "SELECT 1 FROM pg_database WHERE datname='$DB'" postgres | grep -q 1; then
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
