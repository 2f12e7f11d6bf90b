#!/usr/bin/env bash
# The library beside the code a user would write by hand, in one server: wrk POSTs the same beacon to
# each path in turn (interleaved rounds, so that a noisy machine's drift hits all alike). The first measure
# is the server's own CPU time per request (its JVM's user + system time, from /proc, over the run and until
# its asynchronous observers are done, divided by the requests wrk completed), which holds still where
# throughput on a shared 2-core machine does not; then the bytes the server's threads allocated per request;
# then throughput. Each as a ratio to its baseline within each round:
#   filter-none, filter-sync / the servlet that reads the body and answers 204        (CPU target <= 1.10)
#   read-filter              / the same servlet: a hand-written filter that does what it does, on an unmapped path,
#                              as the library's filter does; what the container charges any such filter. The
#                              library's filter-none and filter-sync are given against it too, in a table of their own
#   filter-async             / a servlet that reads the body and calls Event.fireAsync (CPU target <= 1.10)
#   resource-*               / the hand-written @POST String resource + Event.fire     (CPU target <= 1.0)
#   an ordinary page of the application, with / without the library's jars             (CPU target <= 1.01)
#   the page without the jars again, in a second copy of that application / without: the same thing
#                              measured twice, so the spread of a ratio that should be 1.00 shows how finely
#                              this machine can tell the page with from without
# for a 100 B text beacon, an 800 B JSON one and an 8 KiB multipart one, each to an endpoint without
# observer, with one counting @Observes observer, and with one counting @ObservesAsync observer.
#
#   ./mvnw -DskipTests package && bench/speed.sh payara     # or: bench/speed.sh wildfly, bench/speed.sh liberty
#
# ROUNDS (3), SECONDS_PER_RUN (5), CONNECTIONS (64) and PORT (18080) tune it; ONLY='json (filter|read)'
# keeps the runs whose "body name" matches; JFR=file.jfr records a flight recording of the server. Needs wrk (Debian: apt-get install wrk) and curl.
#
# KAFKA=1 also starts a Kafka broker (bench/kafka.sh) and deploys bench-kafka.war, bench.war with beacon-kafka added:
#   filter-kafka             / filter-none, the same endpoint without a sink: what the Kafka sink costs per beacon
#   filter-kafka-stored      / filter-none, the sink with beacon.answer-when=stored: each 204 after Kafka's acknowledgement
# BEFORE=path, a checkout of another commit built with ./mvnw -DskipTests package, deploys its bench.war (and, with
# KAFKA, its bench-kafka.war) beside this tree's, in the same server: before-filter-none, -filter-sync, -filter-async,
# -resource-sync and -filter-kafka, each to the same baseline as this tree's, so that two commits are compared within one run.
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:-payara}
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_RUN:-5}
connections=${CONNECTIONS:-64}
port=${PORT:-18080}
base="http://127.0.0.1:$port"

source bench/servers.sh
work=$(mktemp -d)
stop_kafka() { :; }
[ -z "${KAFKA:-}" ] || source bench/kafka.sh
trap 'stop_server; stop_kafka; rm -rf "$work"' EXIT

# --- bodies, as Chromium sends them ---
boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW
# $1 text, $2 count: the text repeated, without a pipe that pipefail would take a SIGPIPE from
repeat() { local i; for ((i = 0; i < $2; i++)); do printf '%s' "$1"; done; }
text=$(repeat 'hidden at 1700000000000 ' 5); printf '%s' "${text:0:100}" > "$work/text"
{
    printf '{"page":"/cart","events":['
    for i in $(seq 1 15); do printf '{"t":17000000%05d,"type":"click","x":%d,"y":%d},' "$i" "$i" "$((i * 3))"; done
    printf '{"t":1700000099999,"type":"hidden","x":0,"y":0}]}'
} > "$work/json"
{
    printf -- '--%s\r\nContent-Disposition: form-data; name="event"\r\n\r\nunload\r\n' "$boundary"
    printf -- '--%s\r\nContent-Disposition: form-data; name="trace"; filename="trace.json"\r\nContent-Type: application/json\r\n\r\n' "$boundary"
    printf '{"frames":['; repeat '{"fn":"render","ms":16},' 330; printf '{"fn":"idle","ms":0}]}\r\n'
    printf -- '--%s--\r\n' "$boundary"
} > "$work/multipart"
declare -A content_type=([text]="text/plain;charset=UTF-8" [json]="application/json"
                         [multipart]="multipart/form-data; boundary=$boundary")

# --- what is measured: name, path, body ---
runs=()
for body in text json multipart; do
    runs+=("$body read /bench/baseline/read" "$body read-filter /bench/baseline/filter/read" "$body read-async /bench/baseline/read-async"
           "$body handwritten /bench/api/handwritten")
    for observer in none sync async; do
        runs+=("$body filter-$observer /bench/beacon/$observer" "$body resource-$observer /bench/api/beacon/$observer")
    done
    [ -z "${BEFORE:-}" ] || runs+=("$body before-filter-none /before/beacon/none" "$body before-filter-sync /before/beacon/sync"
                                    "$body before-filter-async /before/beacon/async" "$body before-resource-sync /before/api/beacon/sync")
    # 8 KiB beacons at wrk's rate outrun the one local broker on a 2-core machine: the sink's buffer fills, and it
    # answers 503, as it should. A measure of CPU per request needs every answer a 204, so Kafka gets the small bodies.
    [ -z "${KAFKA:-}" ] || [ "$body" = multipart ] || runs+=("$body filter-kafka /bench-kafka/beacon/none"
                                                              "$body filter-kafka-stored /bench-kafka-stored/beacon/none")
    [ -z "${BEFORE:-}" ] || [ -z "${KAFKA:-}" ] || [ "$body" = multipart ] || runs+=("$body before-filter-kafka /before-kafka/beacon/none")
done
runs+=("page with /bench/page" "page without /bench-plain/page" "page without-again /bench-plain-again/page")
only=()
for run in "${runs[@]}"; do [[ "${run% *}" =~ ${ONLY:-.} ]] && only+=("$run"); done
runs=("${only[@]}")

ticks_per_second=$(getconf CLK_TCK)

# The server's allocated bytes since it started, as the bench application reads them from the JVM
allocated() { curl -sf "$base/bench/counts" | sed -n 's/.* allocated=\([0-9-]*\).*/\1/p'; }

# $1 body, $2 path, $3 seconds: prints "req/s unexpected p99ms cpu-us-per-request bytes-per-request"
measure() {
    settle
    local file="" type="" expect=200 cpu_before allocated_before out
    if [ "$1" != page ]; then file="$work/$1"; type=${content_type[$1]}; expect=204; fi
    allocated_before=$(allocated); cpu_before=$(server_cpu_ticks)
    out=$(BODY_FILE=$file CONTENT_TYPE=$type EXPECT=$expect wrk -t2 -c"$connections" -d"${3}s" --timeout 10s -s bench/post.lua "$base$2")
    settle # what the run left to asynchronous observers is the run's too
    local cpu=$(( $(server_cpu_ticks) - cpu_before )) bytes=$(( $(allocated) - allocated_before ))
    awk -v cpu="$cpu" -v hz="$ticks_per_second" -v bytes="$bytes" '
        /Requests\/sec/ {rps=$2} /^unexpected/ {bad=$2} /^p99/ {p99=$2} /^requests/ {n=$2}
        END {printf "%s %s %s %.1f %.0f\n", rps, bad, p99, cpu * 1e6 / hz / n, bytes / n}' <<< "$out"
}

cp beacon-bench-app/target/bench-plain.war "$work/bench-plain-again.war"
wars=(beacon-bench-app/target/bench.war beacon-bench-app/target/bench-plain.war "$work/bench-plain-again.war")
if [ -n "${BEFORE:-}" ]; then cp "$BEFORE/beacon-bench-app/target/bench.war" "$work/before.war"; wars+=("$work/before.war"); fi
if [ -n "${KAFKA:-}" ]; then
    start_kafka "${KAFKA_PORT:-19092}"
    kafka_war . "$work/bench-kafka.war"; wars+=("$work/bench-kafka.war")
    stored_war "$work/bench-kafka.war" "$work/bench-kafka-stored.war"; wars+=("$work/bench-kafka-stored.war")
    if [ -n "${BEFORE:-}" ]; then kafka_war "$BEFORE" "$work/before-kafka.war"; wars+=("$work/before-kafka.war"); fi
fi
start_server "$server" /bench-plain/page "${wars[@]}"
curl -sf -o /dev/null "$base/bench/page" || { echo "bench: /bench did not deploy" >&2; exit 1; }
echo "bench: $server, $(nproc) cores, $rounds rounds of ${seconds} s per path, wrk -t2 -c$connections"
echo "bench: bodies: text $(wc -c < "$work/text") B, json $(wc -c < "$work/json") B, multipart $(wc -c < "$work/multipart") B"

for run in "${runs[@]}"; do read -r body name path <<< "$run"; measure "$body" "$path" 2 > /dev/null; done   # warm-up
declare -A results
for round in $(seq 1 "$rounds"); do
    # Every other round backwards: each path runs as often first of its pair as second.
    order=("${runs[@]}")
    if ((round % 2 == 0)); then
        order=(); for ((i = ${#runs[@]} - 1; i >= 0; i--)); do order+=("${runs[i]}"); done
    fi
    for run in "${order[@]}"; do
        read -r body name path <<< "$run"
        measure "$body" "$path" 1 > /dev/null # the path's own warm-up: new connections, the code it runs
        read -r rps bad p99 cpu bytes <<< "$(measure "$body" "$path" "$seconds")"
        [ "$bad" = 0 ] || { echo "bench: $body $name: $bad answers were not the expected status" >&2; exit 1; }
        results["$body $name"]+="$rps "
        results["$body $name p99"]+="$p99 "
        results["$body $name cpu"]+="$cpu "
        results["$body $name bytes"]+="$bytes "
    done
    echo "bench: round $round done"
done

median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# "median (lowest–highest)" of one value per round
spread() { printf '%s\n' $1 | sort -n | awk '{r[NR]=$1} END {printf "%s (%s–%s)", r[int((NR+1)/2)], r[1], r[NR]}'; }
# $1 a path's values, $2 its baseline's, one per round: the ratio within each round (a path and its baseline
# run minutes apart at most), printed as "median (lowest–highest)"
ratios() {
    paste -d' ' <(printf '%s\n' $1) <(printf '%s\n' $2) | awk '{print $1 / $2}' | sort -n \
        | awk '{r[NR]=$1} END {printf "%.2f (%.2f–%.2f)", r[int((NR+1)/2)], r[1], r[NR]}'
}
# $1 a run's name, $2 its body: the run it is measured against
baseline_of() {
    case $1 in
        filter-async | before-filter-async) echo "$2 read-async" ;;
        filter-kafka | filter-kafka-stored) echo "$2 filter-none" ;;
        before-filter-kafka) echo "$2 before-filter-none" ;;
        before-filter-none | before-filter-sync | read-filter) echo "$2 read" ;;
        before-resource-sync) echo "$2 handwritten" ;;
        filter-*) echo "$2 read" ;;
        resource-*) echo "$2 handwritten" ;;
        with | without-again) echo "page without" ;;
    esac
}
# $1 the measure's key suffix ("cpu", "bytes", or "" for req/s), $2 its column's title: prints its table
table() {
    echo
    echo "| body | path | $2 per round: median (range) | ratio to the baseline, each round's: median (range) |"
    echo "| --- | --- | --- | --- |"
    for body in text json multipart page; do
        for run in "${runs[@]}"; do
            read -r b name path <<< "$run"
            [ "$b" = "$body" ] || continue
            local key="$body $name${1:+ $1}" baseline r=""
            baseline=$(baseline_of "$name" "$body")
            if [ -n "$baseline" ] && [ -n "${results["$baseline${1:+ $1}"]:-}" ]; then
                r="$(ratios "${results[$key]}" "${results["$baseline${1:+ $1}"]}") of ${baseline#* }"
            fi
            echo "| $body | $name | $(spread "${results[$key]}") | $r |"
        done
    done
}
table cpu "µs of server CPU per request"
echo
echo "| body | path | CPU ratio to the hand-written filter (read-filter), each round's: median (range) |"
echo "| --- | --- | --- |"
for run in "${runs[@]}"; do
    read -r body name path <<< "$run"
    [[ $name =~ ^filter-(none|sync)$ ]] && [ -n "${results["$body read-filter cpu"]:-}" ] || continue
    echo "| $body | $name | $(ratios "${results["$body $name cpu"]}" "${results["$body read-filter cpu"]}") |"
done
table bytes "bytes the server allocated per request"
table "" "req/s"
echo
echo "| body | path | p99 ms (median) |"
echo "| --- | --- | --- |"
for run in "${runs[@]}"; do
    read -r body name path <<< "$run"
    echo "| $body | $name | $(median "${results["$body $name p99"]}") |"
done
echo
echo "bench: counted by the observers: $(curl -s "$base/bench/counts")"
