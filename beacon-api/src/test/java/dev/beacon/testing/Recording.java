package dev.beacon.testing;

import dev.beacon.Beacon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The beacons one observer received, with a wait that returns as soon as the expected ones are there.
 */
public final class Recording {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Beacon> beacons = new ArrayList<>();

    synchronized void add(Beacon beacon) {
        beacons.add(beacon);
        notifyAll();
    }

    /**
     * Waits until {@code count} beacons of an endpoint have arrived, and returns them.
     *
     * @throws AssertionError when they have not arrived within 10 seconds
     */
    public synchronized List<Beacon> await(String endpoint, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (of(endpoint).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " beacon(s) to endpoint " + endpoint + ", got " + of(endpoint));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return of(endpoint);
    }

    public synchronized Beacon awaitOne(String endpoint) throws InterruptedException {
        return await(endpoint, 1).get(0);
    }

    public synchronized List<Beacon> of(String endpoint) {
        return matching(beacon -> beacon.endpoint().equals(endpoint));
    }

    public synchronized List<Beacon> matching(Predicate<Beacon> filter) {
        return beacons.stream().filter(filter).toList();
    }

    public synchronized void clear() {
        beacons.clear();
    }
}
