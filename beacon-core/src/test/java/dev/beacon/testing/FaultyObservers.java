package dev.beacon.testing;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Observers of endpoint {@value #ENDPOINT} that throw; the synchronous one runs before every other
 * observer, so that the others receiving the beacon proves they are isolated from it.
 */
@ApplicationScoped
public class FaultyObservers {

    public static final String ENDPOINT = "faulty";

    private final AtomicInteger calls = new AtomicInteger();

    public int calls() {
        return calls.get();
    }

    /** Waits until both observers together have been called {@code count} times in all; returns the count then. */
    public synchronized int awaitCalls(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.get() < count && System.nanoTime() < deadline) {
            wait(100);
        }
        return calls.get();
    }

    private synchronized void called() {
        calls.incrementAndGet();
        notifyAll();
    }

    void failFirst(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @BeaconEndpoint(ENDPOINT) Beacon beacon) {
        called();
        throw new IllegalStateException("observer failure on purpose");
    }

    void failAsync(@ObservesAsync @BeaconEndpoint(ENDPOINT) Beacon beacon) {
        called();
        throw new IllegalStateException("async observer failure on purpose");
    }
}
