#!/usr/bin/env bash
# Chat load figures and fault drills for docs/benchmarks.md (decisions 085-087). 127.0.0.1 only, bounded in time.
# Starts one or two portal nodes (demo profile) on a fresh schema of the local MariaDB, runs the STOMP load client
# (org.village.bench.ChatLoadBenchmark), stops the nodes. Usage:
#   scripts/bench-chat.sh NODES CLIENTS ROOM_SIZE RATE SECONDS [DRILL]
#     NODES 1 (no broker) or 2 (Redis pub/sub between them)
#     DRILL: none | client-cut | node-restart | broker-restart | all (two nodes: half a room cut for 30 s from a third
#     of the way in, Redis stopped for 10 s soon after, node 2 killed at two thirds and started again)
# Environment: SKIP_BUILD=1 (use target/classes as built), WARMUP=seconds (10; at most 60), NODE_GC (the nodes' collector: -XX:+UseG1GC, the JVM's default as in docker/Dockerfile; it was -XX:+UseZGC before stop 23),
#   NODE_JAVA_OPTS (more JVM options for the nodes, e.g. a JFR recording), CLIENT_JAVA_OPTS (the same for the load client).
# e.g. scripts/bench-chat.sh 1 2000 50 200 30      scripts/bench-chat.sh 2 2000 50 200 30 broker-restart
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
NODES=${1:-1}; CLIENTS=${2:-2000}; ROOM=${3:-50}; RATE=${4:-200}; SECS=${5:-30}; DRILL=${6:-none}
[ "$SECS" -le 120 ] || { echo "at most 120 s"; exit 2; }
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q -o test-compile
  if ! ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test; then
    # as scripts/bench-forum.sh: the test classpath from the compiler's printed configuration
    ./mvnw -B -o -X test-compile > target/bench-maven.log
    awk '/\(f\) testPath = \[/ && !done { sub(/.*testPath = \[/, ""); sub(/\]$/, ""); gsub(/, /, "\n"); print; done = 1 }' \
      target/bench-maven.log | grep '\.jar$' | paste -sd: > target/bench.classpath
  fi
fi
# a private copy of the classes, so a build during the run (or a node restarted by a drill) sees the same code
rm -rf target/bench-run && mkdir -p target/bench-run && cp -r target/classes target/test-classes target/bench-run/
CP="target/bench-run/test-classes:target/bench-run/classes:$(cat target/bench.classpath)"
DB=village_bench_chat
mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=DISABLED&allowPublicKeyRetrieval=true"
BROKER=none; [ "$NODES" -gt 1 ] && BROKER=redis
PIDS=()
start_node() { # index port
  "$JAVA_HOME/bin/java" -Xmx1g ${NODE_GC:--XX:+UseG1GC} ${NODE_JAVA_OPTS:-} -cp "$CP" org.village.Application --spring.profiles.active=demo \
    --server.port="$2" --village.db.url="$URL" --village.db.user=root --village.db.password= \
    --village.chat.broker=$BROKER --village.chat.node-name="node-$1" --village.chat.catch-up-every=PT2S \
    --village.accounts.max-failures-per-address=1000 --logging.level.root=WARN \
    >"target/bench-chat-node$1.log" 2>&1 &
  PIDS[$1]=$!
}
wait_up() { # port
  for _ in $(seq 1 180); do curl -fs -o /dev/null "http://127.0.0.1:$1/api/chat/rooms" -H 'Authorization: Bearer x' -w '' 2>/dev/null && return 0
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/api/chat/rooms" || true); [ "$code" = 401 ] && return 0; sleep 1; done
  echo "node on $1 did not start"; return 1
}
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 10
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
start_node 1 18081; wait_up 18081   # the first node runs Flyway and the demo seed alone
URLS=http://127.0.0.1:18081
if [ "$NODES" -gt 1 ]; then start_node 2 18082; wait_up 18082; URLS=$URLS,http://127.0.0.1:18082; fi
echo "nodes up; load $(cat /proc/loadavg)"; rm -f target/bench-chat-client.log
CUT=""; { [ "$DRILL" = client-cut ] || [ "$DRILL" = all ]; } && CUT=30
"$JAVA_HOME/bin/java" -Xmx1g ${CLIENT_JAVA_OPTS:-} -Dbench.warmup="${WARMUP:-10}" -cp "$CP" org.village.bench.ChatLoadBenchmark "$URL&user=root&password=" "$URLS" \
  "$CLIENTS" "$ROOM" "$RATE" "$SECS" $CUT > >(tee target/bench-chat-client.log) &
BENCH=$!
until_sending() { for _ in $(seq 1 600); do grep -q '^measuring' target/bench-chat-client.log 2>/dev/null && return 0; sleep 0.5; done; }
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the server's statement counters (Questions and the Com_ kinds that move), sorted for join
statements() { mariadb -uroot -h127.0.0.1 -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_rollback','Com_set_option','Com_begin','Com_stmt_execute')" | sort; }
# CPU of each process over the measured part (from "measuring" to the report): cores used, and ms of CPU per message
cpu_figures() {
  until_sending; local db; db=$(pgrep -x mariadbd || pgrep -x mysqld || echo 0)
  local q0; q0=$(statements)
  local t0 n0 c0 d0; t0=$(date +%s.%N); n0=$(for p in "${PIDS[@]}"; do ticks "$p"; done | paste -sd+ | bc); c0=$(ticks "$BENCH"); d0=$(ticks "$db")
  for _ in $(seq 1 2400); do grep -q '^sent ' target/bench-chat-client.log 2>/dev/null && break; sleep 0.25; done
  local t1 n1 c1 d1; t1=$(date +%s.%N); n1=$(for p in "${PIDS[@]}"; do ticks "$p"; done | paste -sd+ | bc); c1=$(ticks "$BENCH"); d1=$(ticks "$db")
  local msgs; msgs=$((RATE * SECS)); local q1; q1=$(statements)
  echo "cpu over the measured part ($(echo "$t1 - $t0" | bc | cut -c1-5) s): node(s) $(echo "scale=2; ($n1 - $n0) / 100 / ($t1 - $t0)" | bc) cores," \
    "client $(echo "scale=2; ($c1 - $c0) / 100 / ($t1 - $t0)" | bc), database $(echo "scale=2; ($d1 - $d0) / 100 / ($t1 - $t0)" | bc);" \
    "node CPU per message $(echo "scale=2; ($n1 - $n0) * 10 / $msgs" | bc) ms" | tee -a target/bench-chat-client.log
  # statements the server ran per message sent (all sessions: every node's sends, sweeps and catch-up reads)
  echo "statements per message: $(join <(echo "$q0") <(echo "$q1") | awk -v m="$msgs" '$3 > $2 { printf "%s %.2f  ", $1, ($3 - $2) / m }')" \
    | tee -a target/bench-chat-client.log
}
cpu_figures &
CPUJOB=$!
case "$DRILL" in
  node-restart)   # node 2 stops (SIGKILL: a crash) a third of the way into sending and starts again
    until_sending; sleep $((SECS / 3 + 2)); echo "drill: killing node 2"; kill -9 "${PIDS[2]}"; sleep 2
    start_node 2 18082; wait_up 18082; echo "drill: node 2 back" ;;
  broker-restart) # Redis stops a third of the way in and starts again 10 s later (it keeps nothing on disk)
    until_sending; sleep $((SECS / 3 + 2)); echo "drill: stopping Redis"; redis-cli -h 127.0.0.1 shutdown nosave || true; sleep 10
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis \
      --logfile /var/log/redis/ci.log 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; echo "drill: Redis back" ;;
  all)
    until_sending; sleep $((SECS / 3 + 4)); echo "drill: stopping Redis"; redis-cli -h 127.0.0.1 shutdown nosave || true
    sleep 10; redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; echo "drill: Redis back"
    sleep $((SECS / 3 - 14)); echo "drill: killing node 2"; kill -9 "${PIDS[2]}"; sleep 2
    start_node 2 18082; echo "drill: node 2 starting again" ;;
esac
# a client that fails ends the run; the CPU figures would otherwise wait minutes for its report
wait "$BENCH" || { kill "$CPUJOB" 2>/dev/null; exit 1; }
wait "$CPUJOB" 2>/dev/null || true
