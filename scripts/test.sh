#!/usr/bin/env bash
# The README's test command (npm test): installs what it needs, then typecheck, lint, build,
# generated-docs and dist checks, and every test suite. Ends with "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
# The runner image build (docker/test/image-build.itg.test.ts) is opt-in elsewhere; npm test runs
# it (about two minutes). MLOPS_BUILD_RUNNER_IMAGE=0 skips it.
export MLOPS_BUILD_RUNNER_IMAGE="${MLOPS_BUILD_RUNNER_IMAGE:-1}"
status=0
phase() { printf '\n== %s\n' "$*"; }

phase "typecheck and build (turbo)"
turbo run typecheck build --concurrency=2 --output-logs=errors-only

phase "lint and format (biome)"
node node_modules/@biomejs/biome/bin/biome ci --colors=off . || status=1

phase "generated action READMEs"
node scripts/gen-readme.mjs --check || status=1

phase "committed dist/ matches the sources"
if [[ -n "$(git status --porcelain -- 'actions/*/dist' docker/dist)" ]]; then
  git status --short -- 'actions/*/dist' docker/dist | head -20
  echo "dist/ is stale: run 'npm run build' and commit actions/*/dist and docker/dist." >&2
  status=1
fi

phase "tests (turbo)"
rm -rf .cache/test-results
turbo run test --concurrency=1 --continue --output-logs=full || status=1

node scripts/test-summary.mjs .cache/test-results || status=1
exit "$status"
