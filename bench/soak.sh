#!/usr/bin/env bash
# Soak: the demo on Payara Micro at saturation for a while (default 60 s), then what became of every
# beacon: sent / 204 / 503 (from wrk) and accepted / delivered / in flight (from the app's counters,
# once in-flight work has drained). lost = accepted - delivered, and must be 0; wrk counts no answer to
# the requests still open when it stops, so its 204s may fall short of accepted, never exceed it.
# SOAK_JAVA_OPTS=-Dbeacon.max-in-flight=16 shows the 503 path. Not part of ./mvnw verify.
# Needs wrk (Debian: apt-get install wrk) and a built beacon-it (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-60s}
connections=${CONNECTIONS:-64}
port=${PORT:-18080}
war=beacon-it/target/beacon-it.war
micro=beacon-it/target/payara-micro.jar
[ -f "$war" ] && [ -f "$micro" ] || { echo "soak: build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "soak: needs wrk (apt-get install wrk)" >&2; exit 1; }

# The demo's observer logs every beacon: at saturation that log is the bulk of the work, so it goes nowhere.
java ${SOAK_JAVA_OPTS:-} -jar "$micro" --nocluster --port "$port" --contextroot / \
    --prebootcommandfile beacon-it/src/test/payara/preboot-commands.txt --deploy "$war" > /dev/null 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/hello" && break; sleep 1; done

wrk -t2 -c"$connections" -d"$duration" -s bench/soak.lua "http://127.0.0.1:$port/beacon/soak" | tee /dev/stderr \
    | awk '/^wrk:/' > soak-wrk.txt
ok=$(sed -E 's/.* 204 ([0-9]+),.*/\1/' soak-wrk.txt)
rm -f soak-wrk.txt

for _ in $(seq 1 60); do
    stats=$(curl -sf "http://127.0.0.1:$port/statistics")
    echo "$stats" | grep -q '"inFlight":0' && break
    sleep 1
done
echo "app: $stats"
accepted=$(echo "$stats" | sed -E 's/.*"accepted":([0-9]+).*/\1/')
delivered=$(echo "$stats" | sed -E 's/.*"delivered":([0-9]+).*/\1/')
echo "soak: 204 seen by wrk $ok, accepted $accepted, delivered $delivered, lost $((accepted - delivered))"
[ "$accepted" -eq "$delivered" ] && [ "$ok" -le "$accepted" ]
