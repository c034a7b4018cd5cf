#!/usr/bin/env bash
# Installs the peer scanners the benchmark compares against into bench/.peers/ (git-ignored).
# Every peer is optional: one that cannot be installed is skipped and the reason is written to
# bench/.peers/<name>.skipped, which run.sh reports in the results table.
# Versions are pinned here so runs are comparable; override with the env vars below.
set -uo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PEERS="${PEERS_DIR:-$BENCH_DIR/.peers}"
CHECKOV_VERSION="${CHECKOV_VERSION:-3.3.30}"
TRIVY_VERSION="${TRIVY_VERSION:-v0.74.0}"
KUBE_LINTER_VERSION="${KUBE_LINTER_VERSION:-v0.7.6}"
KICS_VERSION="${KICS_VERSION:-v2.2.0}"
mkdir -p "$PEERS/bin" "$PEERS/logs"
export GOBIN="$PEERS/bin" GOFLAGS="${GOFLAGS:--mod=mod}"

skip() { # name, reason
  echo "$2" > "$PEERS/$1.skipped"
  echo "peer $1: SKIPPED ($2)" >&2
}
ok() { rm -f "$PEERS/$1.skipped"; echo "peer $1: installed" >&2; }

install_checkov() {
  if [[ -x "$PEERS/checkov/bin/checkov" ]]; then ok checkov; return; fi
  if ! python3 -m venv "$PEERS/checkov" > "$PEERS/logs/checkov.log" 2>&1; then
    skip checkov "python3 -m venv failed (see .peers/logs/checkov.log)"; return
  fi
  if "$PEERS/checkov/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION" \
      >> "$PEERS/logs/checkov.log" 2>&1; then
    ok checkov
  else
    skip checkov "pip install checkov==$CHECKOV_VERSION failed (see .peers/logs/checkov.log)"
  fi
}

# A Go program installed through a throw-away tool module, so the version is recorded in its go.mod.
go_tool() { # name, module path of the command package, version
  local name="$1" pkg="$2" version="$3" dir="$PEERS/src/$1"
  if [[ -x "$PEERS/bin/$name" ]]; then ok "$name"; return 0; fi
  if ! command -v go > /dev/null; then skip "$name" "no go toolchain on PATH"; return 1; fi
  mkdir -p "$dir"
  ( cd "$dir" && { [[ -f go.mod ]] || go mod init "bench.local/$name"; } \
      && go get -tool "$pkg@$version" && go install "$pkg" ) > "$PEERS/logs/$name.log" 2>&1
  # `go install` names the binary after the package folder (KICS: console).
  local built="$PEERS/bin/$(basename "$pkg")"
  if [[ "$built" != "$PEERS/bin/$name" && -x "$built" ]]; then mv "$built" "$PEERS/bin/$name"; fi
  if [[ -x "$PEERS/bin/$name" ]]; then ok "$name"; return 0; fi
  skip "$name" "go install $pkg@$version failed: $(grep -v '^go: downloading' "$PEERS/logs/$name.log" | tail -1 \
    | sed -E 's#reading https?://[^ ]*#the module proxy answered#' | cut -c1-200)"
  return 1
}

install_kics() {
  go_tool kics github.com/Checkmarx/kics/v2/cmd/console "$KICS_VERSION" || return
  # KICS also needs its Rego queries and libraries, which ship inside the module source in the Go module cache.
  local moddir
  moddir="$(cd "$PEERS/src/kics" && go list -m -f '{{.Dir}}' github.com/Checkmarx/kics/v2 2>/dev/null)"
  if [[ -d "$moddir/assets/queries" ]]; then
    rm -rf "$PEERS/kics-assets" && mkdir -p "$PEERS/kics-assets"
    cp -r "$moddir/assets/queries" "$moddir/assets/libraries" "$PEERS/kics-assets/" && chmod -R u+w "$PEERS/kics-assets"
  else
    skip kics "KICS queries not found in the Go module cache ($moddir/assets/queries)"
  fi
}

case "${1:-all}" in
  checkov) install_checkov ;;
  trivy) GOEXPERIMENT=jsonv2 go_tool trivy github.com/aquasecurity/trivy/cmd/trivy "$TRIVY_VERSION" ;;
  kube-linter) go_tool kube-linter golang.stackrox.io/kube-linter/cmd/kube-linter "$KUBE_LINTER_VERSION" ;;
  kics) install_kics ;;
  all)
    install_checkov
    # Trivy imports encoding/json/v2, which Go 1.25+ ships behind this experiment flag.
    GOEXPERIMENT=jsonv2 go_tool trivy github.com/aquasecurity/trivy/cmd/trivy "$TRIVY_VERSION"
    go_tool kube-linter golang.stackrox.io/kube-linter/cmd/kube-linter "$KUBE_LINTER_VERSION"
    install_kics
    ;;
  *) echo "usage: install-peers.sh [all|checkov|trivy|kube-linter|kics]" >&2; exit 2 ;;
esac
exit 0
