#!/usr/bin/env bash
# no-escape: scan a tree whose files try to reach out (http data source, remote and ../ module sources, nested
# stacks by URL and by ../ path, Kubernetes references) with the shaded jar under strace, and fail if the JVM
# opened any path outside the scan root, the JDK, the jar and the runtime's own files (/proc, /sys, /dev, shared
# libraries, time zone, JVM perf data), or connected to anything but a unix socket.
# Usage: .ci/no-escape.sh [path/to/spofscan.jar]   (default: cli/target/spofscan.jar)
# Skips (exit 0, with a message) when strace is missing or ptrace is not permitted here.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
jar=$(readlink -f "${1:-$repo/cli/target/spofscan.jar}")
if [[ ! -f $jar ]]; then
  echo "no-escape: $jar not found; build it with: mvn -B -q -pl cli -am package -DskipTests" >&2
  exit 1
fi
if ! command -v strace >/dev/null 2>&1; then
  echo "no-escape: SKIPPED, strace is not installed (apt-get install strace)"
  exit 0
fi
if ! strace -f -qq -o /dev/null true >/dev/null 2>&1; then
  echo "no-escape: SKIPPED, strace cannot trace in this environment (ptrace not permitted)"
  exit 0
fi
java_bin=$(readlink -f "$(command -v java)")
java_home=$(dirname "$(dirname "$java_bin")")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/repo
outside=$work/outside
mkdir -p "$root/infra" "$root/cfn" "$root/k8s" "$outside"

# A port nothing listens on: a connect() is caught by strace whether or not it succeeds.
url=http://127.0.0.1:9/x
cat >"$outside/main.tf" <<'EOF'
resource "aws_db_instance" "outside_secret" {
  engine = "mysql"
}
EOF
printf 'Resources:\n  OutsideSecret:\n    Type: AWS::RDS::DBInstance\n' >"$outside/outside.yaml"
cat >"$root/infra/main.tf" <<EOF
data "http" "probe" {
  url          = "$url/exfil"
  method       = "POST"
  request_body = "should-never-arrive"
}
resource "aws_s3_bucket" "b" {
  bucket = data.http.probe.response_body
}
module "git_remote" {
  source = "git::$url/modules.git//db?ref=v1"
}
module "http_remote" {
  source = "$url/module.zip"
}
module "escape" {
  source = "../../outside"
}
resource "aws_db_instance" "orders" {
  engine = "postgres"
}
EOF
cat >"$root/cfn/stack.yaml" <<EOF
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: $url/nested.yaml
  Escaping:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ../../outside/outside.yaml
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
EOF
cat >"$root/k8s/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../outside/outside.yaml
  - $url/remote.yaml
EOF
ln -s "$outside/main.tf" "$root/infra/linked.tf"
real_root=$(readlink -f "$root")

trace=$work/trace
rc=0
(cd "$root" && strace -f -qq -y -e trace=open,openat,openat2,creat,connect -o "$trace" \
  "$java_bin" -jar "$jar" scan "$root" --format json >"$work/out.json" 2>"$work/err") || rc=$?
if [[ $rc -ne 0 && $rc -ne 1 ]]; then
  echo "no-escape: FAILED, spofscan exited $rc" >&2
  cat "$work/err" >&2
  exit 1
fi
grep -q '"SPOF-RDS-001"' "$work/out.json" || {
  echo "no-escape: FAILED, the scan did not report the expected SPOF-RDS-001 (did it parse anything?)" >&2
  exit 1
}

allowed() {
  local p=$1
  case $p in
    "$root" | "$root"/* | "$real_root" | "$real_root"/*) return 0 ;;
    "$jar" | "$java_home" | "$java_home"/*) return 0 ;;
    /proc/* | /sys/* | /dev/*) return 0 ;;
    /tmp/hsperfdata_* | /tmp/.java_pid*) return 0 ;;
    /etc/ld.so.* | /lib/* | /lib64/* | /usr/lib/* | /usr/lib64/*) return 0 ;;
    /etc/localtime | /etc/timezone | /usr/share/zoneinfo/* | /etc/locale.alias | /usr/share/locale/*) return 0 ;;
    /etc/java-*/* | /etc/nsswitch.conf | /etc/passwd | /etc/group) return 0 ;;
  esac
  return 1
}

# Every path an open call named, as "DIR<TAB>PATH": with -y a directory descriptor (AT_FDCWD included) prints as
# FD</its/path>, so a relative PATH is resolved against it. Failed opens count too: trying is what we look for.
# Successful opens also print the file really opened (= FD</real/path>), which catches a followed symlink.
opened_paths() {
  sed -nE \
    -e 's/^[0-9]+ +(open|creat)\("([^"]*)".*/\t\2/p' \
    -e 's/^[0-9]+ +openat2?\((AT_FDCWD|-?[0-9]+)(<([^>]*)>)?, "([^"]*)".*/\3\t\4/p' "$1"
  grep -E '(open|openat|openat2|creat)[ (]' "$1" | sed -nE 's/.*\) += [0-9]+<([^>]*)>.*/\t\1/p'
}

bad=0
opened=0
while IFS=$'\t' read -r dir rel; do
  if [[ $rel == /* ]]; then
    path=$rel
  elif [[ -n $dir ]]; then
    path=$dir/$rel
  else
    path=$root/$rel
  fi
  path=$(realpath -m -s -- "$path") # lexical: root/a/../../outside must not pass as inside the root
  opened=$((opened + 1))
  if ! allowed "$path"; then
    echo "no-escape: opened outside the allowed paths: $path" >&2
    bad=1
  fi
done < <(opened_paths "$trace" | sort -u)

if grep -E 'connect\(' "$trace" | grep -vq 'sa_family=AF_UNIX'; then
  echo "no-escape: a network connection was attempted:" >&2
  grep -E 'connect\(' "$trace" | grep -v 'sa_family=AF_UNIX' >&2
  bad=1
fi
if [[ $bad -ne 0 ]]; then
  echo "no-escape: FAILED" >&2
  exit 1
fi
echo "no-escape: OK ($opened distinct paths opened, all inside the scan root, the JDK or the runtime; no network)"
