package dev.beacon.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.kafka.testing.KafkaBroker;
import dev.beacon.kafka.testing.KafkaRecords;
import dev.beacon.testing.Polling;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scaling out, on real components: a Kafka broker (KRaft), two nodes, Payara Micro and WildFly, whose
 * application writes every beacon to it through {@code beacon-kafka}, and HAProxy in front, all on 127.0.0.1. Node 1
 * answers each beacon at once, node 2 once Kafka has acknowledged it ({@code beacon.answer-when=stored}). A load of
 * beacons, each with an id, goes through the balancer, and headless Chromium shows pages that send their events with
 * {@code beacon.js}, while node 1 is stopped with {@code SIGTERM} and started again, then node 2 is killed with
 * {@code SIGKILL} and the broker stopped with it for two minutes, node 2 started again meanwhile. Afterwards every beacon
 * answered {@code 204} must be in Kafka, every other answer must have been a {@code 503} or a connection error, and
 * every event the pages generated must be there, its copies removable by their batch's id.
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
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(Integer.getInteger("cluster.broker-outage", 120));
    private static final List<String> TOPICS = List.of("beacons", "csp-reports");
    /** Pages at once, each in a frame of its own, and the events each generates, one every {@value #EVERY_MS} ms. */
    private static final int FRAMES = 4;
    private static final int EVENTS_PER_PAGE = 800;
    private static final int EVERY_MS = 250;
    /** The endpoint the pages' beacon.js sends to. */
    private static final String PAGES = "pages";

    @BeforeAll
    static void needsHaproxyAndChromium() {
        needs(Balancer.isInstalled(), "HAProxy", "haproxy");
        needs(BrowserPages.isInstalled(), "Chromium", "chromium");
    }

    /** As the browser tests do: a developer's machine may lack it; CI must not. */
    private static void needs(boolean installed, String what, String debianPackage) {
        if (!installed) {
            assertFalse("true".equals(System.getenv("CI")), what + " is missing: apt-get install " + debianPackage);
            System.err.println("WARNING: " + what + " is missing, so the scaling-out test is skipped: apt-get install " + debianPackage);
            Assumptions.abort(what + " is missing: apt-get install " + debianPackage);
        }
    }

    @Test
    void everyBeaconAnswered204AndEveryEventOfThePagesIsInKafkaWhileANodeIsKilledAndTheBrokerIsAwayTwoMinutes() throws Exception {
        int beacons = Integer.getInteger("cluster.beacons", 100_000);
        List<String> report = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(Path.of("target", "kafka"))) {
            broker.createTopics(3, TOPICS.toArray(String[]::new));
            Map<String, String> settings = Map.of("beacon.kafka.bootstrap-servers", broker.bootstrapServers(),
                    // Small enough that the broker's outage fills it within seconds, and nodes refuse beacons.
                    "beacon.kafka.buffer-size", "1048576",
                    // Records linger in the producer: a node that stopped without flushing would lose them.
                    "beacon.kafka.producer.linger.ms", "200");
            // Node 2 answers once stored, which holds through SIGKILL; its records need not linger.
            Map<String, String> stored = Map.of("beacon.kafka.bootstrap-servers", broker.bootstrapServers(), "beacon.kafka.buffer-size", "1048576",
                    "beacon.answer-when", "stored");
            try (ServerNode node1 = new PayaraNode("node1", NODE1, settings); ServerNode node2 = new WildFlyNode("node2", NODE2, stored)) {
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
                    try (BrowserPages pages = BrowserPages.open(URI.create("http://127.0.0.1:" + BALANCER + "/cluster/pages.html?frames=" + FRAMES
                            + "&events=" + EVENTS_PER_PAGE + "&every=" + EVERY_MS), Path.of("target", "chromium.log"))) {
                        CompletableFuture<List<String>> faults = CompletableFuture.supplyAsync(() -> faults(load, before, beacons, node1, node2,
                                broker));
                        Instant start = Instant.now();
                        int accepted = load.run(BALANCER, () -> load.sent() - before >= beacons && faults.isDone());
                        report.add(String.format("load: %,d beacons in %d s through the balancer, %,d answered 204, faults meanwhile",
                                load.sent() - before, Duration.between(start, Instant.now()).toSeconds(), accepted));
                        report.addAll(faults.join());
                        report.addAll(verifyPages(broker, pages, start));
                    }

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

    /**
     * Node 1 stopped and started again at a fifth of the load; at two fifths, node 2 killed and the broker stopped with
     * it, as when a zone is lost, node 2 started again while the broker is away, and the broker back two minutes on.
     * Node 1 stops while the broker is there: a node answering at once flushes what it holds as it stops, and with no
     * broker to flush to, it would lose beacons it answered, as the README says.
     */
    private static List<String> faults(BeaconLoad load, int before, int beacons, ServerNode node1, ServerNode node2, KafkaBroker broker) {
        List<String> lines = new ArrayList<>();
        try {
            Polling.until("a fifth of the load sent", load::sent, sent -> sent - before >= beacons / 5, LONG_ENOUGH);
            Instant stopping = Instant.now();
            node1.stop();
            lines.add(String.format("node 1 stopped (SIGTERM) after %,d beacons, in %d ms", load.sent() - before,
                    Duration.between(stopping, Instant.now()).toMillis()));
            node1.start();
            awaitBack(node1, stopping, lines);

            Polling.until("two fifths of the load sent", load::sent, sent -> sent - before >= 2 * beacons / 5, LONG_ENOUGH);
            int refusedBefore = load.refusedByNodes();
            int sentBefore = load.sent();
            Instant killing = Instant.now();
            node2.kill();
            broker.stop();
            lines.add(String.format("node 2 killed (SIGKILL) after %,d beacons, and the broker stopped (SIGTERM) with it", sentBefore - before));
            node2.start();
            // The outage itself, as long as an operator's restart of a broker may take: not a wait for an event.
            Thread.sleep(Math.max(0, BROKER_OUTAGE.minus(Duration.between(killing, Instant.now())).toMillis()));
            broker.start();
            lines.add(String.format("broker started again: away %d s, while %,d beacons were sent and the nodes refused %,d 503",
                    Duration.between(killing, Instant.now()).toSeconds(), load.sent() - sentBefore, load.refusedByNodes() - refusedBefore));
            awaitBack(node2, killing, lines);
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException("a fault could not be played: " + e.getMessage(), e);
        }
    }

    /** Waits for a node started again to serve, and for the balancer to give it beacons again. */
    private static void awaitBack(ServerNode node, Instant down, List<String> lines) throws Exception {
        node.awaitReady();
        Polling.until("the balancer sending to " + node.name() + " again", () -> node.statistics().getInt("accepted"), accepted -> accepted > 0,
                LONG_ENOUGH);
        lines.add(String.format("%s back, and given beacons by the balancer, after %d s", node.name(), Duration.between(down, Instant.now()).toSeconds()));
    }

    private static List<String> verify(BeaconLoad load, KafkaBroker broker) {
        Map<Integer, Integer> outcomes = load.outcomes();
        Set<Integer> accepted = outcomes.entrySet().stream().filter(outcome -> outcome.getValue() == 204).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> records = KafkaRecords.read(broker.bootstrapServers(), TOPICS,
                read -> idsOf(read).keySet().containsAll(accepted), LONG_ENOUGH).stream().filter(record -> !isFromThePages(record)).toList();
        Map<Integer, Integer> inKafka = idsOf(records);

        Set<Integer> missing = accepted.stream().filter(id -> !inKafka.containsKey(id)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing.stream().limit(20).collect(Collectors.toSet()), missing.size() + " beacons answered 204 are not in Kafka");
        Map<Integer, Long> answers = new TreeMap<>(outcomes.values().stream().collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting())));
        assertTrue(Set.of(204, 503, BeaconLoad.BARE_503, BeaconLoad.CONNECTION_ERROR).containsAll(answers.keySet()),
                "every refusal a 503 or a connection error: " + answers);
        assertEquals(Set.of(), inKafka.keySet().stream().filter(id -> !outcomes.containsKey(id)).collect(Collectors.toSet()), "in Kafka, never sent");
        // A beacon node 2 refused 503 for want of Kafka's acknowledgement in time may still reach Kafka: its writer
        // keeps sending it. Node 1, answering at once, refuses only what it never took.
        long refusedYetThere = inKafka.keySet().stream().filter(id -> outcomes.get(id) != 204 && outcomes.get(id) != BeaconLoad.CONNECTION_ERROR)
                .count();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String endpoint = KafkaRecords.header(record, "beacon.endpoint");
            assertEquals(record.topic().equals("csp-reports"), "csp".equals(endpoint), "topic by endpoint");
            assertEquals(BeaconLoad.ENDPOINTS.get(BeaconLoad.idOf(KafkaRecords.text(record)) % BeaconLoad.ENDPOINTS.size()), endpoint);
        }

        long duplicates = records.size() - inKafka.size();
        long answerLost = inKafka.keySet().stream().filter(id -> outcomes.get(id) == BeaconLoad.CONNECTION_ERROR).count();
        return List.of(String.format("answers: %s (0: a 503 not from the library, the balancer's own or a stopping server's; -1: connection error)", answers),
                String.format("Kafka: %,d records, %,d beacons, %,d duplicates; %,d answered 204, all there; %,d there whose answer was lost"
                        + " to a connection error, %,d there though refused 503 (stored after their answer's timeout)", records.size(),
                        inKafka.size(), duplicates, accepted.size(), answerLost, refusedYetThere));
    }

    /**
     * Every event the pages generated is in Kafka, and the copies of a batch sent again are removable by its id: once one
     * record per {@code beacon.id} is kept, each event is there exactly once.
     */
    private static List<String> verifyPages(KafkaBroker broker, BrowserPages pages, Instant start) {
        Set<String> generated = IntStream.rangeClosed(1, FRAMES).boxed()
                .flatMap(frame -> IntStream.rangeClosed(1, EVENTS_PER_PAGE).mapToObj(event -> "f" + frame + "-" + event)).collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> batches = KafkaRecords.read(broker.bootstrapServers(), List.of("beacons"),
                read -> eventsOf(pagesOnly(read)).keySet().containsAll(generated), LONG_ENOUGH);
        Duration took = Duration.between(start, Instant.now());
        assertTrue(pages.isOpen(), "the browser ran throughout");
        batches = pagesOnly(batches);
        Set<String> missing = new TreeSet<>(generated);
        missing.removeAll(eventsOf(batches).keySet());
        assertEquals(Set.of(), missing.stream().limit(20).collect(Collectors.toSet()), missing.size() + " events the pages generated are not in Kafka");

        Map<String, List<ConsumerRecord<byte[], byte[]>>> copies = batches.stream()
                .collect(Collectors.groupingBy(batch -> KafkaRecords.header(batch, "beacon.id")));
        copies.forEach((id, same) -> assertEquals(1, same.stream().map(KafkaRecords::text).distinct().count(), "copies of " + id + " differ"));
        List<ConsumerRecord<byte[], byte[]>> firstCopies = copies.values().stream().map(same -> same.get(0)).toList();
        Map<String, Integer> once = eventsOf(firstCopies);
        assertEquals(generated, once.keySet(), "the pages' events, and no other");
        assertEquals(Map.of(), once.entrySet().stream().filter(event -> event.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "each event once, the copies dropped by beacon.id");
        return List.of(String.format("pages: %d pages in Chromium, %,d events, all in Kafka %d s after the faults began: %,d records, %,d batches,"
                + " %,d copies of a batch sent again, removed by beacon.id", FRAMES, generated.size(), took.toSeconds(), batches.size(),
                copies.size(), batches.size() - copies.size()));
    }

    private static boolean isFromThePages(ConsumerRecord<byte[], byte[]> record) {
        return PAGES.equals(KafkaRecords.header(record, "beacon.endpoint"));
    }

    private static List<ConsumerRecord<byte[], byte[]>> pagesOnly(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().filter(ScalingOutIT::isFromThePages).toList();
    }

    /** Each event in the pages' batches, and how many times it is there. */
    private static Map<String, Integer> eventsOf(List<ConsumerRecord<byte[], byte[]>> batches) {
        Map<String, Integer> events = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> batch : batches) {
            try (JsonReader reader = Json.createReader(new StringReader(KafkaRecords.text(batch)))) {
                reader.readObject().getJsonArray("events").forEach(event -> events.merge(event.asJsonObject().getString("event"), 1, Integer::sum));
            }
        }
        return events;
    }

    /** Each id in the load's records, and how many times it is there. */
    private static Map<Integer, Integer> idsOf(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, Integer> ids = new HashMap<>();
        records.stream().filter(record -> !isFromThePages(record)).forEach(record -> ids.merge(BeaconLoad.idOf(KafkaRecords.text(record)), 1, Integer::sum));
        return ids;
    }
}
