# Sourced by the bench scripts: checks what they need, and starts and stops the demo on Payara Micro.
# Expects $port; leaves the server's PID in $server_pid and stops it on exit.

war=beacon-it/target/beacon-it.war
micro=beacon-it/target/payara-micro.jar
[ -f "$war" ] && [ -f "$micro" ] || { echo "bench: build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }

server_pid=

stop_demo() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}
trap stop_demo EXIT

# $@: JVM options. Output goes nowhere: the demo's observer logs every beacon, and at saturation that
# log would be the bulk of the work.
start_demo() {
    java "$@" -jar "$micro" --nocluster --port "$port" --contextroot / \
        --prebootcommandfile beacon-it/src/test/payara/preboot-commands.txt --deploy "$war" > /dev/null 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/hello" && return; sleep 1; done
    echo "bench: the demo did not start on port $port" >&2
    exit 1
}
