package dev.beacon.kafka;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/**
 * Which of the sink's topics Kafka has told the partitions of. Until it has, a record to the topic would
 * wait in {@code send} for them, up to {@code max.block.ms}, on a thread that already answered {@code 204},
 * and then fail: so beacons to a topic not yet known are refused {@code 503} instead, and a thread of its own
 * asks Kafka until every topic is known.
 */
final class TopicMetadata {

    private static final Logger LOGGER = Logger.getLogger(TopicMetadata.class.getName());

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Thread fetcher;

    /**
     * Starts asking Kafka for the topics' partitions.
     *
     * @param producer the sink's producer: the topics it knows, it sends to without waiting
     * @param topics every topic the sink writes to
     * @param name the sink's name, for the thread's
     */
    TopicMetadata(Producer<?, ?> producer, Set<String> topics, String name) {
        fetcher = new Thread(() -> fetchUntilKnown(producer, topics), "beacon-kafka-metadata " + name);
        fetcher.setDaemon(true);
        fetcher.start();
    }

    /**
     * @param topic one of the sink's topics
     * @return whether a record to it can be handed to the producer without waiting for metadata
     */
    boolean isKnown(String topic) {
        return known.contains(topic);
    }

    /**
     * @return whether any topic can be written to: a node none of whose topics is known takes no beacon
     */
    boolean isAnyKnown() {
        return !known.isEmpty();
    }

    /** Stops asking, and waits for the asking thread to end. */
    void stop() throws InterruptedException {
        fetcher.interrupt();
        fetcher.join();
    }

    private void fetchUntilKnown(Producer<?, ?> producer, Set<String> topics) {
        Set<String> reported = new HashSet<>(); // this thread's alone
        while (known.size() < topics.size() && !Thread.currentThread().isInterrupted()) {
            for (String topic : topics) {
                if (known.contains(topic)) {
                    continue;
                }
                try {
                    producer.partitionsFor(topic); // waits up to max.block.ms: the retry's pace when Kafka is away
                    known.add(topic);
                    if (reported.contains(topic)) {
                        LOGGER.info(() -> "Kafka knows topic " + topic + " now: beacons to it are accepted");
                    }
                } catch (KafkaException e) {
                    if (Thread.currentThread().isInterrupted()) { // Kafka's InterruptException sets the flag again
                        return;
                    }
                    if (reported.add(topic)) {
                        LOGGER.log(Level.WARNING, "Kafka has not told the partitions of topic " + topic + " (" + e.getMessage()
                                + "); beacons to it are answered 503 until it does. Is the broker reachable, and does the topic exist?");
                    }
                }
            }
        }
    }
}
