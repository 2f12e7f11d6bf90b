package dev.beacon.core.admission;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A sum that grows only while it stays within a limit, from any thread and without a lock: the bytes of the beacons in
 * flight, or of the records a sink holds. Whoever is turned away has taken nothing.
 */
public final class BoundedSum {

    private final AtomicLong sum = new AtomicLong();

    /**
     * @param amount what to add
     * @param limit the most the sum may reach
     * @return whether it was added: {@code false}, and nothing added, when the sum would pass the limit
     */
    public boolean tryAdd(long amount, long limit) {
        long held;
        do {
            held = sum.get();
            if (held + amount > limit) {
                return false;
            }
        } while (!sum.compareAndSet(held, held + amount));
        return true;
    }

    /**
     * @param amount what an earlier {@link #tryAdd} added, given back
     */
    public void subtract(long amount) {
        sum.addAndGet(-amount);
    }

    /**
     * @return the sum now
     */
    public long get() {
        return sum.get();
    }
}
