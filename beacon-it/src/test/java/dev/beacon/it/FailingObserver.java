package dev.beacon.it;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Added to the deployment by the tests: an observer with a bug, which throws on every beacon to its endpoint. */
@ApplicationScoped
public class FailingObserver {

    public static final String ENDPOINT = "failing";

    void fail(@Observes @BeaconEndpoint(ENDPOINT) Beacon beacon) {
        throw new IllegalStateException("a bug in an observer, on purpose");
    }
}
