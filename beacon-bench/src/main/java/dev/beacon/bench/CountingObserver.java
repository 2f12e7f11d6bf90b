package dev.beacon.bench;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cheapest observer an application could have, of the default endpoint: it only counts, so that delivery costs
 * what the library and the CDI container spend, not what an observer does.
 */
@ApplicationScoped
public class CountingObserver {

    private final LongAdder beacons = new LongAdder();

    void onBeacon(@Observes @BeaconEndpoint(BeaconEndpoint.DEFAULT) Beacon beacon) {
        beacons.increment();
    }

    /**
     * @return how many beacons it received
     */
    public long beacons() {
        return beacons.sum();
    }
}
