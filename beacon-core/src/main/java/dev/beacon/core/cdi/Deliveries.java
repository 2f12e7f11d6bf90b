package dev.beacon.core.cdi;

import dev.beacon.core.settings.BeaconConfig;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The application's deliveries, as its readiness check and its shutdown see them: whether any refuses beacons for
 * want of room, how many beacons they hold, and closing them all, each waiting for its accepted beacons. A bean of the
 * application's, added by {@link BeaconExtension}; it offers an application nothing it can call.
 */
public final class Deliveries {

    private static final Logger LOGGER = Logger.getLogger(Deliveries.class.getName());

    private final Set<Drainable> all = ConcurrentHashMap.newKeySet();

    Deliveries() {
    }

    void add(Drainable delivery) {
        all.add(delivery);
    }

    /**
     * @return whether the application's admission now refuses beacons for want of room
     */
    boolean isAnyFull() {
        return all.stream().anyMatch(Drainable::isFull);
    }

    /**
     * @return how many accepted beacons await their observers, in the application
     */
    int inFlight() {
        return all.stream().mapToInt(Drainable::inFlight).sum();
    }

    /**
     * Takes no more beacons, and waits for the accepted ones, saying how many were lost when the wait ended first.
     *
     * @throws InterruptedException when the shutdown is interrupted while waiting
     */
    void closeAll() throws InterruptedException {
        for (Drainable delivery : all) {
            int waiting = delivery.inFlight();
            if (waiting > 0) {
                LOGGER.info(() -> "Shutting down: delivering " + waiting + " accepted beacon(s) to their observers");
            }
            int undelivered = delivery.close();
            if (undelivered > 0) {
                LOGGER.severe(() -> undelivered + " accepted beacon(s) had not reached their observers when the shutdown"
                        + " stopped waiting for them (" + BeaconConfig.SHUTDOWN_TIMEOUT + "); they are lost.");
            }
        }
    }
}
