package dev.beacon.kafka;

/**
 * The Kafka sink's counters, over JMX as {@code dev.beacon:type=KafkaSink,context="/app"}, beside the
 * application's {@code dev.beacon:type=BeaconStatistics}. Every beacon the sink reserved room for is
 * {@code buffered} until it is {@code sent} or {@code failed}.
 */
public interface KafkaSinkStatisticsMXBean {

    /**
     * @return records Kafka acknowledged, on every in-sync replica
     */
    long getSent();

    /**
     * @return records given up on: not acknowledged within the producer's {@code delivery.timeout.ms}, or not by the
     *         end of the shutdown; each is a beacon answered {@code 204} and lost, and said in a {@code SEVERE} log line
     */
    long getFailed();

    /**
     * @return records awaiting Kafka's acknowledgement, with those about to be answered
     */
    long getBuffered();

    /**
     * @return the bytes those records hold, as reserved; beacons are refused while one more would not fit in
     *         {@code beacon.kafka.buffer-size}
     */
    long getBufferedBytes();

    /**
     * @return beacons refused {@code 503} by the sink: its buffer full, or the topic's partitions not yet known
     */
    long getRefused();
}
