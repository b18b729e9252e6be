#!/usr/bin/env bash
# The demo end to end on the embedded default: install, then run the pipeline over the recorded corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec pnpm --silent parallax demo "$@"
