package dev.beacon.bench.beacons;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.concurrent.atomic.LongAdder;

/**
 * The observers the benchmark measures the library with, one endpoint each: {@code none} has no
 * observer, {@code sync} one counting {@code @Observes}, {@code async} one counting
 * {@code @ObservesAsync}; {@code slow-sync} holds 100 ms and {@code slow-async} 1 s, to show that
 * they do not delay other beacons' answers.
 */
@ApplicationScoped
public class CountingObservers {

    private final LongAdder sync = new LongAdder();
    private final LongAdder async = new LongAdder();

    void countSync(@Observes @BeaconEndpoint("sync") Beacon beacon) {
        sync.increment();
    }

    void countAsync(@ObservesAsync @BeaconEndpoint("async") Beacon beacon) {
        async.increment();
    }

    void holdSync(@Observes @BeaconEndpoint("slow-sync") Beacon beacon) throws InterruptedException {
        Thread.sleep(100);
    }

    void holdAsync(@ObservesAsync @BeaconEndpoint("slow-async") Beacon beacon) throws InterruptedException {
        Thread.sleep(1000);
    }

    public long sync() {
        return sync.sum();
    }

    public long async() {
        return async.sum();
    }
}
