#!/usr/bin/env bash
# Builds the local Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, kwok) in one `go build`, so the six binaries share compiled packages,
# into the project's cache keyed by this module's go.mod and go.sum; prints the bin folder.
# Reused when present: a first build takes about 20 minutes on 2 cores, a cached one nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${MLOPS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mlops-actions}"
# shellcheck source=versions.env
source "$here/versions.env"
key="$(cat "$here/go.mod" "$here/go.sum" "$here/etcd/main.go" | sha256sum | cut -c1-16)"
bin="$cache/kube/$KUBERNETES_VERSION-$key/bin"
tools=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok)

# kwok's own stage definitions and CRDs, from the module's source, beside the binaries.
assets() {
  local kwok_dir out="$bin/../kwok"
  [[ -f "$out/crd/kwok.x-k8s.io_stages.yaml" ]] && return 0
  kwok_dir="$(cd "$here" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)"
  mkdir -p "$out.tmp/crd" "$out.tmp/stage"
  cp "$kwok_dir"/kustomize/crd/bases/*.yaml "$out.tmp/crd/"
  for f in node/fast/node-initialize node/heartbeat/node-heartbeat pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
    cp "$kwok_dir/kustomize/stage/$f.yaml" "$out.tmp/stage/"
  done
  chmod -R u+w "$out.tmp"
  rm -rf "$out" && mv "$out.tmp" "$out"
}

complete=1
for t in "${tools[@]}"; do [[ -x "$bin/$t" ]] || complete=0; done
if ((complete)); then
  assets
  echo "$bin"
  exit 0
fi
command -v go >/dev/null || { echo "kube build: Go is not installed; install Go 1.26 or newer to build the local control plane." >&2; exit 1; }
echo "kube build: building Kubernetes $KUBERNETES_VERSION, etcd and kwok $KWOK_VERSION (first time only, about 20 minutes on 2 cores)" >&2
tmp="$bin.tmp.$$"
rm -rf "$tmp" && mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
# The version stamps Kubernetes' own build sets (hack/lib/version.sh), so `kubectl version` and
# the API server's skew checks see the release and not v0.0.0-master.
minor="${KUBERNETES_VERSION#v1.}"; minor="${minor%%.*}"
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done
cd "$here"
start=$SECONDS
CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly go build -trimpath -ldflags "$ldflags" -o "$tmp/" \
  ./etcd k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl sigs.k8s.io/kwok/cmd/kwok
rm -rf "$bin" && mkdir -p "$(dirname "$bin")" && mv "$tmp" "$bin"
trap - EXIT
assets
echo "kube build: done in $((SECONDS - start)) s" >&2
echo "$bin"
