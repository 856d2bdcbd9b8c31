#!/usr/bin/env bash
# Adds a migration for each SQL adapter after a schema change: `npm run migrate:create -- name`.
# SQLite needs nothing; PostgreSQL needs a server: set MIGRATE_POSTGRES_URL (an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-schema}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# payload's migrate:create asks questions on a terminal; `script` gives it one.
DATABASE_URL="file:$tmp/migrate.db" script -qec "npx payload migrate:create $name --skip-empty" /dev/null
if [ -n "${MIGRATE_POSTGRES_URL:-}" ]; then
  DATABASE_URL="$MIGRATE_POSTGRES_URL" script -qec "npx payload migrate:create $name --skip-empty" /dev/null
else
  echo "MIGRATE_POSTGRES_URL is not set: skipped the PostgreSQL migration." >&2
fi
