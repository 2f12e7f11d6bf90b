# Sourced by the bench scripts: starts Payara Micro, WildFly or Open Liberty on 127.0.0.1:$port with the WARs given,
# each at the context root of its file name, waits for bench.war's beacons to settle, and stops the server
# by its PID. Expects $port, $base (its URL) and $work (an empty folder of the caller's); $SERVER_JAVA_OPTS adds JVM options; $JFR, when set, names a flight
# recording of the whole run.

server_pid=
micro=beacon-it/target/payara-micro.jar
wildfly_version=$(sed -n 's|.*<wildfly.version>\(.*\)</wildfly.version>.*|\1|p' pom.xml)
wildfly=beacon-it/target/wildfly-$wildfly_version
liberty=beacon-it/target/wlp

command -v wrk > /dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
command -v curl > /dev/null || { echo "bench: needs curl (apt-get install curl)" >&2; exit 1; }

# $1 payara|wildfly|liberty, $2 a path that answers 200 once the applications are up, then the WARs
start_server() {
    local kind=$1 ready=$2; shift 2
    for war in "$@"; do [ -f "$war" ] || { echo "bench: $war missing: build first: ./mvnw -DskipTests package" >&2; exit 1; }; done
    # shellcheck disable=SC2206 # SERVER_JAVA_OPTS holds several options
    local jvm=(-Xms1g -Xmx1g ${SERVER_JAVA_OPTS:-})
    [ -z "${JFR:-}" ] || jvm+=("-XX:StartFlightRecording=filename=$(realpath -m "$JFR"),settings=profile,dumponexit=true")
    case $kind in
        payara)
            [ -f "$micro" ] || { echo "bench: $micro missing: build first: ./mvnw -DskipTests package" >&2; exit 1; }
            mkdir -p "$work/deploy" && cp "$@" "$work/deploy/"
            java "${jvm[@]}" -jar "$micro" --nocluster --port "$port" --prebootcommandfile beacon-it/src/test/payara/preboot-commands.txt \
                --deploymentDir "$work/deploy" > "$work/server.log" 2>&1 &
            server_pid=$!
            ;;
        wildfly)
            [ -d "$wildfly" ] || ./mvnw -q -pl beacon-it dependency:unpack@wildfly
            cp -r "$wildfly" "$work/wildfly" && cp "$@" "$work/wildfly/standalone/deployments/"
            # standalone.sh forwards a TERM to the server only when launched in the background
            LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="${jvm[*]} -Djava.net.preferIPv4Stack=true" \
                "$work/wildfly/bin/standalone.sh" -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
                -Djboss.socket.binding.port-offset=$((port - 8080)) > "$work/server.log" 2>&1 &
            server_pid=$!
            ;;
        liberty)
            [ -d "$liberty" ] || ./mvnw -q -pl beacon-it dependency:unpack@open-liberty
            # A server of our own beside the unpacked runtime, with the features a user of the library enables
            local server=$work/wlp-usr/servers/bench
            mkdir -p "$server/dropins" && cp "$@" "$server/dropins/"
            cat > "$server/server.xml" <<XML
<server>
    <featureManager>
        <feature>webProfile-10.0</feature>
        <feature>mpConfig-3.1</feature>
    </featureManager>
    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="$port" httpsPort="-1"/>
    <applicationMonitor updateTrigger="disabled"/>
</server>
XML
            WLP_USER_DIR="$work/wlp-usr" JVM_ARGS="${jvm[*]}" "$liberty/bin/server" run bench > "$work/server.log" 2>&1 &
            server_pid=$!
            ;;
        *) echo "bench: unknown server '$kind': payara, wildfly or liberty" >&2; exit 1 ;;
    esac
    for _ in $(seq 1 180); do
        curl -sf -o /dev/null "http://127.0.0.1:$port$ready" && return
        kill -0 "$server_pid" 2> /dev/null || break
        sleep 1
    done
    echo "bench: $kind did not start on port $port; its log:" >&2
    tail -50 "$work/server.log" >&2
    exit 1
}

# The server's JVM: Payara Micro's is the process started; WildFly's is standalone.sh's child, Liberty's server script's.
server_jvm_pid() {
    local pid=$server_pid child
    while child=$(pgrep -P "$pid" | head -1) && [ -n "$child" ]; do pid=$child; done
    echo "$pid"
}

# The CPU time the server's JVM has used since it started, all threads, user and system, in clock ticks.
server_cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$(server_jvm_pid)/stat"
}

stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2> /dev/null || true
        wait "$server_pid" 2> /dev/null || true
        server_pid=
    fi
}

# Waits until no accepted beacon awaits its observers: a backlog of asynchronous observers left by one run
# would otherwise take the cores, or the in-flight budget, from the next.
settle() {
    for _ in $(seq 1 60); do
        curl -sf "$base/bench/counts" | grep -q ' inFlight=0 ' && return
        sleep 0.5
    done
    echo "bench: beacons still in flight after 30 s: $(curl -s "$base/bench/counts")" >&2
    exit 1
}
