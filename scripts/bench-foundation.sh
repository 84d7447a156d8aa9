#!/usr/bin/env bash
# Foundation figures for docs/benchmarks.md: builds the production jar, then measures cold/warm start,
# jar size, first-page bytes and heap per signed-in session. Local only (127.0.0.1:18080).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
scripts/provision-node.sh >/dev/null
./mvnw -B -q clean
./mvnw -B -q -Pproduction,embedded-db -DskipTests package   # the benchmark starts it on the embedded MariaDB
mkdir -p .bench && cp target/village-*.jar .bench/village.jar
jar=.bench/village.jar
# a production build leaves production-mode markers in target/; start clean for the test classpath
./mvnw -B -q clean test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.village.bench.FoundationBenchmark "$jar" "${SESSIONS:-20}"
