#!/usr/bin/env bash
# Start-up: from launching a server on ./static to its first 200, jhttp (through the ./jhttp launcher) beside
# jwebserver and python's http.server, in one run. The first jhttp start also records the start-up cache (AOT cache
# or class-data archive) the later ones map. Loopback only; every server is stopped by PID.
# Usage: http-tests/scripts/startup-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
jhttp_find_jdk
RUNS="${1:-10}"
PORT=18490
command -v curl >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl; } >&2
./jhttp --version > /dev/null   # builds the jar if needed, outside the measurement
rm -f http-cli/target/jhttp.jsa http-cli/target/jhttp.aot   # the first measured start records them afresh

# Milliseconds from launching "$@" to the first 200 on the port.
first_200_ms() {
    local start end pid
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do
        kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; return 1; }
        sleep 0.002
    done
    end=$(date +%s%N)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo $(((end - start) / 1000000))
}
median() {
    sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

JHTTP_FIRST=$(first_200_ms ./jhttp serve static --port "$PORT" --quiet)
JHTTP=$(for _ in $(seq 1 "$RUNS"); do first_200_ms ./jhttp serve static --port "$PORT" --quiet; done | median)
JWEB=$(for _ in $(seq 1 "$RUNS"); do
    first_200_ms "$JHTTP_JAVA_HOME/bin/jwebserver" -b 127.0.0.1 -p "$PORT" -d "$PWD/static" -o none; done | median)
PYTHON=$(for _ in $(seq 1 "$RUNS"); do
    first_200_ms python3 -m http.server "$PORT" --bind 127.0.0.1 --directory static; done | median)
echo "| server | launch to first 200 (median of $RUNS) |"
echo "|---|---|"
echo "| jhttp (./jhttp serve static) | $JHTTP ms (the first start, which records the cache: $JHTTP_FIRST ms) |"
echo "| jwebserver | $JWEB ms |"
echo "| python3 -m http.server | $PYTHON ms |"
