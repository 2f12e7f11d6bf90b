package dev.beacon.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.beacon.kafka.testing.KafkaBroker;
import dev.beacon.testing.Polling;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * What a node with {@code beacon-kafka} says from its first second, before any beacon, on a real server (Payara
 * Micro): started while its broker is away, it is not ready until the broker is back and has told its topic's
 * partitions; started with a misspelt producer setting, it does not serve, and its log names the setting meant.
 */
class BeaconStartupIT {

    private static final int NODE = 28581;
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(180);
    private static final String TOPIC = "startup";

    @Test
    void aNodeStartedWhileItsBrokerIsAwayIsNotReadyUntilKafkaCanTakeBeaconsAndNoBeaconIsNeededToSaySo() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(Path.of("target", "kafka-startup"))) {
            broker.stop();
            Map<String, String> settings = Map.of("beacon.kafka.bootstrap-servers", broker.bootstrapServers(), "beacon.kafka.topic", TOPIC);
            try (PayaraNode node = new PayaraNode("startup", NODE, settings)) {
                node.start();
                node.awaitReady(); // the application serves

                assertEquals("DOWN", Polling.until("the readiness check", node::beaconReadiness, Objects::nonNull, LONG_ENOUGH));

                broker.start();
                broker.createTopics(1, TOPIC);
                Polling.until("ready once Kafka has told the topic", node::beaconReadiness, "UP"::equals, LONG_ENOUGH);
                assertEquals(0, node.statistics().getInt("accepted"), "no beacon was sent");
            }
        }
    }

    @Test
    void aNodeWithAMisspeltProducerSettingDoesNotServeAndItsLogNamesTheSettingMeant() throws Exception {
        Map<String, String> settings = Map.of("beacon.kafka.bootstrap-servers", "127.0.0.1:9", "beacon.kafka.producer.lingr.ms", "200");
        try (PayaraNode node = new PayaraNode("misspelt", NODE, settings)) {
            node.start();

            Polling.until("the refusal in the log", () -> node.logContains("beacon.kafka.producer.lingr.ms is set, but is not a Kafka"
                    + " producer setting: did you mean beacon.kafka.producer.linger.ms?"), found -> found, LONG_ENOUGH);
            Polling.until("Payara Micro done with the deployment", () -> node.logContains(" ready in ")
                    || !node.isRunning(), done -> done, LONG_ENOUGH);
            assertFalse(node.servesTheApplication(), "the application was not deployed");
        }
    }
}
