#!/usr/bin/env bash
# Every test: install (Chromium, redis-server, PostgreSQL and the FreeDict dictionaries included), then typecheck, lint and all test suites.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --browser --services --dictionaries
export TURBO_TELEMETRY_DISABLED=1
exec pnpm test
