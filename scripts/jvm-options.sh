# Sourced by ./jhttp and the load benchmark: the JVM options the server runs with, in JHTTP_JVM_OPTIONS.
# Suited to a small server: the serial collector (the one the JVM picks itself on small machines; no collector
# threads beside the server's), a heap bound of 256 MiB, and a young generation of 16 MiB, so that a server under
# load touches little memory (its collections are frequent but short: almost everything a request allocates is
# garbage by the next one). Setting JHTTP_JAVA_OPTIONS replaces them, e.g. JHTTP_JAVA_OPTIONS="-Xmx2g" ./jhttp serve.
if [ -n "${JHTTP_JAVA_OPTIONS+set}" ]; then
    read -r -a JHTTP_JVM_OPTIONS <<< "$JHTTP_JAVA_OPTIONS"
else
    JHTTP_JVM_OPTIONS=(-XX:+UseSerialGC -Xmx256m -Xmn16m)
fi
