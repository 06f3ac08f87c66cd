#!/usr/bin/env bash
# npm run demo: installs what it needs (reused on later runs), builds the actions, then runs the
# example pipeline end to end against local stand-ins (examples/demo/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
turbo run build --concurrency=2 --output-logs=errors-only
exec node examples/demo/main.ts
