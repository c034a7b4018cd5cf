#!/usr/bin/env bash
# The shell logic of the spofscan GitHub Action (action.yml), runnable and testable outside GitHub:
# scans, writes SARIF, JSON and a markdown step summary, prints annotations, decides whether the SARIF log can be
# uploaded, and records the gate's exit code in $GITHUB_OUTPUT (the action fails the job in a later step, after the
# SARIF upload).
#
# Inputs come as environment variables: SPOFSCAN_PATHS (separated by spaces or new lines, default "."),
# SPOFSCAN_FAIL_ON, SPOFSCAN_SOFT_FAIL (true/false), SPOFSCAN_BASELINE, SPOFSCAN_CONFIG, SPOFSCAN_ARGS (more
# arguments, split on spaces), SPOFSCAN_CATEGORY, SPOFSCAN_SARIF_FILE, SPOFSCAN_UPLOAD_SARIF (auto/true/false),
# SPOFSCAN_FORK_PR (true on a pull request from a fork), SPOFSCAN_JAR (a release jar; default: build and run the
# sources through the launcher).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd -P)"
sarif="${SPOFSCAN_SARIF_FILE:-spofscan.sarif}"
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
summary="$tmp/spofscan-summary.md"
json="$tmp/spofscan.json"
# GitHub refuses SARIF logs over 10 MB gzip-compressed
max_sarif_gzip_bytes=$((10 * 1024 * 1024))

output() { echo "$1" >> "${GITHUB_OUTPUT:-/dev/null}"; }
notice() { echo "::notice title=spofscan: $1::$2"; }

# every path, whatever mix of spaces and new lines separates them
paths=()
while IFS= read -r line || [ -n "$line" ]; do
  read -r -a words <<< "$line"
  paths+=("${words[@]}")
done <<< "${SPOFSCAN_PATHS:-.}"
if [ ${#paths[@]} -eq 0 ]; then paths=(.); fi

args=(scan "${paths[@]}")
args+=(--fail-on "${SPOFSCAN_FAIL_ON:-high}" --no-color)
args+=(--format sarif --output "$sarif" --format markdown --output "$summary" --format json --output "$json")
args+=(--format github)
if [ "${SPOFSCAN_SOFT_FAIL:-false}" = "true" ]; then args+=(--soft-fail); fi
if [ -n "${SPOFSCAN_BASELINE:-}" ]; then args+=(--baseline "$SPOFSCAN_BASELINE"); fi
if [ -n "${SPOFSCAN_CONFIG:-}" ]; then args+=(--config "$SPOFSCAN_CONFIG"); fi
if [ -n "${SPOFSCAN_CATEGORY:-}" ]; then args+=(--category "$SPOFSCAN_CATEGORY"); fi
if [ -n "${SPOFSCAN_ARGS:-}" ]; then
  read -r -a extra <<< "$SPOFSCAN_ARGS"
  args+=("${extra[@]}")
fi

rc=0
if [ -n "${SPOFSCAN_JAR:-}" ]; then
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable \
    -Xlog:all=warning:stderr -jar "$SPOFSCAN_JAR" "${args[@]}" || rc=$?
else
  "$root/spofscan" "${args[@]}" || rc=$?
fi

if [ -f "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
findings=0
if [ -f "$json" ]; then
  # the summary comes first in the report, so the first "findings" count is the summary's
  findings=$(grep -m 1 -o '"findings": [0-9]*' "$json" | grep -o '[0-9]*$' || echo 0)
fi

upload=false
case "${SPOFSCAN_UPLOAD_SARIF:-auto}" in
  false) ;;
  true | auto)
    if [ ! -f "$sarif" ]; then
      :
    elif [ "${SPOFSCAN_FORK_PR:-false}" = "true" ] && [ "${SPOFSCAN_UPLOAD_SARIF:-auto}" = "auto" ]; then
      notice "SARIF not uploaded" "a pull request from a fork gets a read-only token, so code scanning cannot take \
the log; the findings are in the step summary and in $sarif"
    elif [ "$(gzip -c "$sarif" | wc -c)" -gt "$max_sarif_gzip_bytes" ]; then
      notice "SARIF not uploaded" "$sarif is over GitHub's limit of 10 MB gzip-compressed; narrow the scan \
(paths, --skip-check) or upload a baseline-filtered log; the findings are in the step summary"
    else
      upload=true
    fi
    ;;
  *) echo "::error title=spofscan::upload-sarif must be auto, true or false, got '$SPOFSCAN_UPLOAD_SARIF'"; rc=2 ;;
esac

output "exit-code=$rc"
output "findings=$findings"
output "sarif-file=$sarif"
output "upload=$upload"
if [ "$rc" -ge 2 ]; then
  echo "::error title=spofscan failed::spofscan exited with $rc (usage error, unreadable input or internal error)"
fi
exit 0
