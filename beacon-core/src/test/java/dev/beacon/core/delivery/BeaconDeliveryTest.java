package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class BeaconDeliveryTest {

    @Test
    void synchronousObserversMayUseRequestScopedBeansOnAThreadOutsideAnyRequest() {
        try (WeldContainer weld = new Weld().disableDiscovery()
                .addBeanClasses(PageViews.class, RequestScopedObserver.class).addExtension(new BeaconExtension()).initialize()) {
            BeaconDelivery delivery = readyDelivery(weld);

            acceptAndDeliver(delivery);
            acceptAndDeliver(delivery);

            assertEquals(List.of(1, 1), weld.select(RequestScopedObserver.class).get().countsSeen(),
                    "each beacon had a request context of its own");
            assertEquals(0, weld.select(BeaconStatistics.class).get().observerFailures());
        }
    }

    /**
     * Deliveries on threads outside any request overlap (each observer waits for the other inside it), round after
     * round, so that the controllers kept between beacons pass from thread to thread: every beacon still sees a request
     * context of its own, and no thread is left with one active after it.
     */
    @Test
    void overlappingDeliveriesOutsideAnyRequestEachHaveARequestContextOfTheirOwnAndLeaveNoneBehind() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery()
                .addBeanClasses(PageViews.class, OverlappingObserver.class).addExtension(new BeaconExtension()).initialize()) {
            BeaconDelivery delivery = readyDelivery(weld);
            OverlappingObserver observer = weld.select(OverlappingObserver.class).get();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> leftActive = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    for (int thread = 0; thread < 2; thread++) {
                        leftActive.add(threads.submit(() -> {
                            acceptAndDeliver(delivery);
                            RequestContextController probe = weld.select(RequestContextController.class).get();
                            boolean activeStill = !probe.activate();
                            if (!activeStill) {
                                probe.deactivate();
                            }
                            return activeStill;
                        }));
                    }
                }
                for (Future<Boolean> each : leftActive) {
                    assertFalse(each.get(10, TimeUnit.SECONDS), "a thread was left with a request context active");
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(Collections.nCopies(20, 2), observer.countsSeen(), "each beacon counted twice in a request context of its own");
            assertEquals(0, weld.select(BeaconStatistics.class).get().observerFailures());
        }
    }

    /**
     * With no asynchronous observer, the beacon's place comes back before deliver() returns: nothing was
     * handed to the container's executor, which would give it back later, on another thread.
     */
    @Test
    void givesThePlaceBackAtOnceWhenNoAsynchronousObserverReceivesTheBeacon() {
        try (WeldContainer weld = new Weld().disableDiscovery()
                .addBeanClasses(PageViews.class, RequestScopedObserver.class).addExtension(new BeaconExtension()).initialize()) {
            BeaconDelivery delivery = readyDelivery(weld);

            acceptAndDeliver(delivery);
            acceptAndDeliver(delivery);

            assertEquals(0, delivery.inFlight());
            assertEquals(2, weld.select(BeaconStatistics.class).get().delivered());
        }
    }

    @Test
    void leavesARequestContextThatWasAlreadyActiveAsItWas() {
        try (WeldContainer weld = new Weld().disableDiscovery()
                .addBeanClasses(PageViews.class, RequestScopedObserver.class).addExtension(new BeaconExtension()).initialize()) {
            BeaconDelivery delivery = readyDelivery(weld);
            RequestContextController request = weld.select(RequestContextController.class).get();
            assertTrue(request.activate());
            try {
                acceptAndDeliver(delivery);
                acceptAndDeliver(delivery);

                assertEquals(List.of(1, 2), weld.select(RequestScopedObserver.class).get().countsSeen(),
                        "both beacons were seen in the request that was active");
                assertFalse(request.activate(), "still active");
            } finally {
                request.deactivate();
            }
        }
    }

    private static BeaconDelivery readyDelivery(WeldContainer weld) {
        BeanManager beanManager = weld.select(BeanManager.class).get();
        BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, false);
        assertTrue(delivery.isReady());
        return delivery;
    }

    private static void acceptAndDeliver(BeaconDelivery delivery) {
        Admission.Ticket ticket = delivery.reserve(Beacon.builder("default", "/beacon").build());
        assertEquals(InFlightBudget.Reservation.TAKEN, ticket.outcome());
        delivery.deliver(ticket);
    }

    @RequestScoped
    static class PageViews {
        private int count;

        int increment() {
            return ++count;
        }
    }

    /** Counts twice per beacon, waiting between the two for the other thread's beacon to be inside it too. */
    @ApplicationScoped
    static class OverlappingObserver {
        private final CyclicBarrier bothInside = new CyclicBarrier(2);
        private final List<Integer> countsSeen = new CopyOnWriteArrayList<>();

        @Inject
        PageViews pageViews;

        void onBeacon(@Observes Beacon beacon) throws Exception {
            pageViews.increment();
            bothInside.await(10, TimeUnit.SECONDS);
            countsSeen.add(pageViews.increment());
        }

        List<Integer> countsSeen() {
            return List.copyOf(countsSeen);
        }
    }

    @ApplicationScoped
    static class RequestScopedObserver {
        private final List<Integer> countsSeen = new ArrayList<>();

        @Inject
        PageViews pageViews;

        void onBeacon(@Observes Beacon beacon) {
            countsSeen.add(pageViews.increment());
        }

        List<Integer> countsSeen() {
            return List.copyOf(countsSeen);
        }
    }
}
