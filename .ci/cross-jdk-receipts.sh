#!/usr/bin/env bash
# Receipts are byte-identical across JVMs: builds the community example's receipts and report on the default JDK
# and on the Temurin 25 JDK that this machine kind has, and compares their SHA-256. Skips (exit 0) when that JDK
# is not installed; set TEMURIN_JAVA to use another java binary.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMURIN_JAVA=${TEMURIN_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
if [ ! -x "$TEMURIN_JAVA" ]; then
  echo "cross-jdk-receipts: no JDK at $TEMURIN_JAVA; skipped"
  exit 0
fi

out="$PWD/target/cross-jdk"
rm -rf "$out"
mkdir -p "$out"
default_java="$(dirname "$(readlink -f "$(command -v java)")")/java"

run() { # name java
  mvn -B -q -pl carbon-examples/community -am compile exec:exec -Dexec.java="$2" -Dexec.args="$out/$1" \
    > "$out/$1.log"
  "$2" -version 2>&1 | head -n 1 | sed "s/^/cross-jdk-receipts: $1: /"
}
run default "$default_java"
run temurin "$TEMURIN_JAVA"

status=0
for file in receipts.jsonl report.json report.md report.html; do
  a=$(sha256sum "$out/default/$file" | cut -d' ' -f1)
  b=$(sha256sum "$out/temurin/$file" | cut -d' ' -f1)
  if [ "$a" = "$b" ]; then
    echo "cross-jdk-receipts: $file identical, sha256 $a ($(wc -l < "$out/default/$file") lines)"
  else
    echo "cross-jdk-receipts: $file DIFFERS: default $a, temurin $b" >&2
    cmp "$out/default/$file" "$out/temurin/$file" | head -n 1 >&2 || true
    status=1
  fi
done
exit $status
