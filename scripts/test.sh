#!/usr/bin/env bash
# `npm test`: sets up what the tests touch (Docker, Redis, Postgres, images, Chromium), then
# type-checks, runs every vitest project and validates every challenge folder in sandboxes.
set -euo pipefail
source "$(dirname "$0")/prerequisites.sh"
started=$(date +%s)
ensure_platform
ensure_postgres
ensure_images
if [ -d "$ROOT/tests/e2e" ]; then ensure_chromium; fi
cd "$ROOT"
say "type-checking every workspace"
npm run -s typecheck
# One project at a time: the Docker-heavy groups time their cases and must not compete.
say "running the module tests"
npx vitest run --project modules
for project in integration security e2e; do
  if [ -d "tests/$project" ]; then
    say "running the $project tests"
    npx vitest run --project "$project"
  fi
done
say "validating every challenge folder in real sandboxes"
npm run -s challenge -- validate
say "npm test took $(( $(date +%s) - started )) s"
