#!/usr/bin/env bash
# npm run release -- X.Y.Z: checks, changelog, tags (vX.Y.Z, and the moved vX.Y and vX), pushes,
# the GitHub release, and one standalone repository per action (packages/release).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/env.sh
source scripts/env.sh
exec node packages/release/src/cli.ts "$@"
