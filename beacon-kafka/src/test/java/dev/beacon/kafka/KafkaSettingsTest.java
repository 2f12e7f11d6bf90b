package dev.beacon.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.settings.BeaconSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    private static final String BROKERS = "127.0.0.1:9092";

    @Test
    void writesEveryEndpointToOneTopicUnlessMappedToItsOwn() {
        KafkaSettings settings = settings(Map.of(KafkaSettings.TOPICS, "csp=csp-reports, vitals = web-vitals"));

        assertEquals(Set.of("csp", "vitals"), settings.endpointsWithTopics());
        assertEquals("csp-reports", settings.topicOf("csp"));
        assertEquals("web-vitals", settings.topicOf("vitals"));
        assertEquals("beacons", settings.topicOf("made-up-by-a-client"));
        assertEquals(Set.of("csp-reports", "web-vitals", "beacons"), settings.topics());
    }

    @Test
    void keepsTheGuaranteesWhateverElseTheProducerIsGiven() {
        Properties producer = settings(Map.of(KafkaSettings.PRODUCER + "linger.ms", "20", KafkaSettings.PRODUCER + "acks", "-1",
                KafkaSettings.BUFFER_SIZE, "4096")).producerProperties("beacon-app");

        assertEquals("20", producer.get("linger.ms"), "passed through");
        assertEquals("all", producer.get("acks"));
        assertEquals("true", producer.get("enable.idempotence"));
        assertEquals(BROKERS, producer.get("bootstrap.servers"));
        assertEquals("beacon-app", producer.get("client.id"));
        assertEquals(Long.toString(1024 * 1024), producer.get("buffer.memory"), "room for every record reserved, and more");
    }

    @Test
    void refusesToStartWithoutBrokersOrWithAProducerSettingThatWouldLoseOrRepeatBeacons() {
        IllegalArgumentException withoutBrokers = assertThrows(IllegalArgumentException.class, () -> KafkaSettings.from(BeaconSettings.of(Map.of())));
        assertTrue(withoutBrokers.getMessage().startsWith(KafkaSettings.BOOTSTRAP_SERVERS + " is not set"), withoutBrokers::getMessage);
        assertMessage("beacon.kafka.producer.acks=1 is not allowed", Map.of(KafkaSettings.PRODUCER + "acks", "1"));
        assertMessage("beacon.kafka.producer.enable.idempotence=false is not allowed",
                Map.of(KafkaSettings.PRODUCER + "enable.idempotence", "false"));
        assertMessage("beacon.kafka.producer.buffer.memory cannot be set: it is decided by beacon.kafka.buffer-size",
                Map.of(KafkaSettings.PRODUCER + "buffer.memory", "1000000"));
        assertMessage("beacon.kafka.producer.transactional.id cannot be set", Map.of(KafkaSettings.PRODUCER + "transactional.id", "x"));
    }

    @Test
    void refusesToStartWithATopicMappingKeyOrBufferItCannotUse() {
        assertMessage("'csp' is not endpoint=topic", Map.of(KafkaSettings.TOPICS, "csp"));
        assertMessage("'web vitals' is not a Kafka topic name", Map.of(KafkaSettings.TOPICS, "vitals=web vitals"));
        assertMessage("beacon.kafka.topic: '..' is not a Kafka topic name", Map.of(KafkaSettings.TOPIC, ".."));
        assertMessage("beacon.kafka.key=page is not one of none, endpoint, client-address, origin", Map.of(KafkaSettings.KEY, "page"));
        assertMessage("The 'beacon.kafka.buffer-size' setting must be a whole number of bytes of at least 1024, e.g. 33554432 for 32 MiB; got '10'.", Map.of(KafkaSettings.BUFFER_SIZE, "10"));
    }

    @Test
    void refusesToStartWithAMisspeltSettingNamingTheOneItMeant() {
        assertMessage("beacon.kafka.producer.lingr.ms is set, but is not a Kafka producer setting: did you mean"
                + " beacon.kafka.producer.linger.ms?", Map.of(KafkaSettings.PRODUCER + "lingr.ms", "20"));
        assertMessage("beacon.kafka.producer.no.such.thing is set, but is not a Kafka producer setting.",
                Map.of(KafkaSettings.PRODUCER + "no.such.thing", "1"));
        assertMessage("beacon.kafka.topcs is set, but is not a setting of beacon-kafka: did you mean beacon.kafka.topics?",
                Map.of("beacon.kafka.topcs", "csp=csp"));
    }

    @Test
    void keysRecordsByWhatTheSettingNames() {
        assertEquals(RecordKey.NONE, settings(Map.of()).key());
        assertEquals(RecordKey.CLIENT_ADDRESS, settings(Map.of(KafkaSettings.KEY, "client-address")).key());
        assertEquals(RecordKey.ORIGIN, settings(Map.of(KafkaSettings.KEY, " Origin ")).key());
    }

    private static KafkaSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put(KafkaSettings.BOOTSTRAP_SERVERS, BROKERS);
        return KafkaSettings.from(BeaconSettings.of(all));
    }

    private static void assertMessage(String expected, Map<String, String> values) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> settings(values));
        assertTrue(refused.getMessage().contains(expected), refused::getMessage);
    }
}
