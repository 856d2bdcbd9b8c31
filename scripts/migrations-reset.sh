#!/usr/bin/env bash
# Before the first release only: replaces every migration with one `initial` migration per SQL adapter.
# Needs MIGRATE_POSTGRES_URL: an empty PostgreSQL database.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${MIGRATE_POSTGRES_URL:?set MIGRATE_POSTGRES_URL to an empty PostgreSQL database}"
for kind in sqlite postgres; do
  rm -f migrations/$kind/[0-9]*_*.ts migrations/$kind/[0-9]*_*.json
  echo "export const migrations = []" > migrations/$kind/index.ts
done
bash scripts/migrate-create.sh initial
