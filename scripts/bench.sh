#!/usr/bin/env bash
# npm run bench: speed and memory targets, each printed as a ratio against a baseline measured in
# the same process. Cold start of every action, then each action's own benchmarks (actions/*/bench/*.mjs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
turbo run build --concurrency=2 --output-logs=errors-only
node scripts/bench/cold-start.mjs
shopt -s nullglob
for bench in actions/*/bench/*.mjs; do
  printf '\n%s\n' "$bench"
  node "$bench"
done
