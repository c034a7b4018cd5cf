#!/bin/sh
# didChange -> publishDiagnostics latency of `spofscan lsp` on the generated corpus (default 100 copies).
# Usage: bench/lsp.sh [COPIES] [EDITS]   (needs cli/target/spofscan.jar: mvn -B -DskipTests package)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
copies=${1:-100}
edits=${2:-40}
corpus=$(mktemp -d "${TMPDIR:-/tmp}/spofscan-lsp-bench.XXXXXX")
trap 'rm -rf "$corpus"' EXIT
python3 "$here/bench/gen/generate.py" "$corpus" "$copies" > /dev/null
# an edit of a root module's argument: the module tree is parsed again and a finding in the called module flips
file=$(cd "$corpus" && grep -rl "db_multi_az = false" --include=main.tf . | sort | head -1)
python3 "$here/bench/lsp.py" "$here/cli/target/spofscan.jar" "$corpus" "$file" "db_multi_az = false" \
  "db_multi_az = true" "$edits" 10
