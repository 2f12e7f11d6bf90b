package dev.beacon.kafka;

import dev.beacon.core.admission.BoundedSum;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the Kafka sink has done since the application started; read it from {@link KafkaSink#statistics()}
 * or over JMX.
 */
public final class KafkaSinkStatistics implements KafkaSinkStatisticsMXBean {

    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final AtomicLong buffered = new AtomicLong();
    private final BoundedSum bufferedBytes = new BoundedSum();

    KafkaSinkStatistics() {
    }

    @Override
    public long getSent() {
        return sent.sum();
    }

    @Override
    public long getFailed() {
        return failed.sum();
    }

    @Override
    public long getBuffered() {
        return buffered.get();
    }

    @Override
    public long getBufferedBytes() {
        return bufferedBytes.get();
    }

    @Override
    public long getRefused() {
        return refused.sum();
    }

    /**
     * Takes room for a record, if the buffer has it.
     *
     * @param size the record's size
     * @param capacity the buffer's size
     * @return whether the record fits
     */
    boolean reserve(long size, long capacity) {
        if (!bufferedBytes.tryAdd(size, capacity)) {
            return false;
        }
        buffered.incrementAndGet();
        return true;
    }

    /** Gives back a record's room, whether it was sent, failed or cancelled. */
    void release(long size) {
        buffered.decrementAndGet();
        bufferedBytes.subtract(size);
    }

    void countSent() {
        sent.increment();
    }

    void countFailed() {
        failed.increment();
    }

    void countRefused() {
        refused.increment();
    }
}
