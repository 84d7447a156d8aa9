#!/usr/bin/env bash
# Moderation filter figures for docs/benchmarks.md: every text filter over posts up to the 5,000-character limit,
# with the seeded lists plus a partnership-sized list. In-process, no database (the lists are cached in memory in
# the portal too; see decision 074). Optional argument: checks per post length (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.village.bench.FiltersBenchmark "${1:-2000}"
