package dev.beacon.it;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Added to the deployment by the tests: a sink with no room for the first try of each beacon to an endpoint whose name
 * begins with {@value #ENDPOINTS}, so that the library answers it {@code 503} with {@code Retry-After}, as it does while
 * Kafka is away; the same beacon sent again, with its id, is taken. Beacons to every other endpoint pass.
 */
@ApplicationScoped
public class RefusingOnceSink implements BeaconSink {

    static final String ENDPOINTS = "refused-once";

    private static final Reservation NOTHING_TO_WRITE = new Reservation() {
        @Override
        public void write() {
            // the observers are what the tests read
        }

        @Override
        public void cancel() {
            // nothing was held
        }
    };

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Reservation> reserve(Beacon beacon) {
        boolean firstTry = beacon.endpoint().startsWith(ENDPOINTS) && refused.add(beacon.endpoint() + " " + beacon.id().orElse(""));
        return firstTry ? Optional.empty() : Optional.of(NOTHING_TO_WRITE);
    }
}
