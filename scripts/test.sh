#!/usr/bin/env bash
# `npm test`: sets up what the tests touch (Docker, Redis, Postgres, images, Chromium), then
# type-checks, runs every vitest project and validates every challenge folder in sandboxes.
set -euo pipefail
source "$(dirname "$0")/prerequisites.sh"
started=$(date +%s)
ensure_node_modules
ensure_docker
ensure_python
ensure_redis
ensure_postgres
ensure_images
if [ -d "$ROOT/tests/e2e" ]; then ensure_chromium; fi
cd "$ROOT"
say "type-checking every workspace"
npm run -s typecheck
say "running the tests"
npx vitest run
say "validating every challenge folder in real sandboxes"
npm run -s challenge -- validate
say "npm test took $(( $(date +%s) - started )) s"
