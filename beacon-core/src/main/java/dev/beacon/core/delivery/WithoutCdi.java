package dev.beacon.core.delivery;

import dev.beacon.Beacon;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.Admission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The delivery of an application that has not even the CDI API: never ready, so every beacon is answered
 * {@code 503}, and said once, at {@code SEVERE}, with what to add.
 */
public final class WithoutCdi implements Delivery {

    private static final Logger LOGGER = Logger.getLogger(WithoutCdi.class.getName());

    private final AtomicBoolean reported = new AtomicBoolean();

    @Override
    public boolean isReady() {
        if (reported.compareAndSet(false, true)) {
            LOGGER.severe(NO_CONTAINER + "the CDI API is not on its class path;"
                    + " on a servlet container without CDI, such as Tomcat or Jetty, add Weld's servlet integration to the application.");
        }
        return false;
    }

    @Override
    public boolean isClosed() {
        return false; // never open either: isReady() refuses every beacon
    }

    @Override
    public Admission.Ticket reserve(Beacon beacon) {
        throw neverReady();
    }

    @Override
    public void deliver(Admission.Ticket ticket) {
        throw neverReady();
    }

    @Override
    public CompletableFuture<Void> store(Admission.Ticket ticket) {
        throw neverReady();
    }

    @Override
    public void deliverStored(Admission.Ticket ticket) {
        throw neverReady();
    }

    @Override
    public void refuseUnstored(Admission.Ticket ticket) {
        throw neverReady();
    }

    @Override
    public List<Class<?>> payloadTypesOf(String endpoint) {
        throw neverReady();
    }

    @Override
    public Set<String> namedEndpoints() {
        throw neverReady();
    }

    @Override
    public boolean isTakenBySink(String endpoint) {
        throw neverReady();
    }

    @Override
    public void countDuplicate() {
        throw neverReady();
    }

    @Override
    public void countRejected(int status) {
        // No container, so no application counters to count in.
    }

    @Override
    public BeaconStatistics statisticsIfReached() {
        return null;
    }

    private static IllegalStateException neverReady() {
        return new IllegalStateException("No CDI container: isReady() is never true, and no beacon is accepted");
    }
}
