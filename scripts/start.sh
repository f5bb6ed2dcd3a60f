#!/usr/bin/env bash
# `npm start`: everything Assay needs on this machine, then the API and a runner.
set -euo pipefail
source "$(dirname "$0")/prerequisites.sh"
ensure_platform
ensure_images
if [ -f "$ROOT/web/vite.config.ts" ]; then
  say "building the web app"
  (cd "$ROOT" && npm run -s -w web build >/dev/null)
fi
exec npx tsx "$ROOT/scripts/start-platform.ts"
