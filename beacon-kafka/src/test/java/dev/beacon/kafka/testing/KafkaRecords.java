package dev.beacon.kafka.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their beginning, as a consumer of the beacons would.
 */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /**
     * Reads the topics from their beginning until what was read satisfies {@code enough}, or the timeout.
     *
     * @param bootstrapServers the broker
     * @param topics the topics
     * @param enough when to stop, given every record read so far
     * @param timeout when to stop anyway
     * @return every record read
     */
    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, Collection<String> topics,
                                                            Predicate<List<ConsumerRecord<byte[], byte[]>>> enough, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "beacon-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            Instant end = Instant.now().plus(timeout);
            while (!enough.test(records) && Instant.now().isBefore(end)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * @param record a record
     * @param name a header's name
     * @return the header's value as UTF-8, {@code null} when the record has none
     */
    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * @param record a record
     * @return its value as UTF-8
     */
    public static String text(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
