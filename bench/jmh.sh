#!/usr/bin/env bash
# JMH microbenchmarks: parser MB/s and engine resources/s against raw hcl4j/Jackson baselines.
# Env: JMH_SIZE=100 (corpus copies)  JMH_ARGS="" (extra JMH options, e.g. "-wi 1 -i 3" or "ParserBenchmark")
# Writes bench/out/jmh-result.json and bench/out/jmh-results.md.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$BENCH_DIR")"
SIZE="${JMH_SIZE:-100}"
CORPUS="bench/out/corpus/${SIZE}x"
cd "$REPO_DIR"
if [[ ! -f "$CORPUS/.complete" ]]; then
  rm -rf "$CORPUS" && python3 bench/gen/generate.py "$CORPUS" "$SIZE" >&2 && touch "$CORPUS/.complete"
fi
mvn -B -q -Pbench -pl bench/jmh -am package -DskipTests
# shellcheck disable=SC2086
java -jar bench/jmh/target/benchmarks.jar -p corpus="$CORPUS" -rf json -rff bench/out/jmh-result.json ${JMH_ARGS:-}
python3 bench/jmh/summarise.py bench/out/jmh-result.json bench/out/jmh-results.md
