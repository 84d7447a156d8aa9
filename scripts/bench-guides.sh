#!/usr/bin/env bash
# Guides figures for docs/benchmarks.md: 1,000 guides and 2,000 glossary terms in a fresh embedded
# MariaDB; prints search, guide render and glossary marking times (server side, in-process).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Dvaadin.node.folder="$PWD/.node/bin" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.village.bench.GuidesBenchmark
