package dev.beacon.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The beacons or reports one observer received, with a wait that returns as soon as the expected ones are there.
 *
 * @param <T> what the observer receives
 */
public final class Recording<T> {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Function<T, String> endpointOf;
    private final List<T> beacons = new ArrayList<>();

    Recording(Function<T, String> endpointOf) {
        this.endpointOf = endpointOf;
    }

    synchronized void add(T beacon) {
        beacons.add(beacon);
        notifyAll();
    }

    /**
     * Waits until {@code count} beacons of an endpoint have arrived, and returns them.
     *
     * @throws AssertionError when they have not arrived within 10 seconds
     */
    public synchronized List<T> await(String endpoint, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (of(endpoint).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " event(s) to endpoint " + endpoint + ", got " + of(endpoint));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return of(endpoint);
    }

    public synchronized T awaitOne(String endpoint) throws InterruptedException {
        return await(endpoint, 1).get(0);
    }

    public synchronized List<T> of(String endpoint) {
        return matching(beacon -> endpointOf.apply(beacon).equals(endpoint));
    }

    public synchronized List<T> matching(Predicate<T> filter) {
        return beacons.stream().filter(filter).toList();
    }

    public synchronized void clear() {
        beacons.clear();
    }
}
