package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
