# Shared by the load benchmarks (sourced): starting servers and reading what they cost from /proc. The caller sets
# RUN (a scratch folder), PIDS (an array of what to stop) and SERVER_PIN (a taskset prefix, or empty).

# Starts a server; its first output line of digits (or a JSON "port") names its port.
start() {
    local name=$1
    shift
    "${SERVER_PIN[@]}" "$@" > "$RUN/$name.out" 2>&1 &
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

# The processes of a server: nginx's master and workers, one JVM for the others.
processes() {
    local pid=$1
    echo "$pid" $(pgrep -P "$pid" || true)
}
# A number summed over a server's processes: what awk program $2 prints from each one's /proc/PID/$3.
sum_over_processes() {
    local total=0
    for p in $(processes "$1"); do
        total=$((total + $(awk "$2" "/proc/$p/$3")))
    done
    echo "$total"
}
# CPU time, in clock ticks.
cpu_ticks() { sum_over_processes "$1" '{print $14 + $15}' stat; }
# Peak resident memory in KiB (for nginx, summed over its processes).
peak_rss_kib() { sum_over_processes "$1" '/^VmHWM/ {print $2}' status; }
# Resident memory now, in KiB (summed likewise).
rss_kib() { sum_over_processes "$1" '/^VmRSS/ {print $2}' status; }
