package dev.beacon.kafka;

import java.time.Duration;

/**
 * The application has started, and the sink's settings are read: the event that opens {@link KafkaSink}.
 * An event, not a call through the bean's client proxy: the observer runs on the bean itself.
 *
 * @param settings the sink's settings
 * @param contextPath the application's context path
 * @param shutdownTimeout how long closing waits for Kafka to acknowledge what it holds
 */
record SinkOpening(KafkaSettings settings, String contextPath, Duration shutdownTimeout) {
}
