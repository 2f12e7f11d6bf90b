package dev.beacon.demo;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * The demo's observers: they log each reception, as the seed's server does, and keep the last
 * {@value #KEPT} beacons each observer received, for the page and for the tests.
 */
@ApplicationScoped
public class ReceivedBeacons {

    static final int KEPT = 1000;

    private static final Logger LOGGER = Logger.getLogger(ReceivedBeacons.class.getName());

    private final Deque<Beacon> synchronous = new ArrayDeque<>();
    private final Deque<Beacon> asynchronous = new ArrayDeque<>();
    private final Deque<Beacon> csp = new ArrayDeque<>();

    void onBeacon(@Observes Beacon beacon) {
        LOGGER.info(() -> "Beacon received at " + beacon.receivedAt() + ": endpoint " + beacon.endpoint()
                + ", " + beacon.size() + " bytes, " + beacon.contentType().map(Object::toString).orElse("no Content-Type"));
        keep(synchronous, beacon);
    }

    void onBeaconAsync(@ObservesAsync Beacon beacon) {
        keep(asynchronous, beacon);
    }

    void onCspReport(@Observes @BeaconEndpoint("csp") Beacon report) {
        keep(csp, report);
    }

    /**
     * @param log {@code all} (what {@code @Observes Beacon} received), {@code async}, or {@code csp}
     * @return that log, oldest first; empty for an unknown name
     */
    List<Beacon> log(String log) {
        Deque<Beacon> beacons = switch (log) {
            case "all" -> synchronous;
            case "async" -> asynchronous;
            case "csp" -> csp;
            default -> new ArrayDeque<>();
        };
        synchronized (beacons) {
            return List.copyOf(beacons);
        }
    }

    void clear() {
        for (Deque<Beacon> beacons : List.of(synchronous, asynchronous, csp)) {
            synchronized (beacons) {
                beacons.clear();
            }
        }
    }

    private static void keep(Deque<Beacon> beacons, Beacon beacon) {
        synchronized (beacons) {
            if (beacons.size() == KEPT) {
                beacons.removeFirst();
            }
            beacons.addLast(beacon);
        }
    }
}
