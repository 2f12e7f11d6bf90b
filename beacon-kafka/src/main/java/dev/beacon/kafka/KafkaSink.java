package dev.beacon.kafka;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import dev.beacon.core.observe.JmxPublication;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Writes every beacon the application accepts to Apache Kafka, at every entry point, with no observer to
 * write: the body's bytes are the record's value, and what the request said about it travels in headers
 * ({@code beacon.id}, {@code beacon.endpoint}, {@code beacon.content-type}, {@code beacon.origin}, {@code beacon.client-address},
 * {@code beacon.user-agent}, {@code beacon.received-at}). Observers still receive every beacon, after it is
 * handed to the producer.
 * <p>
 * Nothing is accepted that the sink cannot hold: while Kafka has not acknowledged
 * {@code beacon.kafka.buffer-size} bytes of records, or before it has told the partitions of a beacon's topic,
 * beacons are answered {@code 503} with {@code Retry-After}. The producer writes with {@code acks=all} and
 * idempotence. At undeploy, once the application's accepted beacons are all handed over, the producer has
 * {@code beacon.shutdown-timeout} to have them acknowledged; any it gives up on are counted as failed and logged.
 * <p>
 * The sink opens when the application starts ({@link KafkaSinkInitializer}), and an invalid setting fails the
 * deployment, naming it.
 */
@ApplicationScoped
public class KafkaSink implements BeaconSink {

    private static final Logger LOGGER = Logger.getLogger(KafkaSink.class.getName());

    private final KafkaSinkStatistics statistics = new KafkaSinkStatistics();
    private volatile KafkaWriter writer;
    private volatile Set<String> endpointsWithTopics = Set.of();
    private volatile Duration shutdownTimeout;
    private volatile JmxPublication published;

    void open(@Observes SinkOpening opening) {
        open(opening.settings(), opening.contextPath(), opening.shutdownTimeout());
    }

    /**
     * @param settings the sink's settings
     * @param contextPath the application's context path: its producer's name, and its MXBean's
     * @param shutdownTimeout how long closing waits for Kafka to acknowledge what it holds
     */
    synchronized void open(KafkaSettings settings, String contextPath, Duration shutdownTimeout) {
        String name = "beacon" + (contextPath.isEmpty() ? "-root" : contextPath.replace('/', '-'));
        this.shutdownTimeout = shutdownTimeout;
        this.endpointsWithTopics = settings.endpointsWithTopics();
        this.writer = new KafkaWriter(settings, new KafkaProducer<>(settings.producerProperties(name)), name, statistics);
        publish(contextPath);
        LOGGER.info(() -> "Beacons are written to Kafka: topics " + settings.topics() + ", " + KafkaSettings.BUFFER_SIZE + " "
                + settings.bufferSize());
    }

    @Override
    public Optional<Reservation> reserve(Beacon beacon) {
        return writer().reserve(beacon);
    }

    /**
     * The endpoints {@code beacon.kafka.topics} gives a topic of their own: they are meant for Kafka, whether or not an
     * observer names them.
     */
    @Override
    public Set<String> endpoints() {
        return endpointsWithTopics;
    }

    /** Kafka's acknowledgement ({@code acks=all}) completes a beacon's {@link Reservation#store()}. */
    @Override
    public boolean confirmsStorage() {
        return true;
    }

    @Override
    public boolean isFull() {
        KafkaWriter open = writer;
        return open == null || open.isFull();
    }

    /**
     * @return what the sink has done since the application started
     */
    public KafkaSinkStatistics statistics() {
        return statistics;
    }

    /**
     * Called once the library has handed over every beacon it accepted: the producer's buffer is flushed,
     * within the shutdown timeout.
     */
    @PreDestroy
    synchronized void close() {
        unpublish();
        KafkaWriter open = writer;
        if (open == null) {
            return;
        }
        try {
            long lost = open.close(shutdownTimeout);
            if (lost > 0) {
                LOGGER.severe(() -> lost + " beacon(s) answered 204 were not acknowledged by Kafka when the shutdown stopped"
                        + " waiting for them (beacon.shutdown-timeout); they are lost.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KafkaWriter writer() {
        KafkaWriter open = writer;
        if (open == null) {
            throw new IllegalStateException("The Kafka sink was not opened: its initializer, "
                    + KafkaSinkInitializer.class.getName() + ", did not run when the application started");
        }
        return open;
    }

    private void publish(String contextPath) {
        published = JmxPublication.register("KafkaSink", contextPath, statistics);
    }

    private void unpublish() {
        JmxPublication publication = published;
        published = null;
        if (publication != null) {
            publication.close();
        }
    }
}
