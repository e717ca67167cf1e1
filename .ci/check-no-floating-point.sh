#!/usr/bin/env bash
# Fails if main code of carbon-core or carbon-factors mentions double or float (or their boxes) outside
# comments. carbonkit computes with BigDecimal only; see DESIGN.md, invariant 1.
set -euo pipefail
cd "$(dirname "$0")/.."
hits=$(grep -rnwE 'double|float|Double|Float|DoubleStream|parseDouble|doubleValue|floatValue' \
         carbon-core/src/main/java carbon-factors/src/main/java \
       | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(\*|//|/\*)' || true)
if [ -n "$hits" ]; then
  echo "binary floating point on a calculation path (use BigDecimal):"
  echo "$hits"
  exit 1
fi
echo "check-no-floating-point: no double or float in carbon-core or carbon-factors main code"
