#!/usr/bin/env bash
# Soak: the demo on Payara Micro at saturation for a while (default 60 s), then what became of every
# beacon: sent / 204 / 503 (from wrk) and accepted / delivered / in flight (from the app's counters,
# once in-flight work has drained). lost = accepted - delivered, and must be 0; wrk counts no answer to
# the requests still open when it stops, so its 204s may fall short of accepted, never exceed it.
# SERVER_JAVA_OPTS=-Dbeacon.max-in-flight=16 shows the 503 path. Not part of ./mvnw verify.
# Needs wrk (Debian: apt-get install wrk) and a built beacon-it (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-60s}
connections=${CONNECTIONS:-64}
port=${PORT:-18080}
source bench/servers.sh
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
# The demo's observer logs every beacon: at saturation that log would be the bulk of the work, and goes to a file.
start_server payara /beacon-it/hello beacon-it/target/beacon-it.war

wrk -t2 -c"$connections" -d"$duration" -s bench/soak.lua "http://127.0.0.1:$port/beacon-it/beacon/soak" | tee /dev/stderr \
    | awk '/^wrk:/' > soak-wrk.txt
ok=$(sed -E 's/.* 204 ([0-9]+),.*/\1/' soak-wrk.txt)
rm -f soak-wrk.txt

for _ in $(seq 1 60); do
    stats=$(curl -sf "http://127.0.0.1:$port/beacon-it/statistics")
    echo "$stats" | grep -q '"inFlight":0' && break
    sleep 1
done
echo "app: $stats"
accepted=$(echo "$stats" | sed -E 's/.*"accepted":([0-9]+).*/\1/')
delivered=$(echo "$stats" | sed -E 's/.*"delivered":([0-9]+).*/\1/')
echo "soak: 204 seen by wrk $ok, accepted $accepted, delivered $delivered, lost $((accepted - delivered))"
[ "$accepted" -eq "$delivered" ] && [ "$ok" -le "$accepted" ]
