package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.ContentType;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.RecordingSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A page that posts to an endpoint no observer names gets 204, and its beacons reach nobody, or only the observers of
 * every endpoint: the log says so, once.
 */
class UnobservedEndpointsTest {

    @Test
    void aBeaconThatReachesNoObserverWhileOthersAreNamedIsSaidOncePerEndpoint() {
        try (WeldContainer weld = start(VitalsObserver.class); LogRecords log = LogRecords.of(UnobservedEndpoints.class)) {
            BeaconDelivery delivery = delivery(weld);

            for (String endpoint : List.of("vital", "vital", "vitals", "vitalz")) {
                deliver(delivery, endpoint);
            }

            List<String> said = log.at(Level.WARNING);
            assertEquals(2, said.size(), log::toString);
            assertTrue(said.get(0).startsWith("A beacon to endpoint 'vital' reached no observer: none names that endpoint,"
                    + " and none observes every endpoint; observers name 'csp', 'vitals'."), said.get(0));
            assertTrue(said.get(1).startsWith("A beacon to endpoint 'vitalz' reached no observer"), said.get(1));
        }
    }

    /** The quick start's observer of every beacon beside a named one: a mistyped endpoint reaches it, and is still said. */
    @Test
    void aBeaconToAnEndpointNothingNamesThatOnlyTheObserversOfEveryEndpointReceiveIsSaidOnce() {
        try (WeldContainer weld = start(VitalsObserver.class, EveryEndpointObserver.class);
             LogRecords log = LogRecords.of(UnobservedEndpoints.class)) {
            BeaconDelivery delivery = delivery(weld);

            deliver(delivery, "vital");
            deliver(delivery, "vital");

            List<String> said = log.at(Level.WARNING);
            assertEquals(1, said.size(), log::toString);
            assertTrue(said.get(0).startsWith("A beacon to endpoint 'vital' reached only the observers of every endpoint: no observer"
                    + " names that endpoint, nor a sink, nor beacon.endpoints; observers name 'csp', 'vitals'. If the endpoint is meant, list it in"
                    + " beacon.endpoints; beacon.unknown-endpoints=refuse answers 404 to beacons to endpoints nothing names."), said.get(0));
        }
    }

    /** Beacons to the bare base path, and to the endpoints the application lists, are meant for the observers of every endpoint. */
    @Test
    void theBasePathsEndpointAndTheListedOnesThatTheObserversOfEveryEndpointReceiveAreNotSaid() {
        try (WeldContainer weld = start(VitalsObserver.class, EveryEndpointObserver.class);
             LogRecords log = LogRecords.of(UnobservedEndpoints.class)) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, () -> ObserverThreads.CONTAINERS,
                    new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, ReportRules.DELIVER_ALL, BeaconSampling.NONE, closed -> { },
                    false, Set.of("clicks"));

            for (String endpoint : List.of(BeaconEndpoint.DEFAULT, "clicks", BeaconEndpoint.DEFAULT, "clicks")) {
                deliver(delivery, endpoint);
            }

            assertEquals(List.of(), log.at(Level.WARNING));
        }
    }

    /** An endpoint a sink takes by name is meant for the sink: that no observer receives its beacons is no news. */
    @Test
    void anEndpointASinkTakesByNameIsNotSaid() {
        try (WeldContainer weld = start(VitalsObserver.class, RecordingSink.class);
             LogRecords log = LogRecords.of(UnobservedEndpoints.class)) {
            BeaconDelivery delivery = delivery(weld);

            deliver(delivery, RecordingSink.TAKEN);
            deliver(delivery, "vital");

            List<String> said = log.at(Level.WARNING);
            assertEquals(1, said.size(), log::toString);
            assertTrue(said.get(0).startsWith("A beacon to endpoint 'vital' reached no observer"), said.get(0));
        }
    }

    /** Named by a typed observer, the endpoint is observed, though no observer takes its beacons as {@code Beacon}. */
    @Test
    void anEndpointNamedOnlyByATypedObserverIsObservedAndNothingIsSaid() {
        try (WeldContainer weld = start(VitalsObserver.class, TypedObserver.class);
             LogRecords log = LogRecords.of(UnobservedEndpoints.class)) {
            BeaconDelivery delivery = delivery(weld);
            delivery.deliver(delivery.reserve(Beacon.builder("orders", "/beacon/orders").contentType(ContentType.parse("application/json"))
                    .body("{\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8)).build()));

            assertEquals(List.of(), log.at(Level.WARNING));
        }
    }

    /** Clients choose endpoint names: however many they make up, the log gets a bounded number of lines. */
    @Test
    void atMostTwentyEndpointsAreSaid() {
        try (WeldContainer weld = start(VitalsObserver.class); LogRecords log = LogRecords.of(UnobservedEndpoints.class)) {
            BeaconDelivery delivery = delivery(weld);

            for (int i = 0; i < 50; i++) {
                deliver(delivery, "made-up-" + i);
            }

            List<String> said = log.at(Level.WARNING);
            assertEquals(UnobservedEndpoints.MOST_NAMES, said.size());
            assertTrue(said.get(said.size() - 1).endsWith("this is the last of 20 endpoints logged."), said.get(said.size() - 1));
        }
    }

    private static WeldContainer start(Class<?>... observers) {
        return new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClasses(observers).initialize();
    }

    private static BeaconDelivery delivery(WeldContainer weld) {
        BeanManager beanManager = weld.select(BeanManager.class).get();
        return new BeaconDelivery(() -> beanManager, new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, false);
    }

    private static void deliver(BeaconDelivery delivery, String endpoint) {
        delivery.deliver(delivery.reserve(Beacon.builder(endpoint, "/beacon/" + endpoint).build()));
    }

    @ApplicationScoped
    static class VitalsObserver {
        void onVitals(@Observes @BeaconEndpoint("vitals") Beacon beacon) {
        }

        void onCsp(@Observes @BeaconEndpoint("csp") Beacon beacon) {
        }
    }

    public record Order(String id) {
    }

    @ApplicationScoped
    static class TypedObserver {
        void onOrder(@Observes @BeaconEndpoint("orders") Order order) {
        }
    }

    @ApplicationScoped
    static class EveryEndpointObserver {
        void onBeacon(@Observes Beacon beacon) {
        }
    }
}
