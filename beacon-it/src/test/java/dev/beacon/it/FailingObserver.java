package dev.beacon.it;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Added to the deployment by the tests: observers with a bug, which throw on every beacon to their endpoint, one
 * synchronous and one asynchronous.
 */
@ApplicationScoped
public class FailingObserver {

    public static final String ENDPOINT = "failing";
    public static final String ASYNCHRONOUS_ENDPOINT = "failing-later";

    void fail(@Observes @BeaconEndpoint(ENDPOINT) Beacon beacon) {
        throw new IllegalStateException("a bug in an observer, on purpose");
    }

    void failLater(@ObservesAsync @BeaconEndpoint(ASYNCHRONOUS_ENDPOINT) Beacon beacon) {
        throw new IllegalStateException("a bug in an asynchronous observer, on purpose");
    }
}
