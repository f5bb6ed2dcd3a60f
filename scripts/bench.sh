#!/usr/bin/env bash
# `npm run bench`: sets up what the benchmarks touch beyond `npm start` (Postgres for the API
# under load, Chromium for the web load), then runs them all (bench/run-bench.ts).
set -euo pipefail
source "$(dirname "$0")/prerequisites.sh"
ensure_platform
ensure_postgres
ensure_images
ensure_chromium
cd "$ROOT"
exec npx tsx bench/run-bench.ts
