# Sourced by the project's scripts: sets JHTTP_JAVA_HOME to a JDK 21 or newer and JHTTP_JAVA_MAJOR to its version,
# or prints one line and exits 1. Looks at JAVA_HOME, the java on PATH, then the usual install folders.

# The JDK's release file names its version, so no JVM has to start to tell it; asking java is the fallback. The
# launcher runs this on every start, so it forks nothing when the file is there: bash builtins read it, and the
# version goes to JHTTP_JAVA_MAJOR rather than through a subshell.
jhttp_java_major() {
    local line version=""
    if [ -r "$1/release" ]; then
        while IFS= read -r line; do
            case $line in
                JAVA_VERSION=*) version=${line#JAVA_VERSION=\"}; version=${version%%\"*}; break ;;
            esac
        done < "$1/release"
    fi
    if [ -z "$version" ]; then
        version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
    fi
    version=${version#1.}   # 1.8 is Java 8
    JHTTP_JAVA_MAJOR="${version%%[!0-9]*}"
}

jhttp_find_jdk() {
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    local javac
    if javac=$(command -v javac); then
        javac=$(readlink -f "$javac")
        candidates+=("${javac%/bin/javac}")
    fi
    candidates+=(/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*)
    local home
    for home in "${candidates[@]}"; do
        [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
        jhttp_java_major "$home"
        if [ -n "$JHTTP_JAVA_MAJOR" ] && [ "$JHTTP_JAVA_MAJOR" -ge 21 ]; then
            JHTTP_JAVA_HOME="$home"
            return 0
        fi
    done
    echo "jhttp needs a JDK 21 or newer; install one (for example: apt-get install openjdk-21-jdk) and try again" >&2
    exit 1
}
