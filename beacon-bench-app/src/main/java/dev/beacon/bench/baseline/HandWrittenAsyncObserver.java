package dev.beacon.bench.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the hand-written code fired asynchronously, as the library's counting {@code @ObservesAsync}
 * observer does, and what was fired but not yet counted: the benchmark waits for none between runs.
 */
@ApplicationScoped
public class HandWrittenAsyncObserver {

    private final LongAdder fired = new LongAdder();
    private final LongAdder received = new LongAdder();

    /** Called before each {@code fireAsync}, so that a backlog shows until it is counted. */
    public void firing() {
        fired.increment();
    }

    void count(@ObservesAsync HandWrittenBeacon beacon) {
        received.increment();
    }

    public long received() {
        return received.sum();
    }

    public long pending() {
        return fired.sum() - received.sum();
    }
}
