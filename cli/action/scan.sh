#!/usr/bin/env bash
# The shell logic of the spofscan GitHub Action (action.yml), runnable and testable outside GitHub:
# scans, writes SARIF and a markdown step summary, prints annotations, and records the gate's exit code in
# $GITHUB_OUTPUT (the action fails the job in a later step, after the SARIF upload).
#
# Inputs come as environment variables: SPOFSCAN_PATHS (whitespace-separated, default "."), SPOFSCAN_FAIL_ON,
# SPOFSCAN_SOFT_FAIL (true/false), SPOFSCAN_BASELINE, SPOFSCAN_CONFIG, SPOFSCAN_CATEGORY, SPOFSCAN_SARIF_FILE.
set -euo pipefail

launcher="$(cd "$(dirname "$0")/../.." && pwd -P)/spofscan"
sarif="${SPOFSCAN_SARIF_FILE:-spofscan.sarif}"
summary="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/spofscan-summary.md"

args=(scan)
read -r -a paths <<< "${SPOFSCAN_PATHS:-.}"
args+=("${paths[@]}")
args+=(--fail-on "${SPOFSCAN_FAIL_ON:-high}" --no-color)
args+=(--format sarif --output "$sarif" --format markdown --output "$summary" --format github)
if [ "${SPOFSCAN_SOFT_FAIL:-false}" = "true" ]; then args+=(--soft-fail); fi
if [ -n "${SPOFSCAN_BASELINE:-}" ]; then args+=(--baseline "$SPOFSCAN_BASELINE"); fi
if [ -n "${SPOFSCAN_CONFIG:-}" ]; then args+=(--config "$SPOFSCAN_CONFIG"); fi
if [ -n "${SPOFSCAN_CATEGORY:-}" ]; then args+=(--category "$SPOFSCAN_CATEGORY"); fi

rc=0
"$launcher" "${args[@]}" || rc=$?

if [ -f "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$rc"
    echo "sarif-file=$sarif"
  } >> "$GITHUB_OUTPUT"
fi
if [ "$rc" -ge 2 ]; then
  echo "::error title=spofscan failed::spofscan exited with $rc (usage error, unreadable input or internal error)"
fi
exit 0
