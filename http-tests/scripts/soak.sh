#!/usr/bin/env bash
# A soak: mixed keep-alive load with abrupt disconnects against one jhttp server, with heap after GC sampled as it
# runs. Prints a markdown row; exits 1 if any good request got a wrong answer or the server logged a warning.
# Usage: http-tests/scripts/soak.sh [SECONDS] [WORKERS]   (default 180 s, 64 workers; loopback only; stops what it starts)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
source http-tests/scripts/load-server.sh
jhttp_find_jdk
SECONDS_TO_RUN="${1:-180}"
WORKERS="${2:-64}"
jhttp_build_test_classpath
# The server stops by itself five minutes after the soak at most; the trap stops it as soon as the soak ends.
jhttp_start_load_server $((SECONDS_TO_RUN + 300)) -Xmx512m

timeout $((SECONDS_TO_RUN + 120)) "$JHTTP_JAVA_HOME/bin/java" -cp "$CP" dev.jhttp.tests.load.SoakClient \
    "$PORT" "$SECONDS_TO_RUN" "$WORKERS"
if grep -q "Exception\|WARNING" "$SERVER_LOG"; then
    echo "the server logged warnings:" >&2
    grep -m 20 "Exception\|WARNING" "$SERVER_LOG" >&2
    exit 1
fi
