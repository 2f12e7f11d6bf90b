package dev.beacon.bench.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the hand-written resource received, as the library's counting observer does. */
@ApplicationScoped
public class HandWrittenObserver {

    private final LongAdder received = new LongAdder();

    void count(@Observes HandWrittenBeacon beacon) {
        received.increment();
    }

    public long received() {
        return received.sum();
    }
}
