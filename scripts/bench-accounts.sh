#!/usr/bin/env bash
# Accounts figures for docs/benchmarks.md: the cost of the per-request session check (decision 035) and
# sign-in time for real against unknown names (decision 036). In-process, fresh embedded MariaDB, 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Dvaadin.node.folder="$PWD/.node/bin" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.village.bench.AccountsBenchmark
