#!/usr/bin/env bash
# Forum search figures for docs/benchmarks.md and decision 077: the forum's Lucene index with generated posts
# (default 1,000,000 in 50,000 topics), each query timed 200 times as a parent. Usage: scripts/bench-forum.sh [posts]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -o test-compile
if ! ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test; then
  # the dependency plugin's own dependencies are not in every offline repository: take the test classpath Maven
  # prints in the compiler's configuration instead (printed even when nothing needs compiling)
  ./mvnw -B -o -X test-compile > target/bench-maven.log
  awk '/\(f\) testPath = \[/ && !done { sub(/.*testPath = \[/, ""); sub(/\]$/, ""); gsub(/, /, "\n"); print; done = 1 }' \
    target/bench-maven.log | grep '\.jar$' | paste -sd: > target/bench.classpath
fi
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.village.bench.ForumSearchBenchmark "${1:-1000000}"
