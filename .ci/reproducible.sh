#!/usr/bin/env bash
# Builds the project twice from clean and checks that every jar (classes, sources, javadoc,
# tests, the examples' runnable jar) and every SBOM is byte-identical across the two builds.
# Usage: .ci/reproducible.sh [extra Maven arguments]  (online: the SBOM goal skips itself offline)
set -euo pipefail
cd "$(dirname "$0")/.."

sums() {
  find . -path ./.mvn -prune -o -path '*/target/*' -type f \( -name '*.jar' -o -name 'bom.json' -o -name 'bom.xml' \) -print \
    | LC_ALL=C sort | xargs sha256sum
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for run in 1 2; do
  ./mvnw -B -q "$@" clean package -DskipTests
  sums > "$work/run$run.sha256"
  sleep 2 # so that anything stamped with the wall clock would differ
done

count="$(wc -l < "$work/run1.sha256")"
if [ "$count" -eq 0 ]; then
  echo "reproducible: no artifact found" >&2
  exit 1
fi
if diff -u "$work/run1.sha256" "$work/run2.sha256"; then
  echo "reproducible: $count artifacts byte-identical across two clean builds"
else
  echo "reproducible: the artifacts above differ between two clean builds" >&2
  exit 1
fi
