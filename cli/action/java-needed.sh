#!/usr/bin/env bash
# Decides whether the action installs Java: SETUP_JAVA=auto installs Temurin 17 only when no Java 17 or newer is on
# the PATH (or in JAVA_HOME), so the caller's own Java is never replaced; true always, false never.
# Writes needed=true|false to $GITHUB_OUTPUT (or stdout outside GitHub).
set -euo pipefail

java_major() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  command -v "$java" > /dev/null 2>&1 || { echo 0; return; }
  # 'openjdk version "17.0.9"', 'java version "1.8.0_392"', 'openjdk version "21" 2023-09-19'
  "$java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\(\.\([0-9]*\)\)\{0,1\}.*/\1 \3/p' | head -n 1 \
    | awk '{ print ($1 == 1 ? $2 : $1) }'
}

case "${SETUP_JAVA:-auto}" in
  true) needed=true ;;
  false) needed=false ;;
  auto)
    major=$(java_major)
    if [ "${major:-0}" -ge 17 ]; then needed=false; else needed=true; fi
    ;;
  *) echo "::error title=spofscan::setup-java must be auto, true or false, got '$SETUP_JAVA'"; exit 1 ;;
esac
echo "needed=$needed" >> "${GITHUB_OUTPUT:-/dev/stdout}"
