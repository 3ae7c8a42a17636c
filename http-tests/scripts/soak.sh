#!/usr/bin/env bash
# A soak: mixed keep-alive load with abrupt disconnects against one jhttp server, with heap after GC sampled as it
# runs. Prints a markdown row; exits 1 if any good request got a wrong answer.
# Usage: http-tests/scripts/soak.sh [SECONDS] [WORKERS]   (default 180 s, 64 workers; loopback only; stops what it starts)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
jhttp_find_jdk
SECONDS_TO_RUN="${1:-180}"
WORKERS="${2:-64}"
JAVA="$JHTTP_JAVA_HOME/bin/java"

echo "building (mvn -q install -DskipTests)..." >&2
mvn -B -q install -DskipTests
mvn -B -q -pl http-tests dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
CP="http-tests/target/test-classes:$(cat http-tests/target/test-classpath.txt)"

OUT=http-tests/target/soak-server.out
# The server stops by itself after the soak plus five minutes at most; the trap stops it as soon as the soak ends.
"$JAVA" -Xmx512m -cp "$CP" dev.jhttp.tests.load.LoadServer $((SECONDS_TO_RUN + 300)) > "$OUT" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    PORT=$(head -n1 "$OUT" 2>/dev/null || true)
    [ -n "$PORT" ] && break
    sleep 0.1
done
[ -n "$PORT" ] || { echo "server did not start" >&2; cat "$OUT" >&2; exit 1; }

timeout $((SECONDS_TO_RUN + 120)) "$JAVA" -cp "$CP" dev.jhttp.tests.load.SoakClient "$PORT" "$SECONDS_TO_RUN" "$WORKERS"
if grep -q "Exception\|WARNING" "$OUT"; then
    echo "the server logged warnings:" >&2
    grep -m 20 "Exception\|WARNING" "$OUT" >&2
    exit 1
fi
