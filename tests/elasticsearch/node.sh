#!/usr/bin/env bash
# One real Elasticsearch 8 node on 127.0.0.1 for the test suite, without Docker.
#
#   tests/elasticsearch/node.sh start    # prints the node's URL (also in var/es-test/url)
#   tests/elasticsearch/node.sh stop     # SIGTERM, then SIGKILL after ES_STOP_TIMEOUT seconds
#   tests/elasticsearch/node.sh status   # exit 0 and print the URL when the node answers
#
# Maven resolves the jars (cached in ~/.m2) from tests/elasticsearch/pom.xml; the computed
# classpath and the compiled launcher are cached outside the repo, in
# ${XDG_CACHE_HOME:-~/.cache}/quotetrail/es-test, keyed by a hash of pom.xml and the Java sources,
# so fresh clones (CI) reuse them. The node's data lives in a temp dir that stop removes; its
# pid, URL and logs are in var/es-test (gitignored), or in $ES_TEST_STATE when set (one per
# concurrent node). Knobs: ES_HEAP (default 1g), ES_START_TIMEOUT (s, default 180),
# ES_STOP_TIMEOUT (s, default 20).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${ES_TEST_STATE:-$root/var/es-test}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/quotetrail/es-test"
pid_file="$state/pid"
url_file="$state/url"
home_file="$state/home"
log_file="$state/node.log"   # Elasticsearch's log
out_file="$state/node.out"   # the JVM's own stdout and stderr
main_class="quotetrail.testnode.TestNode"

say() { echo "es-test-node: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

ensure_jdk_and_maven() {
    if command -v javac >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
        return
    fi
    [ "$(id -u)" = 0 ] || die "javac and mvn are needed (install a JDK 17+ and Maven)"
    say "installing a JDK and Maven with apt-get ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless maven >/dev/null
}

sources_hash() {
    (cd "$here" && cat pom.xml $(find src -name '*.java' | sort)) | sha256sum | cut -c1-16
}

# Prints the path of a file holding the runtime classpath (jars, then the launcher's classes).
prepare_classpath() {
    local key cp_file classes jars
    key="$(sources_hash)"
    cp_file="$cache/classpath-$key.txt"
    classes="$cache/classes-$key"
    if [ -f "$cp_file" ]; then
        # ~/.m2 may have been cleaned since: every cached jar must still be there.
        local missing=0 jar
        IFS=: read -r -a jars <"$cp_file.jars"
        for jar in "${jars[@]}"; do [ -f "$jar" ] || { missing=1; break; }; done
        [ "$missing" = 0 ] && [ -d "$classes" ] && { echo "$cp_file"; return; }
    fi
    ensure_jdk_and_maven
    # Built in a private dir, then renamed: clones sharing the cache never see half a build.
    local work
    mkdir -p "$cache"
    work="$(mktemp -d "$cache/build.XXXXXX")"
    say "resolving Elasticsearch jars with Maven (first run downloads ~130 MB into ~/.m2) ..."
    if ! mvn -B -q -f "$here/pom.xml" dependency:build-classpath \
        -Dmdep.outputFile="$work/jars" >"$work/mvn.log" 2>&1; then
        tail -n 40 "$work/mvn.log" >&2
        die "Maven could not resolve tests/elasticsearch/pom.xml (log: $work/mvn.log)"
    fi
    say "compiling the node launcher ..."
    # shellcheck disable=SC2046
    javac -nowarn -d "$work/classes" -cp "$(cat "$work/jars")" $(find "$here/src" -name '*.java') >&2 \
        || die "javac failed on tests/elasticsearch/src"
    rm -rf "$classes" && mv "$work/classes" "$classes"
    mv "$work/jars" "$cp_file.jars"
    echo "$classes:$(cat "$cp_file.jars")" >"$cp_file.tmp.$$" && mv "$cp_file.tmp.$$" "$cp_file"
    rm -rf "$work"
    echo "$cp_file"
}

http_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 70 "$1" 2>/dev/null || echo 000
}

is_our_node() {
    [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q "$main_class"
}

fail_start() {
    say "ERROR: $1"
    say "---- last lines of $log_file ----"
    tail -n 40 "$log_file" >&2 2>/dev/null || true
    say "---- last lines of $out_file ----"
    tail -n 40 "$out_file" >&2 || true
    stop_node >/dev/null 2>&1 || true
    exit 1
}

start_node() {
    local pid
    pid="$(cat "$pid_file" 2>/dev/null || true)"
    if is_our_node "$pid"; then
        die "a node is already running (pid $pid, $(cat "$url_file" 2>/dev/null || echo 'not ready')); run '$0 stop' first"
    fi
    rm -f "$pid_file" "$url_file" "$log_file" "$out_file"
    command -v curl >/dev/null 2>&1 || die "curl is needed to probe the node"
    local t0 cp_file home java
    t0=$(date +%s.%N)
    mkdir -p "$state"
    cp_file="$(prepare_classpath)"
    home="$(mktemp -d "${TMPDIR:-/tmp}/quotetrail-es.XXXXXX")"
    echo "$home" >"$home_file"
    mkdir -p "$home/config" && cp "$here/log4j2.properties" "$home/config/"
    java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    say "starting Elasticsearch (heap ${ES_HEAP:-1g}, data in $home) ..."
    "$java" -Xms"${ES_HEAP:-1g}" -Xmx"${ES_HEAP:-1g}" -XX:+UseG1GC \
        -Djava.io.tmpdir="$home" -Dfile.encoding=UTF-8 -Dquotetrail.es.log="$log_file" \
        -cp "$(cat "$cp_file")" "$main_class" "$home" "$home/http-url" \
        </dev/null >"$out_file" 2>&1 &
    pid=$!
    echo "$pid" >"$pid_file"

    local deadline url="" code
    deadline=$(( $(date +%s) + ${ES_START_TIMEOUT:-180} ))
    while :; do
        kill -0 "$pid" 2>/dev/null || {
            wait "$pid" && rc=0 || rc=$?
            fail_start "the Elasticsearch JVM exited (status $rc) before it was ready"
        }
        [ "$(date +%s)" -lt "$deadline" ] \
            || fail_start "not ready after ${ES_START_TIMEOUT:-180} s"
        if [ -z "$url" ] && [ -s "$home/http-url" ]; then
            url="$(cat "$home/http-url")"
        fi
        if [ -n "$url" ]; then
            code="$(http_status "$url/_cluster/health?wait_for_status=yellow&timeout=60s")"
            [ "$code" = 200 ] && break
            say "cluster health answered $code, retrying ..."
        fi
        sleep 0.3
    done
    echo "$url" >"$url_file"
    say "ready at $url (pid $pid) after $(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)") s"
    echo "$url"
}

stop_node() {
    local pid home
    pid="$(cat "$pid_file" 2>/dev/null || true)"
    if is_our_node "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        local i
        for ((i = 0; i < ${ES_STOP_TIMEOUT:-20} * 10; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "node (pid $pid) ignored SIGTERM for ${ES_STOP_TIMEOUT:-20} s: SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        say "stopped (pid $pid)"
    fi
    home="$(cat "$home_file" 2>/dev/null || true)"
    case "$home" in
        */quotetrail-es.*) rm -rf "$home" ;;
    esac
    rm -f "$pid_file" "$url_file" "$home_file"
}

status_node() {
    local pid
    pid="$(cat "$pid_file" 2>/dev/null || true)"
    is_our_node "$pid" && [ -s "$url_file" ] || die "not running"
    [ "$(http_status "$(cat "$url_file")/_cluster/health")" = 200 ] || die "pid $pid does not answer"
    cat "$url_file"
}

case "${1:-}" in
    start) start_node ;;
    stop) stop_node ;;
    status) status_node ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
