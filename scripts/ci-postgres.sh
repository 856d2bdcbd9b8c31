#!/usr/bin/env bash
# Runs the whole vitest suite again on a throwaway PostgreSQL server (and on MongoDB when
# MONGODB_URL is set). Installs PostgreSQL from the distribution's packages when it is missing,
# initdb's a cluster in a temporary folder, starts it on 127.0.0.1 on a free port, and removes it
# all on exit. Each test file gets its own fresh database on that server (tests/helpers/app.ts).
# With CI_POSTGRES_CLUSTER=1 it also runs `npm run test:cluster` against the same server.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  echo "== installing PostgreSQL"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends postgresql
fi
bin=$(pg_bin)
echo "== PostgreSQL: $("$bin/postgres" --version)"

work=$(mktemp -d /tmp/news-portal-pg-XXXXXX)
chmod 755 "$work"
# initdb refuses to run as root: run the server as the `postgres` user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cleanup() {
  as_pg "$bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_pg "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || as_pg "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; exit 1; }
# A throwaway server for tests: no fsync (a crash of the machine loses the test run, nothing else).
as_pg "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$work/server.log"; exit 1; }
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "== npm test on PostgreSQL ($TEST_DATABASE_URL)"
start=$(date +%s)
npx vitest run
echo "== PostgreSQL suite: $(( $(date +%s) - start )) s"

if [ "${CI_POSTGRES_CLUSTER:-0}" = 1 ]; then
  echo "== npm run test:cluster on the same server"
  CLUSTER_POSTGRES_URL="$TEST_DATABASE_URL" npm run test:cluster
fi

if [ -n "${MONGODB_URL:-}" ]; then
  echo "== npm test on MongoDB"
  start=$(date +%s)
  TEST_DATABASE_URL="$MONGODB_URL" npx vitest run
  echo "== MongoDB suite: $(( $(date +%s) - start )) s"
fi
echo "ci-postgres: all passed"
