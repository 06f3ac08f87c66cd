#!/usr/bin/env bash
# Creates (or reuses) the Python venv with the pinned dvc, dvc-s3, bentoml, scikit-learn,
# matplotlib and moto that the integration tests and the demo run for real.
# The venv lives in the user cache, keyed by the hash of the pins, so a fresh clone reuses it.
# Prints the venv's path on stdout; progress goes to stderr.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
req="$here/python/requirements.txt"
con="$here/python/constraints.txt"
key="$(cat "$req" "$con" | sha256sum | cut -c1-16)"
cache="${MLOPS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mlops-actions}"
venv="${MLOPS_VENV:-$cache/venv-$key}"
complete() { [[ -f "$venv/.complete" && -x "$venv/bin/python" && -x "$venv/bin/dvc" && -x "$venv/bin/bentoml" ]]; }
if complete; then
  echo "$venv"
  exit 0
fi
# Two test processes may ask at once: one builds, the other waits and reuses.
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9
if complete; then
  echo "$venv"
  exit 0
fi
python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null; then
  echo "setup-python: python3 is not on PATH; install Python 3.10 or newer." >&2
  exit 1
fi
echo "setup-python: creating $venv (dvc, bentoml, scikit-learn, moto; about a minute)" >&2
# A venv hard-codes its own path, so it is built in place; .complete marks a finished one.
rm -rf "$venv"
mkdir -p "$(dirname "$venv")"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" -c "$con" >&2
touch "$venv/.complete"
echo "$venv"
