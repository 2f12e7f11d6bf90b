#!/usr/bin/env bash
# Does a slow observer delay other beacons' 204s? wrk measures the p99 latency of 100 B text beacons to a
# counting @Observes observer, alone, then while a second wrk keeps 8 connections busy with beacons to a
# 100 ms @Observes observer, then while a beacon every 100 ms keeps about ten 1 s @ObservesAsync observers
# busy. For the filter and the resource, in one server, in interleaved rounds; prints medians and the ratio
# to the beacons alone.
#
#   ./mvnw -DskipTests package && bench/latency.sh payara     # or: bench/latency.sh wildfly
#
# ROUNDS (3), SECONDS_PER_RUN (10), CONNECTIONS (16) and PORT (18080) tune it. Needs wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:-payara}
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_RUN:-10}
connections=${CONNECTIONS:-16}
port=${PORT:-18080}
base="http://127.0.0.1:$port"

source bench/servers.sh
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
printf 'hidden at 1700000000000' > "$work/text"

# $1 connections, $2 ms each waits before each beacon, $3 the slow observers' URL: sends beacons to them in the
# background for the measured run and a second more, as $slow_pid
busy() {
    PAUSE_MS=$2 BODY_FILE="$work/text" CONTENT_TYPE=text/plain EXPECT=204 wrk -t1 -c"$1" -d"$((seconds + 2))s" --timeout 10s \
        -s bench/post.lua "$3" > /dev/null &
    slow_pid=$!
}

# $1 the measured path, $2 what keeps observers busy meanwhile: none, slow-sync or slow-async; prints the p99 in ms
p99() {
    settle
    local slow_pid=
    case $2 in
        slow-sync) busy 8 0 "$base${1%/*}/slow-sync" ;; # 8 connections, each holding a 100 ms observer on its request thread
        # One connection, a beacon every 100 ms: about ten 1 s observers at any time, where a flood would fill
        # the in-flight budget, which answers 503 by design.
        slow-async) busy 1 100 "$base${1%/*}/slow-async" ;;
    esac
    [ -z "$slow_pid" ] || sleep 1 # the slow observers are busy before the measured beacons start
    BODY_FILE="$work/text" CONTENT_TYPE=text/plain EXPECT=204 wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s \
        -s bench/post.lua "$base$1" | awk '/^unexpected/ && $2 != 0 {print "bench: " $2 " unexpected answers" > "/dev/stderr"; exit 1} /^p99/ {print $2}'
    [ -z "$slow_pid" ] || wait "$slow_pid"
}

start_server "$server" /bench/page beacon-bench-app/target/bench.war
echo "bench: $server, $rounds rounds of ${seconds} s, wrk -t1 -c$connections; meanwhile 8 connections to the 100 ms observer, or a beacon every 100 ms to the 1 s asynchronous one"
declare -A results
for round in $(seq 1 "$rounds"); do
    for path in /bench/beacon/sync /bench/api/beacon/sync; do
        for slow in none slow-sync slow-async; do
            results["$path $slow"]+="$(p99 "$path" "$slow") "
        done
    done
    echo "bench: round $round done"
done

median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "| path | meanwhile | p99 ms (median) | ratio to alone |"
echo "| --- | --- | --- | --- |"
for path in /bench/beacon/sync /bench/api/beacon/sync; do
    alone=$(median "${results["$path none"]}")
    for slow in none slow-sync slow-async; do
        m=$(median "${results["$path $slow"]}")
        echo "| $path | $slow | $m | $(awk -v a="$m" -v b="$alone" 'BEGIN {printf "%.2f", a / b}') |"
    done
done
