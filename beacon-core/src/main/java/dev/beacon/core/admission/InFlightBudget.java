package dev.beacon.core.admission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many accepted beacons, and how many of their bytes, may await their observers at once: one
 * budget per application, shared by its entry points. A place is taken before the {@code 204}, so that
 * a beacon is refused while it still can be, never dropped after; delivery gives it back.
 */
public final class InFlightBudget {

    /** Whether a beacon found a place, and if not, why. */
    public enum Reservation {
        TAKEN, TOO_MANY_BEACONS, TOO_MANY_BYTES, CLOSED,
        /** Not the budget's answer: {@link Admission}'s, when one of the application's {@link dev.beacon.BeaconSink}s has no room. */
        NO_ROOM_IN_SINK
    }

    private final int maxBeacons;
    private final long maxBytes;
    private final Semaphore places;
    private final BoundedSum bytes = new BoundedSum();
    private volatile boolean closed;
    private volatile boolean drained;

    /**
     * @param maxBeacons how many beacons may await their observers at once
     * @param maxBytes how many bytes of body they may hold together
     */
    public InFlightBudget(int maxBeacons, long maxBytes) {
        this.maxBeacons = maxBeacons;
        this.maxBytes = maxBytes;
        this.places = new Semaphore(maxBeacons);
    }

    /**
     * @param size the beacon's body size, in bytes
     * @return {@link Reservation#TAKEN} when the beacon has its place, to give back with {@link #release}
     */
    Reservation reserve(long size) {
        // Checked before taking a place: close() then waits for every place taken, this one included.
        if (closed) {
            return Reservation.CLOSED;
        }
        if (!places.tryAcquire()) {
            return Reservation.TOO_MANY_BEACONS;
        }
        if (!bytes.tryAdd(size, maxBytes)) {
            places.release();
            return Reservation.TOO_MANY_BYTES;
        }
        return Reservation.TAKEN;
    }

    /**
     * Gives back the place of a beacon that reached its observers, or that could not be delivered.
     *
     * @param size the size it was reserved with
     */
    void release(long size) {
        bytes.subtract(size);
        places.release();
    }

    /**
     * @return how many accepted beacons await their observers
     */
    public int beacons() {
        return drained ? 0 : maxBeacons - places.availablePermits();
    }

    /**
     * @return how many bytes of body the accepted beacons awaiting their observers hold
     */
    long bytes() {
        return bytes.get();
    }

    /**
     * @return whether a beacon would now be refused for want of room: every place taken, or every byte
     */
    public boolean isFull() {
        return places.availablePermits() == 0 || bytes.get() >= maxBytes;
    }

    /**
     * @return whether no more places are given, the application shutting down
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * @return whether a {@link #close} is waiting for the places still taken to come back
     */
    public boolean isClosing() {
        return closed && places.hasQueuedThreads();
    }

    /**
     * Gives no more places, then waits for every place taken to be given back. Closing again after every
     * place came back returns at once: the places kept by the first close are not beacons in flight.
     *
     * @param timeout how long to wait
     * @return how many places were still taken when the wait ended
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized int close(Duration timeout) throws InterruptedException {
        closed = true;
        if (drained) {
            return 0;
        }
        if (places.tryAcquire(maxBeacons, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            // The places are kept: none can be taken after the wait, not even by a beacon that found the budget
            // open an instant before it closed.
            drained = true;
            return 0;
        }
        return beacons();
    }
}
