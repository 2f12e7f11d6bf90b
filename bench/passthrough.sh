#!/usr/bin/env bash
# What the beacon filter costs the requests it does not handle: wrk on the demo app's own servlet,
# on Payara Micro with the beacon jars active and with the filter switched off (beacon.enabled=false),
# in alternating rounds so that drift on a noisy machine hits both alike. Prints requests/s per round
# and the ratio of the medians (on / off). Needs wrk (Debian: apt-get install wrk) and a built
# beacon-it (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_ROUND:-10}
port=${PORT:-18080}
source bench/demo-server.sh

# $1: value of beacon.enabled; prints requests/s of GET /hello
round() {
    start_demo -Dbeacon.enabled="$1"
    # The switch must have taken: a beacon gets 204 from the filter, or the app's CSRF 403 without it.
    local expected=403; [ "$1" = true ] && expected=204
    local got; got=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: text/plain' -d x "http://127.0.0.1:$port/beacon")
    [ "$got" = "$expected" ] || { echo "bench: beacon.enabled=$1 but POST /beacon answered $got" >&2; exit 1; }
    wrk -t1 -c8 -d3s "http://127.0.0.1:$port/hello" > /dev/null           # warm-up
    wrk -t1 -c8 -d"${seconds}s" "http://127.0.0.1:$port/hello" | awk '/Requests\/sec/ {print $2}'
    stop_demo
}

on=(); off=()
for i in $(seq 1 "$rounds"); do
    on+=("$(round true)"); off+=("$(round false)")
    echo "round $i: filter on ${on[-1]} req/s, off ${off[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_on=$(median "${on[@]}"); m_off=$(median "${off[@]}")
echo "median: on $m_on req/s, off $m_off req/s, ratio on/off $(awk -v a="$m_on" -v b="$m_off" 'BEGIN {printf "%.3f", a/b}')"
