package dev.beacon.kafka;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Writes beacons to Kafka through one producer, never holding more than the buffer's size of records
 * that Kafka has not acknowledged: room is reserved before the beacon's answer, and given back when Kafka
 * acknowledges the record, or when the producer gives up on it, which is counted and logged.
 * <p>
 * Records reach the producer from a thread of the writer's own, never from the thread that answered the
 * beacon: while Kafka is away, the producer's {@code send} waits for the topic's partitions, up to
 * {@code max.block.ms}. A record Kafka did not take for a reason that may pass (a timeout, a leader
 * moving) is sent again, until Kafka takes it or the application stops: a beacon answered {@code 204} is
 * not given up on while Kafka is merely away. Meanwhile the records wait, within the buffer's size, and
 * beacons past it are refused.
 */
final class KafkaWriter {

    private static final Logger LOGGER = Logger.getLogger(KafkaWriter.class.getName());

    private final KafkaSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final TopicMetadata topics;
    private final KafkaSinkStatistics statistics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private final AtomicBoolean fullReported = new AtomicBoolean();
    /** Kafka did not take a record for a reason that may pass, and has taken none since: it is away. */
    private final AtomicBoolean waitReported = new AtomicBoolean();
    /** Whether a beacon was ever answered once stored here: the application's beacon.answer-when is stored. */
    private volatile boolean answersOnceStored;
    private final Set<String> reportedFailures = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean stopping;

    /** A beacon's record, made once when its room is reserved, then handed over or its room given back. */
    private final class Pending implements BeaconSink.Reservation {

        private final ProducerRecord<byte[], byte[]> record;
        private final long size;
        /** Completed once Kafka acknowledges the record, or the writer gives up on it; {@code null} unless stored. */
        private volatile CompletableFuture<Void> stored;

        Pending(ProducerRecord<byte[], byte[]> record, long size) {
            this.record = record;
            this.size = size;
        }

        ProducerRecord<byte[], byte[]> record() {
            return record;
        }

        long size() {
            return size;
        }

        @Override
        public void write() {
            queue.add(this);
        }

        @Override
        public CompletionStage<Void> store() {
            answersOnceStored = true;
            stored = new CompletableFuture<>();
            queue.add(this);
            return stored;
        }

        /** Whether its beacon is answered once Kafka acknowledges it ({@code beacon.answer-when=stored}). */
        boolean isStored() {
            return stored != null;
        }

        /** Tells whoever waits for the record's acknowledgement; {@code failure} is {@code null} once acknowledged. */
        void settle(Exception failure) {
            CompletableFuture<Void> waiting = stored;
            if (waiting != null) {
                if (failure == null) {
                    waiting.complete(null);
                } else {
                    waiting.completeExceptionally(failure);
                }
            }
        }

        @Override
        public void cancel() {
            statistics.release(size);
        }
    }

    /**
     * @param settings the sink's settings
     * @param producer the producer, configured by {@link KafkaSettings#producerProperties}
     * @param name the sink's name, for its threads
     * @param statistics the counters to keep
     */
    KafkaWriter(KafkaSettings settings, Producer<byte[], byte[]> producer, String name, KafkaSinkStatistics statistics) {
        this.settings = settings;
        this.producer = producer;
        this.statistics = statistics;
        this.topics = new TopicMetadata(producer, settings.topics(), name);
        this.sender = new Thread(this::sendUntilClosed, "beacon-kafka-writer " + name);
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * @param beacon a beacon about to be accepted
     * @return its record, with its room in the buffer, to write or cancel; empty when there is no room, or no topic
     */
    Optional<BeaconSink.Reservation> reserve(Beacon beacon) {
        String topic = settings.topicOf(beacon.endpoint());
        if (closed || !topics.isKnown(topic)) {
            statistics.countRefused();
            return Optional.empty();
        }
        ProducerRecord<byte[], byte[]> record = BeaconRecords.of(beacon, topic, settings.key());
        long size = BeaconRecords.sizeOf(record);
        if (!statistics.reserve(size, settings.bufferSize())) {
            statistics.countRefused();
            // Once until Kafka acknowledges again: one line per outage, not one per beacon refused.
            if (fullReported.compareAndSet(false, true)) {
                LOGGER.warning(() -> "Kafka has not acknowledged " + statistics.getBufferedBytes() + " bytes of beacons, the "
                        + KafkaSettings.BUFFER_SIZE + " of " + settings.bufferSize() + ": beacons are answered 503 until it does.");
            }
            return Optional.empty();
        }
        return Optional.of(new Pending(record, size));
    }

    /**
     * @return whether a beacon of the smallest size would be refused now: the buffer full, or no topic known yet; or,
     *         where beacons are answered once stored, Kafka away: none could be answered {@code 204} until it is back
     */
    boolean isFull() {
        return closed || !topics.isAnyKnown() || statistics.getBufferedBytes() + BeaconRecords.SMALLEST > settings.bufferSize()
                || (answersOnceStored && waitReported.get());
    }


    /**
     * Takes no more beacons, then gives the writer until the timeout to have Kafka acknowledge what it holds.
     *
     * @param timeout how long to wait
     * @return how many records were given up on, the shutdown having stopped waiting
     * @throws InterruptedException when interrupted while waiting
     */
    long close(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        closed = true;
        topics.stop();
        long failedBefore = statistics.getFailed();
        sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout.toNanos()))); // it ends once the queue is empty
        stopping = true; // from now on, a record Kafka did not take is given up on, not sent again
        sender.interrupt();
        sender.join();
        // Once it returns, every record handed to the producer has been acknowledged or failed, its callback run.
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        giveUpOnQueued(new KafkaException("the application stopped before Kafka took it"));
        return statistics.getFailed() - failedBefore;
    }

    private void sendUntilClosed() {
        try {
            while (!closed || !queue.isEmpty()) {
                Pending pending = queue.poll(100, TimeUnit.MILLISECONDS); // the pace at which a close is seen
                if (pending != null) {
                    send(pending);
                }
            }
        } catch (InterruptedException | InterruptException e) {
            giveUpOnQueued(new KafkaException("the application stopped before Kafka was reachable"));
        }
    }

    private void send(Pending pending) {
        try {
            // Kafka away, this waits up to max.block.ms for the topic's partitions, then calls back with a TimeoutException.
            producer.send(pending.record(), (written, failure) -> done(pending, failure));
        } catch (InterruptException e) {
            done(pending, e);
            throw e;
        } catch (KafkaException | IllegalStateException e) {
            done(pending, e); // the producer closed, or the record refused before it was sent
        }
    }

    private void giveUpOnQueued(KafkaException why) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> done(pending, why));
    }

    /** Called back by the producer, or by the writer: sent, to be sent again, or given up on. */
    private void done(Pending pending, Exception failure) {
        if (failure instanceof RetriableException && !stopping) {
            // Kafka away for longer than max.block.ms or delivery.timeout.ms: at least once means sending it again.
            if (waitReported.compareAndSet(false, true)) {
                LOGGER.warning(() -> "Kafka did not take a beacon for topic " + pending.record().topic() + " (" + failure.getMessage()
                        + "); accepted beacons wait and are sent again, and new ones are answered 503 once "
                        + KafkaSettings.BUFFER_SIZE + " is full.");
            }
            queue.add(pending);
            return;
        }
        statistics.release(pending.size());
        if (failure == null) {
            statistics.countSent();
            fullReported.set(false);
            waitReported.set(false);
            pending.settle(null); // last: whoever waits for it finds the writer as it is now
            return;
        }
        pending.settle(failure);
        statistics.countFailed();
        if (!reportedFailures.add(failure.getClass().getName())) {
            return;
        }
        if (pending.isStored()) {
            // Answered once stored: the client was refused 503, and sends it again.
            LOGGER.log(Level.WARNING, "Kafka did not take a beacon for topic " + pending.record().topic() + ": " + failure
                    + ". It was refused 503, for its client to send again. Counted in KafkaSink's failed records; logged once per cause.", failure);
        } else {
            LOGGER.log(Level.SEVERE, "A beacon answered 204 could not be written to Kafka topic " + pending.record().topic() + ", and is lost: "
                    + failure + ". Counted in KafkaSink's failed records; logged once per cause.", failure);
        }
    }
}
