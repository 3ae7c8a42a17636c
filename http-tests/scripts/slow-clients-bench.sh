#!/usr/bin/env bash
# How much slow-loris clients slow a normal client down: p50 and p99 of 1,000 sequential keep-alive requests alone,
# then beside LORISES clients that each dribble a request head one byte per 200 ms until the server's 3-s head
# timeout answers them 408. Prints a markdown table and writes it to http-tests/target/bench/slow-clients.md.
# Usage: http-tests/scripts/slow-clients-bench.sh [LORISES] [ROUNDS]   (default 2000, 3; loopback only; stops what
# it starts)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
source http-tests/scripts/load-server.sh
jhttp_find_jdk
LORISES="${1:-2000}"
ROUNDS="${2:-3}"
jhttp_build_test_classpath
# The server stops by itself after ten minutes at most; the trap stops it as soon as the rounds end.
jhttp_start_load_server 600 -Djhttp.bench.headTimeoutSeconds=3

OUT=http-tests/target/bench/slow-clients.md
mkdir -p "$(dirname "$OUT")"
{
    echo "| lorises | answered 408 | p50 alone | p99 alone | p50 beside them | p99 beside them | p99 ratio |"
    echo "|---|---|---|---|---|---|---|"
    for _ in $(seq 1 "$ROUNDS"); do
        timeout 300 "$JHTTP_JAVA_HOME/bin/java" -cp "$CP" dev.jhttp.tests.load.SlowClientsBench "$PORT" "$LORISES"
    done
} | tee "$OUT"
