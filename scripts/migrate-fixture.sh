#!/usr/bin/env bash
# Writes tests/fixtures/presites/: a database made by the code from before sites, as text, for
# tests/sites-upgrade.test.ts. In a temporary checkout of PRESITES_COMMIT (default: the main commit
# the sites work starts from) it runs the production seed (which runs that code's migrations), lets
# a few readers visit and rate through GraphQL (scripts/migrate-fixture-activity.ts), records the
# figures that code shows, and dumps the database: SQLite always (needs sqlite3), PostgreSQL when
# MIGRATE_POSTGRES_SERVER names a server (postgres://user@host:port, needs pg_dump; a database
# is created and dropped there). `bash scripts/migrate-fixture.sh`; commit what it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
commit=${PRESITES_COMMIT:-c3aeb8a}
out="$root/tests/fixtures/presites"
work=$(mktemp -d /tmp/presites-XXXXXX)
pgdb="presites_fixture_$$"
cleanup() {
  rm -rf "$work"
  if [ -n "${MIGRATE_POSTGRES_SERVER:-}" ]; then
    psql -q "$MIGRATE_POSTGRES_SERVER/postgres" -c "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" || true
  fi
}
trap cleanup EXIT
mkdir -p "$out" "$work/code"
git archive "$commit" | tar -x -C "$work/code"
ln -s "$root/node_modules" "$work/code/node_modules"
cp scripts/migrate-fixture-activity.ts "$work/code/scripts/"
# One instant for the readers' visits and the figures read: the test reads at the same instant.
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)

build() { # $1 = sqlite|postgres, $2 = DATABASE_URL
  (
    cd "$work/code"
    export NODE_ENV=production PAYLOAD_SECRET=presites-fixture DATABASE_URL="$2" SEED_ON_START=false
    npm run seed >"$work/$1-seed.log" 2>&1 || { cat "$work/$1-seed.log"; exit 1; }
    FIXTURE_NOW="$now" FIXTURE_BEFORE="$out/$1.before.json" \
      npx cross-env NODE_OPTIONS="--no-deprecation --conditions=development" tsx scripts/migrate-fixture-activity.ts \
      >"$work/$1-activity.log" 2>&1 || { cat "$work/$1-activity.log"; exit 1; }
  )
}

build sqlite "file:$work/presites.db"
{
  echo "-- A database made by news-portal $commit (before sites) with its production seed and a few"
  echo "-- readers' visits and votes: written by scripts/migrate-fixture.sh, loaded by tests/sites-upgrade.test.ts."
  sqlite3 "$work/presites.db" .dump
} >"$out/sqlite.sql"
echo "wrote $out/sqlite.sql and sqlite.before.json"

if [ -n "${MIGRATE_POSTGRES_SERVER:-}" ]; then
  psql -q "$MIGRATE_POSTGRES_SERVER/postgres" -c "CREATE DATABASE $pgdb"
  build postgres "$MIGRATE_POSTGRES_SERVER/$pgdb"
  {
    echo "-- A database made by news-portal $commit (before sites) with its production seed and a few"
    echo "-- readers' visits and votes: written by scripts/migrate-fixture.sh, loaded by tests/sites-upgrade.test.ts."
    # psql's meta-commands (\restrict) are not SQL: the test sends the file as one query.
    pg_dump --inserts --no-owner --no-privileges --no-comments "$MIGRATE_POSTGRES_SERVER/$pgdb" | grep -v '^\\'
  } >"$out/postgres.sql"
  echo "wrote $out/postgres.sql and postgres.before.json"
fi
