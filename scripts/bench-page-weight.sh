#!/usr/bin/env bash
# Page weight for docs/benchmarks.md: bytes on the wire for a first and a second full load of the same page
# in one Chromium profile, counted from DevTools (Network.loadingFinished encodedDataLength), against a
# portal that is ALREADY running, e.g. the README's command in another terminal:
#   PORT=8080 ./mvnw spring-boot:run            (development mode)
#   java -jar target/village-*.jar --spring.profiles.active=demo   (after ./mvnw -Pproduction,embedded-db package)
# Usage: scripts/bench-page-weight.sh [base URL] [page ...]   (default http://127.0.0.1:8080 /)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.village.bench.PageWeightBenchmark "${1:-http://127.0.0.1:8080}" "${@:2}"
