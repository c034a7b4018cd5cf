#!/bin/sh
# Prints the Terraform parse rate, failure causes and resource-position check over a corpus folder
# (default ../shared/realworld), using the parsers module as built from this checkout.
#   tools/tf-corpus-rate.sh [corpus-folder]
set -eu
cd "$(dirname "$0")/.."
corpus="${1:-../shared/realworld}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# In one reactor run (no install): the last module written, parsers, leaves its test classpath in cp_file
# (the measure is test code).
mvn -B -q -pl parsers -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
java -cp "parsers/target/test-classes:parsers/target/classes:$(cat "$cp_file")" io.spofscan.parsers.terraform.CorpusMeasure "$corpus"
