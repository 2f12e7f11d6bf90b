package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.observe.FailureLog;
import dev.beacon.testing.LogRecords;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventMetadata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The library notifies synchronous observers one by one, to keep one observer's failure from the others. It must
 * reach exactly the observers that the container's own {@code Event.fire()} reaches, in their {@code @Priority} order
 * (among equal priorities CDI promises none).
 * ({@code BeaconExtensionTest} holds what it refuses instead: transactional observers, and {@code EventMetadata}.)
 */
class DispatcherTest {

    @Test
    void notifiesTheObserversTheContainersOwnFireNotifiesInItsOrder() {
        try (WeldContainer weld = new Weld().disableDiscovery().addBeanClass(RoutedObservers.class).addExtension(new BeaconExtension())
                .initialize()) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            RoutedObservers observers = weld.select(RoutedObservers.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(1, Long.MAX_VALUE), Duration.ZERO, false);

            for (String endpoint : List.of("meta", "other", "unnamed")) {
                Beacon beacon = Beacon.builder(endpoint, "/beacon/" + endpoint).build();
                beanManager.getEvent().select(Beacon.class, BeaconEndpoint.Literal.of(endpoint)).fire(beacon);
                List<String> byTheContainer = observers.takeSeen();
                delivery.deliver(delivery.reserve(beacon));
                List<String> byTheLibrary = observers.takeSeen();

                assertEquals(byTheContainer, byTheLibrary, endpoint);
            }
        }
    }

    /** The log line of a failure names the observer method, synchronous or not, not a helper it called. */
    @Test
    void aFailureIsLoggedWithTheClassAndMethodOfTheObserverThatThrew() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery().addBeanClass(FailingObservers.class).addExtension(new BeaconExtension())
                .initialize();
             LogRecords log = LogRecords.of(FailureLog.class)) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(1, Long.MAX_VALUE), Duration.ZERO, false);
            Beacon beacon = Beacon.builder("vitals", "/beacon/vitals").build();

            delivery.deliver(delivery.reserve(beacon));

            String observers = FailingObservers.class.getName();
            assertTrue(log.await(Level.WARNING, "Beacon observer " + observers + "#onBeaconLater failed on a beacon to endpoint 'vitals'",
                    Duration.ofSeconds(10)), log::toString);
            assertTrue(log.at(Level.WARNING).stream().anyMatch(line -> line.startsWith("Beacon observer " + observers
                    + "#onBeacon failed on a beacon to endpoint 'vitals'")), log::toString);
        }
    }

    /**
     * A failure made before the observer threw it (kept, or handed over by another thread) has none of its frames: the
     * line names every asynchronous observer that may have thrown it, never "an observer".
     */
    @Test
    void anAsynchronousFailureMadeElsewhereNamesTheObserversThatMayHaveThrownIt() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery().addBeanClasses(RethrowingObserver.class, QuietObserver.class)
                .addExtension(new BeaconExtension()).initialize();
             LogRecords log = LogRecords.of(FailureLog.class)) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(1, Long.MAX_VALUE), Duration.ZERO, false);
            RethrowingObserver.failure = new IllegalStateException("made before the observer ran");

            delivery.deliver(delivery.reserve(Beacon.builder("vitals", "/beacon/vitals").build()));

            assertTrue(log.await(Level.WARNING, "One of the asynchronous beacon observers " + QuietObserver.class.getName() + ", "
                    + RethrowingObserver.class.getName() + " failed on a beacon to endpoint 'vitals'", Duration.ofSeconds(10)), log::toString);
        }
    }

    /**
     * The event fired to asynchronous observers is selected once per endpoint an observer names, and for each beacon to
     * the endpoints none names: an asynchronous observer that asks for {@code EventMetadata} sees every beacon's own
     * endpoint, the first or the tenth time, named or not.
     */
    @Test
    void anAsynchronousObserverSeesEveryBeaconsOwnEndpointAmongItsQualifiers() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery().addBeanClass(QualifierObservers.class).addExtension(new BeaconExtension())
                .initialize()) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            QualifierObservers observers = weld.select(QualifierObservers.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, false);
            List<String> endpoints = List.of("named", "first", "named", "second", "first");

            for (String endpoint : endpoints) {
                delivery.deliver(delivery.reserve(Beacon.builder(endpoint, "/beacon/" + endpoint).build()));
            }

            List<String> seen = observers.awaitSeen();
            assertEquals(endpoints.stream().map(endpoint -> endpoint + " as " + endpoint).sorted().toList(),
                    seen.stream().filter(each -> each.startsWith("every ")).map(each -> each.substring(6)).sorted().toList());
            assertEquals(List.of("named as named", "named as named"),
                    seen.stream().filter(each -> each.startsWith("named ")).map(each -> each.substring(6)).toList());
        }
    }

    @ApplicationScoped
    static class QualifierObservers {
        private final List<String> seen = new CopyOnWriteArrayList<>();
        private final CountDownLatch notified = new CountDownLatch(7);

        void every(@ObservesAsync Beacon beacon, EventMetadata metadata) {
            record("every", beacon, metadata);
        }

        void named(@ObservesAsync @BeaconEndpoint("named") Beacon beacon, EventMetadata metadata) {
            record("named", beacon, metadata);
        }

        private void record(String observer, Beacon beacon, EventMetadata metadata) {
            String qualifier = metadata.getQualifiers().stream().filter(BeaconEndpoint.class::isInstance)
                    .map(annotation -> ((BeaconEndpoint) annotation).value()).findFirst().orElse("none");
            seen.add(observer + " " + beacon.endpoint() + " as " + qualifier);
            notified.countDown();
        }

        List<String> awaitSeen() throws InterruptedException {
            assertTrue(notified.await(10, TimeUnit.SECONDS), seen::toString);
            return List.copyOf(seen);
        }
    }

    @ApplicationScoped
    static class FailingObservers {
        void onBeacon(@Observes Beacon beacon) {
            check(beacon);
        }

        void onBeaconLater(@ObservesAsync Beacon beacon) {
            throw new IllegalStateException("an asynchronous observer's bug");
        }

        private static void check(Beacon beacon) {
            throw new IllegalArgumentException("a synchronous observer's bug, in a helper");
        }
    }

    @ApplicationScoped
    static class RethrowingObserver {
        /** Made by the test, where no observer's frame is. */
        static volatile IllegalStateException failure;

        void onBeaconLater(@ObservesAsync Beacon beacon) {
            throw failure;
        }
    }

    @ApplicationScoped
    static class QuietObserver {
        void onBeaconLater(@ObservesAsync Beacon beacon) {
        }
    }

    @ApplicationScoped
    static class RoutedObservers {
        private final List<String> seen = new CopyOnWriteArrayList<>();

        void every(@Observes @Priority(5) Beacon beacon) {
            seen.add("every " + beacon.endpoint());
        }

        void any(@Observes @Priority(4) @Any Beacon beacon) {
            seen.add("any " + beacon.endpoint());
        }

        void meta(@Observes @Priority(3) @BeaconEndpoint("meta") Beacon beacon) {
            seen.add("meta");
        }

        void other(@Observes @Priority(2) @BeaconEndpoint("other") Beacon beacon) {
            seen.add("other");
        }

        void metaAsObject(@Observes @Priority(1) @BeaconEndpoint("meta") Object event) {
            seen.add("meta as " + event.getClass().getSimpleName());
        }

        List<String> takeSeen() {
            List<String> taken = List.copyOf(seen);
            seen.clear();
            return taken;
        }
    }
}
