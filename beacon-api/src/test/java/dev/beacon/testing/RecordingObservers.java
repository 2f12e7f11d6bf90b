package dev.beacon.testing;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Observers as an application writes them: every beacon synchronously and asynchronously, and the
 * {@code csp} endpoint's beacons through its qualifier.
 */
@ApplicationScoped
public class RecordingObservers {

    private final Recording sync = new Recording();
    private final Recording async = new Recording();
    private final Recording csp = new Recording();

    /** @return every beacon, received by an {@code @Observes} observer */
    public Recording sync() {
        return sync;
    }

    /** @return every beacon, received by an {@code @ObservesAsync} observer */
    public Recording async() {
        return async;
    }

    /** @return the {@code csp} endpoint's beacons, received by an {@code @Observes @BeaconEndpoint("csp")} observer */
    public Recording csp() {
        return csp;
    }

    void onBeacon(@Observes Beacon beacon) {
        sync.add(beacon);
    }

    void onBeaconAsync(@ObservesAsync Beacon beacon) {
        async.add(beacon);
    }

    void onCspReport(@Observes @BeaconEndpoint("csp") Beacon beacon) {
        csp.add(beacon);
    }
}
