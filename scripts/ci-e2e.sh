#!/usr/bin/env bash
# The real-browser suite (docs/e2e.md) on Debian's Chromium, right after `npm run build` (reuses .next).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
E2E_REUSE_BUILD=1 npm run test:e2e
