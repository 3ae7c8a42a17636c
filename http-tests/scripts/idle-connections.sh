#!/usr/bin/env bash
# How many idle keep-alive connections one jhttp server holds, and at what heap and RSS, with the JVM options
# ./jhttp runs with (scripts/jvm-options.sh).
# Usage: http-tests/scripts/idle-connections.sh [COUNT] [--tls]   (default 10000; loopback only; stops what it
#   starts; --tls holds https connections, each past its handshake, with a certificate made by openssl)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
source http-tests/scripts/load-server.sh
source scripts/jvm-options.sh
jhttp_find_jdk
COUNT=10000
TLS_SERVER=()
TLS_CLIENT=()
for arg in "$@"; do
    if [ "$arg" = --tls ]; then
        CERTS=$(mktemp -d)
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
            -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$CERTS/key.pem" -out "$CERTS/cert.pem" \
            2>/dev/null
        TLS_SERVER=(-Djhttp.bench.tlsCert="$CERTS/cert.pem" -Djhttp.bench.tlsKey="$CERTS/key.pem")
        TLS_CLIENT=("$CERTS/cert.pem")
    else
        COUNT=$arg
    fi
done
jhttp_build_test_classpath
# The server stops by itself after 15 minutes at most; the trap stops it as soon as the measurement ends.
jhttp_start_load_server 900 "${JHTTP_JVM_OPTIONS[@]}" "${TLS_SERVER[@]}"
RSS_BEFORE=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")

RESULT=$(timeout 600 "$JHTTP_JAVA_HOME/bin/java" -cp "$CP" dev.jhttp.tests.load.IdleConnectionsClient "$PORT" "$COUNT" \
    "${TLS_CLIENT[@]}")
RSS_AFTER=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
THREADS=$(awk '/Threads/ {print $2}' "/proc/$SERVER_PID/status")

echo "| connections asked | result | server RSS before | server RSS holding them | server OS threads |"
echo "|---|---|---|---|---|"
echo "| $COUNT | $RESULT | $((RSS_BEFORE / 1024)) MiB | $((RSS_AFTER / 1024)) MiB | $THREADS |"
