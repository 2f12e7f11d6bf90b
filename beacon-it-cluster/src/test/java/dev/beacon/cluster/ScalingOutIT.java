package dev.beacon.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.kafka.testing.KafkaBroker;
import dev.beacon.kafka.testing.KafkaRecords;
import dev.beacon.testing.Polling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scaling out, on real components: a Kafka broker (KRaft), two nodes, Payara Micro and WildFly, whose
 * application writes every beacon to it through {@code beacon-kafka}, and HAProxy in front, all on 127.0.0.1. A load of beacons,
 * each with an id, goes through the balancer while one node is stopped and started again, and then the
 * broker. Afterwards every beacon answered {@code 204} must be in Kafka, every other answer must have been a
 * {@code 503} or a connection error, and no beacon refused may be there.
 */
class ScalingOutIT {

    private static final int NODE1 = 28480;
    private static final int NODE2 = 28481;
    private static final int BALANCER = 28490;
    /** The same balancer, to the first node only: throughput with one node, against two, in one run. */
    private static final int FIRST_NODE_ONLY = 28491;
    private static final int THREADS = 16;
    private static final Duration ROUND = Duration.ofSeconds(5);
    private static final Duration LONG_ENOUGH = Duration.ofMinutes(5);
    private static final List<String> TOPICS = List.of("beacons", "csp-reports");

    @BeforeAll
    static void needsHaproxy() {
        if (!Balancer.isInstalled()) {
            // As the browser tests do: a developer's machine may lack it; CI must not.
            assertFalse("true".equals(System.getenv("CI")), "HAProxy is missing: apt-get install haproxy");
            System.err.println("WARNING: HAProxy is missing, so the scaling-out test is skipped: apt-get install haproxy");
            Assumptions.abort("HAProxy is missing: apt-get install haproxy");
        }
    }

    @Test
    void everyBeaconAnswered204IsInKafkaWhileANodeAndThenTheBrokerGoDownAndComeBack() throws Exception {
        int beacons = Integer.getInteger("cluster.beacons", 100_000);
        List<String> report = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(Path.of("target", "kafka"))) {
            broker.createTopics(3, TOPICS.toArray(String[]::new));
            Map<String, String> settings = Map.of("beacon.kafka.bootstrap-servers", broker.bootstrapServers(),
                    // Small enough that the broker's outage fills it within seconds, and nodes refuse beacons.
                    "beacon.kafka.buffer-size", "1048576",
                    // Records linger in the producer: a node that stopped without flushing would lose them.
                    "beacon.kafka.producer.linger.ms", "200");
            try (ServerNode node1 = new PayaraNode("node1", NODE1, settings); ServerNode node2 = new WildFlyNode("node2", NODE2, settings)) {
                node1.start();
                node2.start();
                node1.awaitReady();
                node2.awaitReady();
                try (Balancer balancer = Balancer.start(Map.of("BALANCER_PORT", Integer.toString(BALANCER), "SINGLE_PORT",
                        Integer.toString(FIRST_NODE_ONLY), "NODE1_PORT", Integer.toString(NODE1), "NODE2_PORT", Integer.toString(NODE2),
                        "NODE2_HEALTH_PORT", Integer.toString(WildFlyNode.managementPort(NODE2))), BALANCER);
                     BeaconLoad load = new BeaconLoad(THREADS)) {
                    report.addAll(throughput(load));

                    int before = load.sent();
                    CompletableFuture<List<String>> faults = CompletableFuture.supplyAsync(() -> faults(load, before, beacons, node1, broker));
                    Instant start = Instant.now();
                    int accepted = load.run(BALANCER, () -> load.sent() - before >= beacons && faults.isDone());
                    report.add(String.format("load: %,d beacons in %d s through the balancer, %,d answered 204, faults meanwhile",
                            load.sent() - before, Duration.between(start, Instant.now()).toSeconds(), accepted));
                    report.addAll(faults.join());

                    for (ServerNode node : List.of(node1, node2)) {
                        Polling.until(node.name() + " holding no record Kafka has not acknowledged",
                                () -> node.statistics(), statistics -> statistics.getInt("buffered") == 0, LONG_ENOUGH);
                        assertEquals(0, node.statistics().getInt("failed"), "records given up on by " + node.name());
                    }
                    report.addAll(verify(load, broker));
                }
            }
        } finally {
            Files.write(Path.of("target", "scale-out.txt"), report);
            report.forEach(System.out::println);
        }
    }

    /** Beacons per second through the balancer to one node, then to both, in two interleaved rounds, once both are warm. */
    private static List<String> throughput(BeaconLoad load) throws Exception {
        List<String> lines = new ArrayList<>();
        rate(load, BALANCER); // the JIT compiles the hot path of both nodes meanwhile
        rate(load, BALANCER);
        for (int round = 1; round <= 2; round++) {
            double one = rate(load, FIRST_NODE_ONLY);
            double two = rate(load, BALANCER);
            lines.add(String.format("throughput, round %d: one node %,.0f beacons/s, two nodes %,.0f beacons/s, ratio %.2f",
                    round, one, two, two / one));
        }
        return lines;
    }

    private static double rate(BeaconLoad load, int port) throws Exception {
        Instant end = Instant.now().plus(ROUND);
        Instant start = Instant.now();
        int accepted = load.run(port, () -> Instant.now().isAfter(end));
        return accepted / (Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /** A node stopped and started again at a fifth of the load; the broker stopped and started again at half of it. */
    private static List<String> faults(BeaconLoad load, int before, int beacons, ServerNode node1, KafkaBroker broker) {
        List<String> lines = new ArrayList<>();
        try {
            Polling.until("a fifth of the load sent", load::sent, sent -> sent - before >= beacons / 5, LONG_ENOUGH);
            Instant stopping = Instant.now();
            node1.stop();
            lines.add(String.format("node 1 stopped (SIGTERM) after %,d beacons, in %d ms", load.sent() - before,
                    Duration.between(stopping, Instant.now()).toMillis()));
            node1.start();
            node1.awaitReady();
            Polling.until("the balancer sending to node 1 again", () -> node1.statistics().getInt("accepted"), accepted -> accepted > 0,
                    LONG_ENOUGH);
            lines.add(String.format("node 1 back, and given beacons by the balancer, after %d s", Duration.between(stopping, Instant.now()).toSeconds()));

            Polling.until("half the load sent", load::sent, sent -> sent - before >= beacons / 2, LONG_ENOUGH);
            int refusedBefore = load.refusedByNodes();
            Instant brokerStopping = Instant.now();
            broker.stop();
            Polling.until("nodes refusing beacons 503 while Kafka is away and their buffers are full", load::refusedByNodes,
                    refused -> refused > refusedBefore, LONG_ENOUGH);
            broker.start();
            lines.add(String.format("broker stopped (SIGTERM) and started again: away %d s", Duration.between(brokerStopping, Instant.now()).toSeconds()));
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException("a fault could not be played: " + e.getMessage(), e);
        }
    }

    private static List<String> verify(BeaconLoad load, KafkaBroker broker) {
        Map<Integer, Integer> outcomes = load.outcomes();
        Set<Integer> accepted = outcomes.entrySet().stream().filter(outcome -> outcome.getValue() == 204).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> records = KafkaRecords.read(broker.bootstrapServers(), TOPICS,
                read -> idsOf(read).keySet().containsAll(accepted), LONG_ENOUGH);
        Map<Integer, Integer> inKafka = idsOf(records);

        Set<Integer> missing = accepted.stream().filter(id -> !inKafka.containsKey(id)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing.stream().limit(20).collect(Collectors.toSet()), missing.size() + " beacons answered 204 are not in Kafka");
        Map<Integer, Long> answers = new TreeMap<>(outcomes.values().stream().collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting())));
        assertTrue(Set.of(204, 503, BeaconLoad.BARE_503, BeaconLoad.CONNECTION_ERROR).containsAll(answers.keySet()),
                "every refusal a 503 or a connection error: " + answers);
        Map<Integer, Integer> unexpected = new HashMap<>();
        inKafka.keySet().forEach(id -> {
            Integer outcome = outcomes.get(id);
            if (outcome == null || (outcome != 204 && outcome != BeaconLoad.CONNECTION_ERROR)) {
                unexpected.put(id, outcome);
            }
        });
        assertEquals(Map.of(), unexpected, "in Kafka, but never sent or refused (id: answer)");
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String endpoint = KafkaRecords.header(record, "beacon.endpoint");
            assertEquals(record.topic().equals("csp-reports"), "csp".equals(endpoint), "topic by endpoint");
            assertEquals(BeaconLoad.ENDPOINTS.get(BeaconLoad.idOf(KafkaRecords.text(record)) % BeaconLoad.ENDPOINTS.size()), endpoint);
        }

        long duplicates = records.size() - inKafka.size();
        long answerLost = inKafka.keySet().stream().filter(id -> outcomes.get(id) == BeaconLoad.CONNECTION_ERROR).count();
        return List.of(String.format("answers: %s (0: a 503 without Retry-After, the balancer's or a stopping server's; -1: connection error)", answers),
                String.format("Kafka: %,d records, %,d beacons, %,d duplicates; %,d answered 204, all there; %,d there whose answer was lost"
                        + " to a connection error", records.size(), inKafka.size(), duplicates, accepted.size(), answerLost));
    }

    /** Each id in the records, and how many times it is there. */
    private static Map<Integer, Integer> idsOf(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, Integer> ids = new HashMap<>();
        records.forEach(record -> ids.merge(BeaconLoad.idOf(KafkaRecords.text(record)), 1, Integer::sum));
        return ids;
    }
}
