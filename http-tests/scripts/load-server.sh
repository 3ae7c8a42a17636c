# Shared by the load scripts (source it from the repository root): builds the test classpath and starts
# dev.jhttp.tests.load.LoadServer, stopping it by PID when the calling script exits.

# Builds everything (tests skipped) and sets CP to http-tests' test classpath.
jhttp_build_test_classpath() {
    echo "building (mvn -q install -DskipTests)..." >&2
    mvn -B -q install -DskipTests
    mvn -B -q -pl http-tests dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
    CP="http-tests/target/test-classes:$(cat http-tests/target/test-classpath.txt)"
}

# Starts LoadServer for at most $1 seconds, with any further arguments as JVM options; sets SERVER_PID and PORT.
jhttp_start_load_server() {
    local limit=$1 out=http-tests/target/load-server.out
    shift
    "$JHTTP_JAVA_HOME/bin/java" "$@" -cp "$CP" dev.jhttp.tests.load.LoadServer "$limit" > "$out" 2>&1 &
    SERVER_PID=$!
    trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
    PORT=""
    for _ in $(seq 1 100); do
        PORT=$(head -n1 "$out" 2>/dev/null || true)
        [ -n "$PORT" ] && break
        sleep 0.1
    done
    [ -n "$PORT" ] || { echo "server did not start" >&2; cat "$out" >&2; exit 1; }
    SERVER_LOG=$out
}
