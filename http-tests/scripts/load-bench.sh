#!/usr/bin/env bash
# Load benchmark, as users run servers: jhttp (through ./jhttp, its shipped JVM settings) beside nginx, Jetty 12,
# Netty 4.2 on epoll and jwebserver, in one run, nothing pinned; the JVM peers get the same JVM options as jhttp.
# wrk (one thread) shares the machine's cores with the servers. Servers alternate within each scenario; each
# figure is the median of RUNS runs. Reports requests/s, requests per second of the server's CPU time (from
# /proc/PID/stat), p50/p99, errors and each server's peak RSS over the whole matrix, with ratios to the best peer.
# Loopback only; every process it starts is stopped by PID. Writes http-tests/target/bench/load.md.
# Usage: http-tests/scripts/load-bench.sh [SECONDS_PER_RUN] [RUNS] [--pinned] [--tls]
#   (defaults 10 and 3; --pinned runs wrk on CPU 0 and every server on CPU 1, for diagnosis only; --tls measures
#   https instead, jhttp beside nginx and Jetty with one certificate (EC P-256, made by openssl), and writes
#   load-tls.md: /hello, 1 KiB and 1 MiB over keep-alive, and new TLS connections per second with Connection: close)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
source scripts/jvm-options.sh
jhttp_find_jdk
PINNED=""
TLS=""
ARGS=()
for arg in "$@"; do
    case "$arg" in
        --pinned) PINNED=1 ;;
        --tls) TLS=1 ;;
        *) ARGS+=("$arg") ;;
    esac
done
SECONDS_PER_RUN="${ARGS[0]:-10}"
RUNS="${ARGS[1]:-3}"
JAVA="$JHTTP_JAVA_HOME/bin/java"
source http-tests/scripts/bench-lib.sh
install_tools wrk nginx openssl
build_bench
make_site
head -c 65536 /dev/urandom > "$SITE/64k.bin"
head -c 1048576 /dev/urandom > "$SITE/1m.bin"
SCHEME=http
# Seconds of warm-up per server and scenario. The JDK's TLS stack is large: its first seconds of handshakes spend
# more CPU compiling (C1 and C2 threads, 42% of a profiled 10 s) than serving, so https gets longer.
WARMUP=3
JHTTP_TLS=()
JETTY_TLS=()
: > "$RUN/tls.conf"
if [ -n "$TLS" ]; then
    SCHEME=https
    WARMUP=10
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
        -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$RUN/key.pem" -out "$RUN/cert.pem" 2>/dev/null
    JHTTP_TLS=(--tls-cert "$RUN/cert.pem" --tls-key "$RUN/key.pem")
    JETTY_TLS=("$RUN/cert.pem" "$RUN/key.pem")
    printf 'ssl_certificate %s;\nssl_certificate_key %s;\nssl_protocols TLSv1.2 TLSv1.3;\n' \
        "$RUN/cert.pem" "$RUN/key.pem" > "$RUN/tls.conf"
fi
chmod -R a+rX "$RUN"   # nginx workers run as an unprivileged user
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$RUN"' EXIT
SERVER_PIN=()
CLIENT_PIN=()
if [ -n "$PINNED" ]; then
    SERVER_PIN=(taskset -c 1)
    CLIENT_PIN=(taskset -c 0)
fi

JHTTP=(./jhttp serve "$SITE" --port 0 --ready-json --quiet --route "/hello=Hello, World!" "${JHTTP_TLS[@]}")
# A user's second start: the launcher's first run records the start-up cache (a training run) that later runs map.
start jhttp "${JHTTP[@]}"
await_port jhttp
kill "$PID_jhttp" && wait "$PID_jhttp" 2>/dev/null || true
PORT_nginx=18480
sed -e "s#@ROOT@#$SITE#" -e "s#@PORT@#$PORT_nginx#" -e "s#@RUN@#$RUN#" -e "s#@SSL@#${TLS:+ssl}#" \
    http-tests/bench-config/nginx.conf > "$RUN/nginx.conf"
start nginx nginx -c "$RUN/nginx.conf" -p "$RUN"
start jhttp "${JHTTP[@]}"
start jetty "$JAVA" "${JVM_OPTIONS[@]}" -cp "$CP" dev.jhttp.bench.JettyPeerServer "$SITE" "${JETTY_TLS[@]}"
if [ -n "$TLS" ]; then   # the issue's peers for https; jwebserver has no TLS
    SERVERS=(jhttp nginx jetty)
    REVERSED=(jetty nginx jhttp)
else
    start netty "$JAVA" "${JVM_OPTIONS[@]}" -cp "$CP" dev.jhttp.bench.NettyPeerServer "$SITE"
    PORT_jwebserver=18481
    start jwebserver "$JHTTP_JAVA_HOME/bin/jwebserver" "${JVM_OPTIONS[@]/#/-J}" -b 127.0.0.1 \
        -p "$PORT_jwebserver" -d "$SITE" -o none
    SERVERS=(jhttp nginx jetty netty jwebserver)
    REVERSED=(jwebserver netty jetty nginx jhttp)
fi
PEERS=("${SERVERS[@]:1}")
for name in "${SERVERS[@]}"; do [ "$name" = nginx ] || [ "$name" = jwebserver ] || await_port "$name"; done
sleep 1

# One wrk run: "requests/s|transfer/s|requests per CPU-second|p50|p99|errors".
measure() {
    local name=$1 conns=$2 path=$3 header=$4 pid port before after out
    eval "pid=\$PID_$name; port=\$PORT_$name"
    before=$(cpu_ticks "$pid")
    out=$("${CLIENT_PIN[@]}" wrk -t1 -c"$conns" -d"${SECONDS_PER_RUN}s" --latency ${header:+-H "$header"} \
        "$SCHEME://127.0.0.1:$port$path" 2>&1)
    after=$(cpu_ticks "$pid")
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /requests in/ {n = $1}
        /Requests\/sec/ {r = $2}
        /Transfer\/sec/ {t = $2}
        / 50%/ {p50 = $2}
        / 99%/ {p99 = $2}
        /Socket errors/ {sub(/^ *Socket errors: */, ""); e = e $0 " "}
        /Non-2xx/ {e = e "non-2xx " $NF " "}
        END {
            per_cpu = ticks > 0 ? n * hz / ticks : 0
            sub(/ $/, "", e)
            printf "%.0f|%s|%.0f|%s|%s|%s", r, t, per_cpu, p50, p99, (e == "" ? "0" : e)
        }' <<< "$out"
}

SCENARIOS=("/hello, 50 keep-alive conns|/hello|50|"
           "1 KiB file, 50 conns|/1k.bin|50|"
           "64 KiB file, 50 conns|/64k.bin|50|"
           "1 MiB file, 10 conns|/1m.bin|10|"
           "/hello, Connection: close|/hello|50|Connection: close"
           "/hello, 1,000 conns|/hello|1000|")
if [ -n "$TLS" ]; then
    SCENARIOS=("/hello, 50 keep-alive conns|/hello|50|"
               "1 KiB file, 50 conns|/1k.bin|50|"
               "1 MiB file, 10 conns|/1m.bin|10|"
               "new TLS connections (Connection: close)|/hello|50|Connection: close")
fi
RESULTS="$RUN/results"
: > "$RESULTS"
for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r title path conns header <<< "$scenario"
    echo "measuring: $title" >&2
    for name in "${SERVERS[@]}"; do   # warm-up: the JIT, the page cache
        SECONDS_PER_RUN=$WARMUP measure "$name" "$conns" "$path" "$header" > /dev/null
    done
    declare -A results=()
    for run in $(seq 1 "$RUNS"); do
        order=("${SERVERS[@]}")
        [ $((run % 2)) -eq 0 ] && order=("${REVERSED[@]}")
        for name in "${order[@]}"; do
            results[$name]+="$(measure "$name" "$conns" "$path" "$header")"$'\n'
        done
    done
    for name in "${SERVERS[@]}"; do   # the median run of each server, by requests/s
        printf '%s' "${results[$name]}" | sort -t'|' -k1,1n \
            | awk -v s="$title|$name" '{a[NR] = $0} END {print s "|" a[int((NR + 1) / 2)]}' >> "$RESULTS"
    done
    unset results
done
RSS="$RUN/rss"
for name in "${SERVERS[@]}"; do
    echo "$name|$(peak_rss_kib "$(eval "echo \$PID_$name")")" >> "$RSS"
done

MODE="nothing pinned, wrk -t1 beside the servers on the same cores"
[ -n "$PINNED" ] && MODE="pinned (diagnosis only): wrk -t1 on CPU 0, every server on CPU 1"
[ -n "$TLS" ] && MODE="$MODE; https (one EC P-256 certificate; TLS 1.3 as wrk negotiates it)"
{
    echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), \
$(uname -sr); $("$JAVA" -version 2>&1 | head -n1); $(nginx -v 2>&1); $MODE; ${SECONDS_PER_RUN} s per run, \
medians of $RUNS after ${WARMUP} s of warm-up per server and scenario. JVM options of every JVM server: \
${JVM_OPTIONS[*]}."
    echo
    awk -F'|' -v peers="${PEERS[*]}" -f http-tests/scripts/load-tables.awk "$RSS" "$RESULTS"
} | tee "http-tests/target/bench/load${TLS:+-tls}.md"
