# Sourced by the project's scripts: sets JHTTP_JAVA_HOME to a JDK 21 or newer and JHTTP_JAVA_MAJOR to its version,
# or prints one line and exits 1.

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

# Sets JHTTP_JAVA_HOME when $1 is a JDK 21 or newer.
jhttp_accept_jdk() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    jhttp_java_major "$1"
    [ -n "$JHTTP_JAVA_MAJOR" ] && [ "$JHTTP_JAVA_MAJOR" -ge 21 ] || return 1
    JHTTP_JAVA_HOME="$1"
}

# In order: JAVA_HOME, the javac on PATH, the usual install folders; each looked at only when the ones before fail.
jhttp_find_jdk() {
    [ -n "${JAVA_HOME:-}" ] && jhttp_accept_jdk "$JAVA_HOME" && return 0
    local installed=(/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*)
    local home
    if hash javac 2>/dev/null; then
        # PATH's javac is usually a link into an install folder: -ef (same file, links followed) finds which one with
        # no fork; readlink only resolves a javac that lives anywhere else.
        local javac=${BASH_CMDS[javac]} on_path=""
        for home in "${installed[@]}"; do
            [ "$javac" -ef "$home/bin/javac" ] && on_path=$home && break
        done
        if [ -z "$on_path" ]; then
            javac=$(readlink -f "$javac")
            on_path=${javac%/bin/javac}
        fi
        jhttp_accept_jdk "$on_path" && return 0
    fi
    for home in "${installed[@]}"; do
        jhttp_accept_jdk "$home" && return 0
    done
    echo "jhttp needs a JDK 21 or newer; install one (for example: apt-get install openjdk-21-jdk) and try again" >&2
    exit 1
}
