#!/bin/sh
# One-file scans, the pre-commit case: median wall and CPU through the launcher (as users run it) for one file of
# each kind, beside a JVM that only prints its version (the floor of any Java tool), and the classes each scan
# loads. Usage: bench/startup.sh [RUNS]   (default 11; writes bench/out/startup.md)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-11}
out=bench/out
mkdir -p "$out"
./spofscan --version > /dev/null 2>&1 || true   # builds the jar and the start-up cache once, untimed

median_of() { # command... -> "wall cpu" medians over $runs runs
  t=$(mktemp)
  i=0
  while [ "$i" -lt "$runs" ]; do
    /usr/bin/time -o "$t" -a -f "%e %U %S" "$@" > /dev/null 2>&1 || true
    i=$((i + 1))
  done
  python3 - "$t" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 3 and l[0].isdigit()]
wall = statistics.median(float(r[0]) for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
print(f"{wall:.3f} {cpu:.3f}")
PY
  rm -f "$t"
}

classes() { # file -> classes loaded by a plain JVM scanning it
  java -Xlog:class+load=info -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar cli/target/spofscan.jar scan "$1" \
    2> /dev/null | grep -c '\[class,load\]' || true
}

{
  echo "# One-file scans ($runs runs each, medians; $(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| scan | wall s | CPU s | classes loaded |"
  echo "|---|---:|---:|---:|"
  set -- $(median_of java -Xshare:auto -version)
  echo "| \`java -version\` (floor) | $1 | $2 | - |"
  for f in testdata/terraform/SPOF-RDS-001/single_az.tf testdata/cloudformation/SPOF-RDS-001/single_az.yaml \
      testdata/kubernetes/SPOF-K8S-001/single_replica.yaml; do
    set -- $(median_of ./spofscan scan "$f" --fail-on none)
    echo "| \`./spofscan scan $f\` | $1 | $2 | $(classes "$f") |"
  done
} | tee "$out/startup.md"
