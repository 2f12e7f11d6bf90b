#!/usr/bin/env bash
# Does a slow observer delay other beacons' 204s? wrk measures the p99 latency of 100 B text beacons to a
# counting @Observes observer, alone, then while a second wrk keeps 8 connections busy with beacons to a
# 100 ms @Observes observer, then with beacons to a 1 s @ObservesAsync observer. For the filter and the
# resource, in one server, in interleaved rounds; prints medians and the ratio to the beacons alone.
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

# $1 path, $2 the slow endpoint kept busy meanwhile, or none: prints the p99 in ms
p99() {
    local slow_pid=
    if [ "$2" != none ]; then
        BODY_FILE="$work/text" CONTENT_TYPE=text/plain EXPECT=204 wrk -t1 -c8 -d"$((seconds + 2))s" --timeout 10s \
            -s bench/post.lua "$base${1%/*}/$2" > /dev/null &
        slow_pid=$!
        sleep 1 # the slow observers are busy before the measured beacons start
    fi
    BODY_FILE="$work/text" CONTENT_TYPE=text/plain EXPECT=204 wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s \
        -s bench/post.lua "$base$1" | awk '/^unexpected/ && $2 != 0 {print "bench: " $2 " unexpected answers" > "/dev/stderr"; exit 1} /^p99/ {print $2}'
    [ -z "$slow_pid" ] || wait "$slow_pid"
}

start_server "$server" /bench/page beacon-bench-app/target/bench.war
echo "bench: $server, $rounds rounds of ${seconds} s, wrk -t1 -c$connections, slow observers kept busy by 8 more connections"
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
