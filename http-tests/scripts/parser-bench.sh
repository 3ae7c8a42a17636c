#!/usr/bin/env bash
# JMH: jhttp's RequestParser beside Netty's HttpRequestDecoder and Jetty's HttpParser, on the same requests, with
# allocation per request (-prof gc). Usage: http-tests/scripts/parser-bench.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
jhttp_find_jdk
echo "building (mvn -q -Pbench install, benchmarks compiled, tests skipped)..." >&2
mvn -B -q -Pbench install -DskipTests
mvn -B -q -Pbench -pl http-tests dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="http-tests/target/test-classes:$(cat http-tests/target/bench-classpath.txt)"
mkdir -p http-tests/target/bench
exec "$JHTTP_JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main ParserBenchmark -prof gc \
    -rf text -rff http-tests/target/bench/parser.txt "$@"
