# Shared by the load benchmarks (sourced from the repository root): setting up, starting servers and reading what
# they cost from /proc. The caller sets PIDS (an array of what to stop) and SERVER_PIN (a taskset prefix, or empty).

# Installs each missing tool with apt-get; an argument is TOOL, or TOOL=PACKAGE when the package is named otherwise.
install_tools() {
    local entry tool package
    for entry in "$@"; do
        tool=${entry%%=*}
        package=${entry#*=}
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "installing $package (apt-get)..." >&2
            apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
        fi
    done
}

# Builds with the bench profile; sets CP (the bench classpath) and JVM_OPTIONS (./jhttp's, for every JVM server),
# and raises the descriptor limit for the many connections to come.
build_bench() {
    echo "building (mvn -q -Pbench install, tests skipped)..." >&2
    mvn -B -q -Pbench install -DskipTests
    mvn -B -q -Pbench -pl http-tests dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
        >/dev/null
    CP="http-tests/target/test-classes:$(cat http-tests/target/bench-classpath.txt)"
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
    JVM_OPTIONS=("${JHTTP_JVM_OPTIONS[@]}")
}

# A scratch folder RUN, with SITE in it holding /hello's text and a 1 KiB file.
make_site() {
    RUN="$(mktemp -d)"
    SITE="$RUN/site"
    mkdir -p "$SITE" "$RUN/body" http-tests/target/bench
    printf 'Hello, World!' > "$SITE/hello"
    head -c 1024 /dev/urandom > "$SITE/1k.bin"
}

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
