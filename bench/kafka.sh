# Sourced by bench/speed.sh when KAFKA is set: a Kafka broker of its own on 127.0.0.1 (KRaft, broker and controller
# in one, from Apache Kafka's own artifacts, as beacon-kafka's tests run it), the topic the sink writes to, and a WAR
# that is bench.war with beacon-kafka and kafka-clients added. Expects $work; stop_kafka stops the broker by its PID.

kafka_pid=
kafka_classpath_file=beacon-kafka/target/kafka-broker.classpath
kafka_topic=beacons

# $1 the broker's port. Also sets what the sink reads: SERVER_JAVA_OPTS gets its bootstrap servers and topic.
start_kafka() {
    local port=$1 controller=$(($1 + 1)) dir="$work/kafka" classpath
    [ -f "$kafka_classpath_file" ] || { echo "bench: $kafka_classpath_file missing: build first: ./mvnw -DskipTests package" >&2; exit 1; }
    classpath=$(cat "$kafka_classpath_file")
    mkdir -p "$dir"
    cat > "$dir/server.properties" << PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
auto.create.topics.enable=false
PROPERTIES
    java -cp "$classpath" kafka.tools.StorageTool format -t YmVhY29uLWJlbmNoLWlkMDE -c "$dir/server.properties" > "$dir/format.log" 2>&1 \
        || { echo "bench: formatting the broker's storage failed:" >&2; cat "$dir/format.log" >&2; exit 1; }
    java -Xms256m -Xmx512m -cp "$classpath" kafka.Kafka "$dir/server.properties" > "$dir/broker.log" 2>&1 &
    kafka_pid=$!
    java -cp "$classpath" bench/CreateTopic.java "127.0.0.1:$port" "$kafka_topic" > "$dir/topic.log" 2>&1 \
        || { echo "bench: creating topic $kafka_topic failed:" >&2; cat "$dir/topic.log" >&2; tail -20 "$dir/broker.log" >&2; exit 1; }
    SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:-} -Dbeacon.kafka.bootstrap-servers=127.0.0.1:$port -Dbeacon.kafka.topic=$kafka_topic"
}

# $1 a WAR made by kafka_war, $2 the WAR to write: the same application answering each beacon once Kafka has
# acknowledged it (beacon.answer-when=stored, as a context parameter of its web.xml)
stored_war() {
    local war
    war=$(realpath -m "$2")
    rm -rf "$work/stored-war" && mkdir -p "$work/stored-war"
    cp "$1" "$war"
    (cd "$work/stored-war" && jar xf "$war" WEB-INF/web.xml \
        && sed -i 's|</web-app>|    <context-param><param-name>beacon.answer-when</param-name><param-value>stored</param-value></context-param>\n</web-app>|' \
            WEB-INF/web.xml \
        && jar uf "$war" WEB-INF/web.xml)
}

stop_kafka() {
    [ -z "$kafka_pid" ] || { kill "$kafka_pid" 2> /dev/null; wait "$kafka_pid" 2> /dev/null || true; }
}

# $1 a tree (. or a checkout of another commit, built), $2 the WAR to write: that tree's bench.war with its beacon-kafka
# jar and kafka-clients' own jars (the runtime dependencies a user's WAR gets with beacon-kafka)
kafka_war() {
    local tree=$1 war lib="$work/kafka-war/WEB-INF/lib" jar
    war=$(realpath -m "$2")
    rm -rf "$work/kafka-war" && mkdir -p "$lib"
    cp "$tree/beacon-bench-app/target/bench.war" "$war"
    jar=$(ls "$tree"/beacon-kafka/target/beacon-kafka-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -1)
    cp "$jar" "$lib/"
    tr ':' '\n' < "$tree/$kafka_classpath_file" | grep -E '/(kafka-clients|zstd-jni|lz4-java|snappy-java|slf4j-api)-[^/]*\.jar$' \
        | xargs -I{} cp {} "$lib/"
    (cd "$work/kafka-war" && jar uf "$war" WEB-INF/lib)
}
