#!/usr/bin/env bash
# HTTP/2 benchmark with h2load, as users run servers: jhttp (through ./jhttp, its shipped JVM settings) beside nginx
# (http2) and Jetty 12 (h2, h2c), in one run, nothing pinned; the JVM peers get the same JVM options as jhttp. Over
# TLS (h2 by ALPN) and in cleartext (h2c with prior knowledge): /hello and a 1 KiB file, 10 connections x 100
# concurrent streams. h2load (one thread) shares the machine's cores with the servers; servers alternate; each
# figure is the median of RUNS runs. Reports requests/s and requests per second of the server's CPU time, with
# ratios to the best peer; then memory: each server's RSS while 1,000 connections hold 100 streams each, their
# responses waiting for window the client never gives. Loopback only; every process it starts is stopped by PID.
# Writes http-tests/target/bench/h2.md.
# Usage: http-tests/scripts/h2-bench.sh [SECONDS_PER_RUN] [RUNS]   (defaults 10 and 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
source scripts/jvm-options.sh
jhttp_find_jdk
SECONDS_PER_RUN="${1:-10}"
RUNS="${2:-3}"
JAVA="$JHTTP_JAVA_HOME/bin/java"
source http-tests/scripts/bench-lib.sh
install_tools h2load=nghttp2-client nginx openssl
build_bench
make_site
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$RUN/key.pem" -out "$RUN/cert.pem" 2>/dev/null
chmod -R a+rX "$RUN"   # nginx workers run as an unprivileged user
PIDS=()
SERVER_PIN=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$RUN"' EXIT

JHTTP=(./jhttp serve "$SITE" --port 0 --ready-json --quiet --route "/hello=Hello, World!")
# A user's second start: the launcher's first serving run records the start-up cache that later runs map.
start jhttp_h2c "${JHTTP[@]}"
await_port jhttp_h2c
kill "$PID_jhttp_h2c" && wait "$PID_jhttp_h2c" 2>/dev/null || true
PORT_nginx_h2c=18490
PORT_nginx_tls=18491
sed -e "s#@ROOT@#$SITE#" -e "s#@PORT@#$PORT_nginx_h2c#" -e "s#@TLS_PORT@#$PORT_nginx_tls#" -e "s#@RUN@#$RUN#" \
    http-tests/bench-config/nginx-h2.conf > "$RUN/nginx.conf"
start nginx nginx -c "$RUN/nginx.conf" -p "$RUN"
start jhttp_h2c "${JHTTP[@]}"
start jhttp_tls "${JHTTP[@]}" --tls-cert "$RUN/cert.pem" --tls-key "$RUN/key.pem"
start jetty_h2c "$JAVA" "${JVM_OPTIONS[@]}" -cp "$CP" dev.jhttp.bench.JettyPeerServer "$SITE" h2
start jetty_tls "$JAVA" "${JVM_OPTIONS[@]}" -cp "$CP" dev.jhttp.bench.JettyPeerServer "$SITE" "$RUN/cert.pem" \
    "$RUN/key.pem" h2
for name in jhttp_h2c jhttp_tls jetty_h2c jetty_tls; do await_port "$name"; done
PID_nginx_h2c=$PID_nginx
PID_nginx_tls=$PID_nginx
sleep 1

# One h2load run: "requests/s|requests per CPU-second|failed".
measure() {
    local name=$1 scheme=$2 path=$3 seconds=$4 pid port before after out
    eval "pid=\$PID_$name; port=\$PORT_$name"
    before=$(cpu_ticks "$pid")
    out=$(h2load -c 10 -m 100 -D "$seconds" "$scheme://127.0.0.1:$port$path" 2>&1)
    after=$(cpu_ticks "$pid")
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /^finished in/ {r = $4}
        /^requests:/ {ok = $8; failed = $10}
        END {printf "%.0f|%.0f|%s", r, (ticks > 0 ? ok * hz / ticks : 0), failed}' <<< "$out"
}

SCENARIOS=("h2 over TLS, /hello|https|/hello|tls"
           "h2 over TLS, 1 KiB file|https|/1k.bin|tls"
           "h2c (prior knowledge), /hello|http|/hello|h2c"
           "h2c (prior knowledge), 1 KiB file|http|/1k.bin|h2c")
RESULTS="$RUN/results"
: > "$RESULTS"
for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r title scheme path kind <<< "$scenario"
    echo "measuring: $title" >&2
    servers=("jhttp_$kind" "nginx_$kind" "jetty_$kind")
    for name in "${servers[@]}"; do   # warm-up: the JIT, TLS session state, the page cache
        measure "$name" "$scheme" "$path" 5 > /dev/null
    done
    declare -A results=()
    for run in $(seq 1 "$RUNS"); do
        order=("${servers[@]}")
        [ $((run % 2)) -eq 0 ] && order=("jetty_$kind" "nginx_$kind" "jhttp_$kind")
        for name in "${order[@]}"; do
            results[$name]+="$(measure "$name" "$scheme" "$path" "$SECONDS_PER_RUN")"$'\n'
        done
    done
    for name in "${servers[@]}"; do   # the median run of each server, by requests/s
        printf '%s' "${results[$name]}" | sort -t'|' -k1,1n \
            | awk -v s="$title|${name%_*}" '{a[NR] = $0} END {print s "|" a[int((NR + 1) / 2)]}' >> "$RESULTS"
    done
    unset results
done

# Memory: each server's RSS idle and while 1,000 connections x 100 streams wait for window (h2c, the 1 KiB file).
MEMORY="$RUN/memory"
: > "$MEMORY"
for name in jhttp nginx jetty; do
    echo "measuring: memory of $name" >&2
    eval "pid=\$PID_${name}_h2c; port=\$PORT_${name}_h2c"
    idle=$(rss_kib "$pid")
    "$JAVA" -cp "$CP" dev.jhttp.bench.Http2HoldClient "$port" 1000 100 /1k.bin 5 > "$RUN/hold.out" 2>&1 &
    hold=$!
    PIDS+=($hold)
    held=""
    for _ in $(seq 1 1200); do
        grep -q '^holding' "$RUN/hold.out" && { held=$(rss_kib "$pid"); break; }
        kill -0 "$hold" 2>/dev/null || break
        sleep 0.1
    done
    wait "$hold" 2>/dev/null || true
    streams=$(sed -n 's/^holding \([0-9]*\) streams, \([0-9]*\) refused$/\1|\2/p' "$RUN/hold.out")
    echo "$name|$idle|${held:-failed: $(tail -n1 "$RUN/hold.out")}|${streams:-|}" >> "$MEMORY"
done

{
    echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), \
$(uname -sr); $("$JAVA" -version 2>&1 | head -n1); $(nginx -v 2>&1); $(h2load --version | head -n1); nothing \
pinned, h2load (one thread) beside the servers on the same cores; 10 connections x 100 streams (h2load -c 10 -m 100); \
${SECONDS_PER_RUN} s per run, medians of $RUNS after 5 s of warm-up per server and scenario. JVM options of every \
JVM server: ${JVM_OPTIONS[*]}."
    echo
    echo "| scenario | server | requests/s | vs best peer | requests per CPU-second | vs best peer | failed |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    awk -F'|' '
        { key = $1; rows[NR] = $0
          if ($2 != "jhttp") { if ($3 > best[key]) best[key] = $3; if ($4 > bestCpu[key]) bestCpu[key] = $4 } }
        END { for (i = 1; i <= NR; i++) { split(rows[i], f, "|")
                printf "| %s | %s | %d | %s | %d | %s | %s |\n", f[1], f[2], f[3],
                    (f[2] == "jhttp" && best[f[1]] > 0 ? sprintf("%.2f", f[3] / best[f[1]]) : ""), f[4],
                    (f[2] == "jhttp" && bestCpu[f[1]] > 0 ? sprintf("%.2f", f[4] / bestCpu[f[1]]) : ""), f[5] } }
    ' "$RESULTS"
    echo
    echo "Memory, h2c: RSS idle, and while 1,000 connections x 100 streams wait for window (KiB; nginx: all processes);"
    echo "streams the server refused (REFUSED_STREAM) rather than hold are counted apart."
    echo
    echo "| server | RSS idle | RSS holding | streams held | streams refused |"
    echo "|---|---:|---:|---:|---:|"
    awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$MEMORY"
} | tee http-tests/target/bench/h2.md
