package dev.beacon.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import dev.beacon.ContentType;
import dev.beacon.core.settings.BeaconSettings;
import dev.beacon.kafka.testing.KafkaBroker;
import dev.beacon.kafka.testing.KafkaRecords;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.Polling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink against a real broker: what a record holds, and that no beacon it reserved room for is lost
 * without being counted and said, while Kafka goes away and comes back, and at shutdown.
 */
class KafkaSinkTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

    private static KafkaBroker broker;
    private final List<KafkaSink> opened = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(Path.of("target", "kafka-sink-test-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void closeSinks() throws Exception {
        broker.start(); // if a test stopped it
        opened.forEach(KafkaSink::close);
    }

    @Test
    void writesEachAcceptedBeaconAsARecordOfItsBytesWithWhatTheRequestSaidInHeaders() throws Exception {
        String topic = newTopic();
        String cspTopic = newTopic();
        KafkaSink sink = open(Map.of(KafkaSettings.TOPIC, topic, KafkaSettings.TOPICS, "csp=" + cspTopic));
        assertEquals(Set.of("csp"), sink.endpoints(), "an endpoint with a topic of its own is taken by name");
        Instant receivedAt = Instant.parse("2026-11-30T12:00:00.123Z");
        Beacon analytics = Beacon.builder("analytics", "/beacon/analytics").id("lp3k9x2a.7").contentType(ContentType.parse("text/plain;charset=UTF-8"))
                .body(utf8("{\"page\":\"/cart\"}")).receivedAt(receivedAt).clientAddress("203.0.113.7")
                .headers(Map.of("Origin", "https://shop.example", "User-Agent", "Firefox/153")::get).build();
        Beacon csp = Beacon.builder("csp", "/beacon/csp").body(utf8("[]")).receivedAt(receivedAt).build();

        accept(sink, analytics);
        accept(sink, csp);
        Polling.until("both acknowledged", () -> sink.statistics().getSent(), sent -> sent == 2, LONG_ENOUGH);

        ConsumerRecord<byte[], byte[]> record = readAll(topic, 1).get(0);
        assertEquals("{\"page\":\"/cart\"}", KafkaRecords.text(record));
        assertNull(record.key(), "no key by default: records spread over the partitions");
        assertEquals(receivedAt.toEpochMilli(), record.timestamp());
        assertEquals("lp3k9x2a.7", KafkaRecords.header(record, BeaconRecords.ID), "what a consumer drops a resend by");
        assertEquals("analytics", KafkaRecords.header(record, BeaconRecords.ENDPOINT));
        assertEquals("text/plain;charset=UTF-8", KafkaRecords.header(record, BeaconRecords.CONTENT_TYPE));
        assertEquals("https://shop.example", KafkaRecords.header(record, BeaconRecords.ORIGIN));
        assertEquals("203.0.113.7", KafkaRecords.header(record, BeaconRecords.CLIENT_ADDRESS));
        assertEquals("Firefox/153", KafkaRecords.header(record, BeaconRecords.USER_AGENT));
        assertEquals("2026-11-30T12:00:00.123Z", KafkaRecords.header(record, BeaconRecords.RECEIVED_AT));
        ConsumerRecord<byte[], byte[]> report = readAll(cspTopic, 1).get(0);
        assertEquals("[]", KafkaRecords.text(report));
        assertNull(KafkaRecords.header(report, BeaconRecords.CONTENT_TYPE), "sent without one");
        assertNull(KafkaRecords.header(report, BeaconRecords.ID), "sent without one");
        assertEquals(0, sink.statistics().getBuffered());
        assertEquals(0, sink.statistics().getBufferedBytes());
    }

    @Test
    void keysEachRecordAsConfigured() throws Exception {
        String topic = newTopic();
        KafkaSink sink = open(Map.of(KafkaSettings.TOPIC, topic, KafkaSettings.KEY, "client-address"));

        accept(sink, Beacon.builder("default", "/beacon").body(utf8("x")).clientAddress("2001:db8::1").build());

        assertEquals("2001:db8::1", new String(readAll(topic, 1).get(0).key(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesOnceKafkaHoldsTheBufferUnacknowledgedAndWritesEveryBeaconItTookWhenKafkaIsBack() throws Exception {
        String topic = newTopic();
        KafkaSink sink = open(Map.of(KafkaSettings.TOPIC, topic, KafkaSettings.BUFFER_SIZE, "4096"));
        accept(sink, beacon("before"));
        Polling.until("the first acknowledged", () -> sink.statistics().getSent(), sent -> sent == 1, LONG_ENOUGH);

        broker.stop();
        long refusedBefore = sink.statistics().getRefused(); // while its topic was not yet known
        List<String> accepted = new ArrayList<>(List.of("before"));
        try (LogRecords log = LogRecords.of(KafkaWriter.class)) {
            for (int id = 0; id < 1000; id++) {
                Beacon beacon = beacon("during-" + id);
                Optional<BeaconSink.Reservation> room = sink.reserve(beacon);
                if (room.isEmpty()) {
                    break;
                }
                room.get().write();
                accepted.add(beacon.text());
            }
            assertEquals(refusedBefore + 1, sink.statistics().getRefused(), "refused once full");
            assertTrue(sink.isFull(), "full, for the readiness check");
            sink.reserve(beacon("refused-again"));
            assertEquals(1, log.at(Level.WARNING).size(), "one line per outage: " + log);
        }
        assertTrue(accepted.size() > 10, "took " + accepted.size() + " beacons before its 4,096 bytes were full");
        assertEquals(accepted.size() - 1, sink.statistics().getBuffered());
        broker.start();

        Polling.until("every beacon taken acknowledged", () -> sink.statistics().getSent(), sent -> sent == accepted.size(), LONG_ENOUGH);
        assertEquals(0, sink.statistics().getFailed());
        assertEquals(Set.copyOf(accepted), texts(readAll(topic, accepted.size())));
        assertFalse(sink.isFull());
        sink.reserve(beacon("after")).orElseThrow(() -> new AssertionError("no room again")).cancel();
        assertEquals(0, sink.statistics().getBufferedBytes(), "cancelled, its room came back");
    }

    /**
     * beacon.answer-when=stored: a beacon's store() completes once Kafka has it; not while Kafka is away, even once the
     * producer has timed out on it (after two seconds here) and the writer sends it again.
     */
    @Test
    void aStoredBeaconIsConfirmedOnlyOnceKafkaHasAcknowledgedItsRecord() throws Exception {
        String topic = newTopic();
        KafkaSink sink = open(Map.of(KafkaSettings.TOPIC, topic, "beacon.kafka.producer.request.timeout.ms", "1000",
                "beacon.kafka.producer.delivery.timeout.ms", "2000"));
        assertTrue(sink.confirmsStorage());
        CompletableFuture<Void> first = room(sink, beacon("first")).store().toCompletableFuture();
        first.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of("first"), List.copyOf(texts(readAll(topic, 1))), "in Kafka once confirmed");

        broker.stop();
        CompletableFuture<Void> during;
        try (LogRecords log = LogRecords.of(KafkaWriter.class)) {
            during = room(sink, beacon("during")).store().toCompletableFuture();
            Polling.until("the producer timed out on it", () -> log.at(Level.WARNING), said -> !said.isEmpty(), LONG_ENOUGH);
        }
        assertFalse(during.isDone(), "not confirmed, nor given up on, while Kafka is away");
        assertTrue(sink.isFull(), "not ready while no beacon can be answered: a balancer sends them to another node meanwhile");
        broker.start();

        during.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS);
        assertFalse(sink.isFull(), "ready again once Kafka takes the beacons");
        assertEquals(Set.of("first", "during"), texts(readAll(topic, 2)));
        assertEquals(0, sink.statistics().getFailed());
    }

    @Test
    void flushesItsBufferWhenTheApplicationStops() throws Exception {
        String topic = newTopic();
        KafkaSink sink = open(Map.of(KafkaSettings.TOPIC, topic, KafkaSettings.PRODUCER + "linger.ms", "60000"));
        for (int id = 0; id < 5; id++) {
            accept(sink, beacon("flushed-" + id));
        }
        assertEquals(0, sink.statistics().getSent(), "held by the producer for its minute of linger");

        sink.close();

        assertEquals(5, sink.statistics().getSent());
        assertEquals(5, readAll(topic, 5).size());
    }

    @Test
    void countsAndSaysOnceWhatKafkaHadNotAcknowledgedWhenTheShutdownStoppedWaiting() throws Exception {
        String topic = newTopic();
        KafkaSink sink = open(Map.of(KafkaSettings.TOPIC, topic), Duration.ofSeconds(1));
        accept(sink, beacon("before"));
        Polling.until("the first acknowledged", () -> sink.statistics().getSent(), sent -> sent == 1, LONG_ENOUGH);
        broker.stop();
        for (int id = 0; id < 3; id++) {
            accept(sink, beacon("lost-" + id));
        }

        try (LogRecords log = LogRecords.of(KafkaSink.class)) {
            sink.close();
            assertEquals(List.of("3 beacon(s) answered 204 were not acknowledged by Kafka when the shutdown stopped waiting for them"
                    + " (beacon.shutdown-timeout); they are lost."), log.at(Level.SEVERE));
        }
        assertEquals(3, sink.statistics().getFailed());
        assertEquals(0, sink.statistics().getBuffered());
        assertTrue(sink.reserve(beacon("after")).isEmpty(), "closed");
    }

    @Test
    void refusesBeaconsToATopicWhosePartitionsKafkaHasNotToldYet() throws Exception {
        String topic = "not-yet-" + UUID.randomUUID();
        try (LogRecords log = LogRecords.of(TopicMetadata.class)) {
            KafkaSink sink = open(Map.of(KafkaSettings.TOPIC, topic));
            assertTrue(log.await(Level.WARNING, "Kafka has not told the partitions of topic " + topic, LONG_ENOUGH), log::toString);
            assertTrue(sink.reserve(beacon("too-soon")).isEmpty());
            assertTrue(sink.isFull(), "no topic known: no beacon taken");

            broker.createTopics(1, topic);

            Beacon inTime = beacon("in-time");
            Optional<BeaconSink.Reservation> room = Polling.until("the topic known", () -> sink.reserve(inTime), Optional::isPresent,
                    LONG_ENOUGH);
            assertTrue(log.await(Level.INFO, "Kafka knows topic " + topic + " now", LONG_ENOUGH), log::toString);
            room.get().write();
            assertEquals(Set.of("in-time"), texts(readAll(topic, 1)));
        }
    }

    private KafkaSink open(Map<String, String> values) {
        return open(values, Duration.ofSeconds(30));
    }

    private KafkaSink open(Map<String, String> values, Duration shutdownTimeout) {
        Map<String, String> all = new HashMap<>(values);
        all.put(KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        KafkaSink sink = new KafkaSink();
        sink.open(KafkaSettings.from(BeaconSettings.of(all)), "/sink-test-" + opened.size(), shutdownTimeout);
        opened.add(sink);
        return sink;
    }

    /** As the intake does: room first, then the write; waits for the topic's partitions, which the sink asks for at once. */
    private static void accept(KafkaSink sink, Beacon beacon) throws Exception {
        room(sink, beacon).write();
    }

    private static BeaconSink.Reservation room(KafkaSink sink, Beacon beacon) throws Exception {
        return Polling.until("room for " + beacon.text(), () -> sink.reserve(beacon), Optional::isPresent, LONG_ENOUGH).get();
    }

    private static Beacon beacon(String text) {
        return Beacon.builder("default", "/beacon").body(utf8(text)).build();
    }

    private static String newTopic() throws Exception {
        String topic = "beacons-" + UUID.randomUUID();
        broker.createTopics(3, topic);
        return topic;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = KafkaRecords.read(broker.bootstrapServers(), List.of(topic),
                read -> read.size() >= count, LONG_ENOUGH);
        assertEquals(count, records.size(), () -> "records in " + topic + ": " + texts(records));
        return records;
    }

    private static Set<String> texts(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(KafkaRecords::text).collect(Collectors.toSet());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
