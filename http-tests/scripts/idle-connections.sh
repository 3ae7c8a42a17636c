#!/usr/bin/env bash
# How many idle keep-alive connections one jhttp server holds, and at what heap and RSS.
# Usage: http-tests/scripts/idle-connections.sh [COUNT]   (default 10000; loopback only; stops what it starts)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
jhttp_find_jdk
COUNT="${1:-10000}"
JAVA="$JHTTP_JAVA_HOME/bin/java"

echo "building (mvn -q install -DskipTests)..." >&2
mvn -B -q install -DskipTests
mvn -B -q -pl http-tests dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
CP="http-tests/target/test-classes:$(cat http-tests/target/test-classpath.txt)"

OUT=http-tests/target/idle-server.out
# The server stops by itself after 15 minutes at most; the trap stops it as soon as the measurement ends.
"$JAVA" -cp "$CP" dev.jhttp.tests.load.LoadServer 900 > "$OUT" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    PORT=$(head -n1 "$OUT" 2>/dev/null || true)
    [ -n "$PORT" ] && break
    sleep 0.1
done
[ -n "$PORT" ] || { echo "server did not start" >&2; cat "$OUT" >&2; exit 1; }
RSS_BEFORE=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")

RESULT=$(timeout 600 "$JAVA" -cp "$CP" dev.jhttp.tests.load.IdleConnectionsClient "$PORT" "$COUNT")
RSS_AFTER=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
THREADS=$(awk '/Threads/ {print $2}' "/proc/$SERVER_PID/status")

echo "| connections asked | result | server RSS before | server RSS holding them | server OS threads |"
echo "|---|---|---|---|---|"
echo "| $COUNT | $RESULT | $((RSS_BEFORE / 1024)) MiB | $((RSS_AFTER / 1024)) MiB | $THREADS |"
