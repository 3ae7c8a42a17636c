#!/usr/bin/env bash
# Load benchmark: jhttp beside nginx, Jetty and jwebserver on this machine, in one run. wrk (one thread) runs on
# CPU 0 and every server on CPU 1; servers alternate within each scenario. Reports requests/s, transfer/s, the
# server's CPU time per request (from /proc/PID/stat), p99 latency and errors, with jhttp's ratio to the best peer.
# Loopback only; every process it starts is stopped by PID. Writes http-tests/target/bench/load.md too.
# Usage: http-tests/scripts/load-bench.sh [SECONDS_PER_RUN] [RUNS]   (defaults 10 and 1; with RUNS > 1, medians)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
jhttp_find_jdk
SECONDS_PER_RUN="${1:-10}"
RUNS="${2:-1}"
JAVA="$JHTTP_JAVA_HOME/bin/java"
for tool in wrk nginx; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "installing $tool (apt-get)..." >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >&2
    fi
done
echo "building (mvn -q -Pbench install, tests skipped)..." >&2
mvn -B -q -Pbench install -DskipTests
mvn -B -q -Pbench -pl http-tests dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="http-tests/target/test-classes:$(cat http-tests/target/bench-classpath.txt)"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

RUN="$(mktemp -d)"
SITE="$RUN/site"
mkdir -p "$SITE" "$RUN/body" http-tests/target/bench
printf 'Hello, World!' > "$SITE/hello"
head -c 1024 /dev/urandom > "$SITE/1k.bin"
head -c 1048576 /dev/urandom > "$SITE/1m.bin"
chmod -R a+rX "$RUN"   # nginx workers run as an unprivileged user
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$RUN"' EXIT
SERVER_CPU=1
CLIENT_CPU=0

# Starts a server on the server CPU; its first output line (or a JSON "port") names its port.
start() {
    local name=$1
    shift
    taskset -c "$SERVER_CPU" "$@" > "$RUN/$name.out" 2>&1 &
    PIDS+=($!)
    eval "PID_$name=$!"
}
await_port() {
    local name=$1 port=""
    for _ in $(seq 1 150); do
        port=$(sed -n -e 's/.*"port":\([0-9]*\).*/\1/p' -e 's/^\([0-9][0-9]*\)$/\1/p' "$RUN/$name.out" | head -n1)
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "$name did not start:" >&2; cat "$RUN/$name.out" >&2; exit 1; }
    eval "PORT_$name=$port"
}

PORT_nginx=18480
sed -e "s#@ROOT@#$SITE#" -e "s#@PORT@#$PORT_nginx#" -e "s#@RUN@#$RUN#" http-tests/bench-config/nginx.conf \
    > "$RUN/nginx.conf"
start nginx nginx -c "$RUN/nginx.conf" -p "$RUN"
start jhttp "$JAVA" -jar http-cli/target/jhttp.jar serve "$SITE" --port 0 --ready-json --quiet \
    --route "/hello=Hello, World!"
start jetty "$JAVA" -cp "$CP" dev.jhttp.bench.JettyPeerServer "$SITE"
PORT_jwebserver=18481
start jwebserver "$JHTTP_JAVA_HOME/bin/jwebserver" -b 127.0.0.1 -p "$PORT_jwebserver" -d "$SITE" -o none
await_port jhttp
await_port jetty
sleep 1
SERVERS=(jhttp nginx jetty jwebserver)

# CPU time, in clock ticks, of a server's process and (for nginx) its worker processes.
cpu_ticks() {
    local pid=$1 total=0
    for p in "$pid" $(pgrep -P "$pid" || true); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    echo "$total"
}

# One wrk run: "requests/s|transfer/s|CPU µs per request|p99|errors".
measure() {
    local name=$1 conns=$2 path=$3 header=$4 pid port before after out
    eval "pid=\$PID_$name; port=\$PORT_$name"
    before=$(cpu_ticks "$pid")
    out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$conns" -d"${SECONDS_PER_RUN}s" --latency ${header:+-H "$header"} \
        "http://127.0.0.1:$port$path" 2>&1)
    after=$(cpu_ticks "$pid")
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /requests in/ {n = $1}
        /Requests\/sec/ {r = $2}
        /Transfer\/sec/ {t = $2}
        / 99%/ {p = $2}
        /Socket errors/ {sub(/^ *Socket errors: */, ""); e = e $0 " "}
        /Non-2xx/ {e = e "non-2xx " $NF " "}
        END {
            cpu = n > 0 ? ticks * 1e6 / hz / n : 0
            sub(/ $/, "", e)
            printf "%.0f|%s|%.1f|%s|%s", r, t, cpu, p, (e == "" ? "0" : e)
        }' <<< "$out"
}

SCENARIOS=("/hello, 50 keep-alive conns|/hello|50|"
           "1 KiB file, 50 conns|/1k.bin|50|"
           "1 MiB file, 10 conns|/1m.bin|10|"
           "/hello, Connection: close|/hello|50|Connection: close"
           "/hello, 1,000 conns|/hello|1000|")
{
    echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), \
$(uname -sr); $("$JAVA" -version 2>&1 | head -n1); $(nginx -v 2>&1); wrk -t1 on CPU $CLIENT_CPU, servers on \
CPU $SERVER_CPU; ${SECONDS_PER_RUN} s per run, median of $RUNS."
    echo
    echo "| scenario | server | requests/s | transfer/s | server CPU µs/request | p99 | errors | req/s ÷ best peer | CPU ÷ best peer |"
    echo "|---|---|---|---|---|---|---|---|---|"
} | tee http-tests/target/bench/load.md
for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r title path conns header <<< "$scenario"
    for name in jhttp jetty; do   # warm-up: the JIT, the page cache
        SECONDS_PER_RUN=5 measure "$name" "$conns" "$path" "$header" > /dev/null
    done
    declare -A results=()
    for run in $(seq 1 "$RUNS"); do
        order=("${SERVERS[@]}")
        [ $((run % 2)) -eq 0 ] && order=(jwebserver jetty nginx jhttp)
        for name in "${order[@]}"; do
            results[$name]+="$(measure "$name" "$conns" "$path" "$header")"$'\n'
        done
    done
    # the median run of each server, by requests/s
    declare -A median=()
    for name in "${SERVERS[@]}"; do
        median[$name]=$(printf '%s' "${results[$name]}" | sort -t'|' -k1,1n | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}')
    done
    best_rps=0
    best_cpu=""
    for name in nginx jetty jwebserver; do
        IFS='|' read -r rps _ cpu _ _ <<< "${median[$name]}"
        best_rps=$(awk -v a="$rps" -v b="$best_rps" 'BEGIN {print (a > b ? a : b)}')
        best_cpu=$(awk -v a="$cpu" -v b="$best_cpu" 'BEGIN {print (b == "" || (a > 0 && a < b) ? a : b)}')
    done
    for name in "${SERVERS[@]}"; do
        IFS='|' read -r rps transfer cpu p99 errors <<< "${median[$name]}"
        ratio=$(awk -v a="$rps" -v b="$best_rps" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
        cpu_ratio=$(awk -v a="$cpu" -v b="$best_cpu" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
        echo "| $title | $name | $rps | $transfer | $cpu | $p99 | $errors | $ratio | $cpu_ratio |" \
            | tee -a http-tests/target/bench/load.md
    done
    unset results median
done
