#!/usr/bin/env bash
# One command for the whole benchmark: build spofscan, generate the corpora, install the peers, run every tool on
# every corpus several times, and write bench/out/results.md and bench/out/time-vs-size.png.
# Configuration (env): BENCH_SIZES="1 10 100"  BENCH_REPS=3  BENCH_TOOLS="spofscan checkov trivy kics kube-linter"
#   BENCH_REALWORLD=auto|0  BENCH_REALWORLD_REPS=1  BENCH_REALWORLD_TOOLS="spofscan trivy kics kube-linter"
#   BENCH_TIMEOUT=600 (s per run)  BENCH_SKIP_BUILD=0
#   BENCH_SKIP_INSTALL=0  BENCH_OUT=bench/out
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$BENCH_DIR")"
OUT="${BENCH_OUT:-$BENCH_DIR/out}"
SIZES="${BENCH_SIZES:-1 10 100}"
REALWORLD_DIR="${BENCH_REALWORLD_DIR:-$REPO_DIR/../shared/realworld}"
PY="$BENCH_DIR/.peers/py"

say() { echo "[bench] $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  say "installing GNU time (needed for CPU time and peak RSS)"
  apt-get install -y -qq time > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time > /dev/null; }
fi

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  say "building cli/target/spofscan.jar"
  (cd "$REPO_DIR" && mvn -B -q -DskipTests package)
fi

# A small venv for the chart only (matplotlib), kept apart from Checkov's.
if [[ ! -x "$PY/bin/python" ]] || ! "$PY/bin/python" -c "import matplotlib" 2> /dev/null; then
  say "installing matplotlib into bench/.peers/py"
  python3 -m venv "$PY" && "$PY/bin/pip" install -q --disable-pip-version-check "matplotlib==3.11.2" \
    || say "matplotlib unavailable: results.md only, no chart"
fi

if [[ "${BENCH_SKIP_INSTALL:-0}" != 1 ]]; then
  "$BENCH_DIR/install-peers.sh" all
fi

mkdir -p "$OUT/corpus"
corpora=()
for n in $SIZES; do
  dir="$OUT/corpus/${n}x"
  # The generator is deterministic: a corpus of the right size is reused, anything else is regenerated.
  if [[ ! -f "$dir/.complete" ]]; then
    rm -rf "$dir"
    python3 "$BENCH_DIR/gen/generate.py" "$dir" "$n" >&2
    touch "$dir/.complete"
  fi
  corpora+=("${n}x=$dir")
done
if [[ "${BENCH_REALWORLD:-auto}" != 0 && -d "$REALWORLD_DIR" ]]; then
  corpora+=("realworld=$REALWORLD_DIR")
elif [[ "${BENCH_REALWORLD:-auto}" != 0 ]]; then
  say "no realworld corpus at $REALWORLD_DIR: skipped"
fi

PYTHON=python3
[[ -x "$PY/bin/python" ]] && PYTHON="$PY/bin/python"
"$PYTHON" "$BENCH_DIR/bench.py" run "$OUT" "${corpora[@]}"
say "done: $OUT/results.md $OUT/time-vs-size.png"
