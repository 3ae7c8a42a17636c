#!/usr/bin/env bash
# Static-file throughput, jhttp beside nginx on the same machine in one run: a 1 KiB and a 1 MiB file with keep-alive,
# wrk on one thread. Loopback only; every process it starts is stopped by PID. Usage: static-bench.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
jhttp_find_jdk
SECONDS_PER_RUN="${1:-10}"
for tool in wrk nginx; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "installing $tool (apt-get)..." >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >&2
    fi
done
[ -f http-cli/target/jhttp.jar ] || mvn -B -q package -DskipTests -pl http-cli -am

RUN="$(mktemp -d)"
SITE="$RUN/site"
mkdir -p "$SITE" "$RUN/body"
head -c 1024 /dev/urandom > "$SITE/1k.bin"
head -c 1048576 /dev/urandom > "$SITE/1m.bin"
chmod -R a+rX "$RUN"   # nginx workers run as an unprivileged user
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$RUN"' EXIT

NGINX_PORT=18480
sed -e "s#@ROOT@#$SITE#" -e "s#@PORT@#$NGINX_PORT#" -e "s#@RUN@#$RUN#" http-tests/bench-config/nginx.conf \
    > "$RUN/nginx.conf"
nginx -c "$RUN/nginx.conf" -p "$RUN" &
PIDS+=($!)
"$JHTTP_JAVA_HOME/bin/java" -jar http-cli/target/jhttp.jar serve "$SITE" --port 0 --ready-json --quiet \
    > "$RUN/jhttp.out" &
PIDS+=($!)
for _ in $(seq 1 100); do
    JHTTP_PORT=$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$RUN/jhttp.out")
    [ -n "$JHTTP_PORT" ] && break
    sleep 0.1
done
[ -n "$JHTTP_PORT" ] || { echo "jhttp did not start" >&2; exit 1; }
sleep 1

# wrk's summary: requests/s and transfer/s.
measure() {
    wrk -t1 -c"$2" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$1$3" \
        | awk '/Requests\/sec/ {r=$2} /Transfer\/sec/ {t=$2} /99%/ {p=$2} /Socket errors|Non-2xx/ {e=e $0} \
               END {gsub(/^ +/, "", e); printf "%s|%s|%s|%s", r, t, p, (e == "" ? "0" : e)}'
}

echo "| file | connections | server | requests/s | transfer/s | p99 | errors | requests/s vs nginx |"
echo "|---|---|---|---|---|---|---|---|"
for case in "/1k.bin 50" "/1m.bin 10"; do
    set -- $case
    path=$1; conns=$2
    measure "$JHTTP_PORT" "$conns" "$path" > /dev/null   # warm-up: the JIT and the page cache
    nginx_result=$(measure "$NGINX_PORT" "$conns" "$path")
    jhttp_result=$(measure "$JHTTP_PORT" "$conns" "$path")
    nginx_rps=${nginx_result%%|*}
    for row in "nginx|$nginx_result" "jhttp|$jhttp_result"; do
        IFS='|' read -r name rps transfer p99 errors <<< "$row"
        ratio=$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')
        echo "| ${path#/} | $conns | $name | $rps | $transfer | $p99 | $errors | $ratio |"
    done
done
