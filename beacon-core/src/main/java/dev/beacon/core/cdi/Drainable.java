package dev.beacon.core.cdi;

/**
 * What the application's shutdown and its readiness check need of a delivery, and nothing else: so that
 * {@link BeaconExtension}, which serves both, knows no delivery class, and the delivery calls it without being called
 * back.
 */
public interface Drainable {

    /**
     * @return whether admission now refuses beacons for want of room
     */
    boolean isFull();

    /**
     * @return how many accepted beacons have not yet reached every observer
     */
    int inFlight();

    /**
     * Takes no more beacons, then waits for the accepted ones to reach their observers, up to the shutdown timeout.
     *
     * @return how many accepted beacons had still not reached every observer when the wait ended
     * @throws InterruptedException when the shutdown is interrupted while waiting
     */
    int close() throws InterruptedException;
}
