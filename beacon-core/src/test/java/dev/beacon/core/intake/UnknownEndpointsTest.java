package dev.beacon.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.delivery.BeaconDelivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.InMemoryRequest;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.RecordingSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** With unknown endpoints refused, a client cannot invent one: only what observers, sinks or the settings name takes beacons. */
class UnknownEndpointsTest {

    @Test
    void anEndpointNoObserverNorSettingNamesIsAnswered404AndSaidOnce() {
        try (WeldContainer weld = start(); LogRecords log = LogRecords.of(UnknownEndpoints.class)) {
            BeaconIntake intake = intake(weld, Map.of(BeaconConfig.UNKNOWN_ENDPOINTS, "refuse", BeaconConfig.ENDPOINTS, "sink-only"));

            Answer mistyped = intake.answer(post("vital"), "vital");
            Answer again = intake.answer(post("vital"), "vital");

            assertEquals(404, mistyped.status());
            assertEquals("No such beacon endpoint", mistyped.reason().orElseThrow());
            assertEquals(404, again.status());
            for (String known : List.of("vitals", "csp", "sink-only", BeaconEndpoint.DEFAULT)) {
                Answer answer = intake.answer(post(known), known);
                assertEquals(204, answer.status(), known);
                answer.deliver();
            }
            List<String> said = log.at(Level.WARNING);
            assertEquals(1, said.size(), log::toString);
            assertEquals("Beacons to endpoint 'vital' are answered 404, as beacon.unknown-endpoints=refuse says: no observer names it,"
                    + " nor a sink, nor beacon.endpoints. Observers name 'csp', 'vitals'; beacon.endpoints lists 'sink-only'. Logged once per endpoint,"
                    + " for the first 20.", said.get(0));
        }
    }

    /** A sink that takes an endpoint by name, as the Kafka sink takes those with a topic of their own, makes it known. */
    @Test
    void anEndpointASinkTakesByNameIsAcceptedAndReachesTheSink() throws InterruptedException {
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension())
                .addBeanClasses(NamingObserver.class, RecordingSink.class).initialize();
             LogRecords log = LogRecords.of(UnknownEndpoints.class)) {
            BeaconIntake intake = intake(weld, Map.of(BeaconConfig.UNKNOWN_ENDPOINTS, "refuse"));

            Answer taken = intake.answer(post(RecordingSink.TAKEN), RecordingSink.TAKEN);
            taken.deliver();

            assertEquals(204, taken.status());
            assertEquals("hello", weld.select(RecordingSink.class).get().written().awaitOne(RecordingSink.TAKEN).text());
            assertEquals(List.of(), log.at(Level.WARNING));
        }
    }

    @Test
    void byDefaultABeaconToAnUnnamedEndpointIsDelivered() {
        try (WeldContainer weld = start()) {
            BeaconIntake intake = intake(weld, Map.of());

            assertEquals(204, intake.answer(post("vital"), "vital").status());
        }
    }

    /** Clients choose endpoint names: however many they make up, the log gets a bounded number of lines. */
    @Test
    void atMostTwentyRefusedEndpointsAreSaid() {
        try (WeldContainer weld = start(); LogRecords log = LogRecords.of(UnknownEndpoints.class)) {
            BeaconIntake intake = intake(weld, Map.of(BeaconConfig.UNKNOWN_ENDPOINTS, "refuse"));

            for (int i = 0; i < 50; i++) {
                assertEquals(404, intake.answer(post("made-up-" + i), "made-up-" + i).status());
            }

            List<String> said = log.at(Level.WARNING);
            assertEquals(UnknownEndpoints.MOST_NAMES, said.size());
            assertTrue(said.get(said.size() - 1).endsWith("this is the last of 20 endpoints logged."), said.get(said.size() - 1));
        }
    }

    private static WeldContainer start() {
        return new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClasses(NamingObserver.class).initialize();
    }

    private static BeaconIntake intake(WeldContainer weld, Map<String, String> settings) {
        BeanManager beanManager = weld.select(BeanManager.class).get();
        return new BeaconIntake(BeaconConfig.from(settings::get),
                new BeaconDelivery(() -> beanManager, new InFlightBudget(100, Long.MAX_VALUE), Duration.ZERO, false));
    }

    private static InMemoryRequest post(String endpoint) {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        return InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "text/plain;charset=UTF-8", "Content-Length", Integer.toString(body.length)), body);
    }

    @ApplicationScoped
    static class NamingObserver {
        void onVitals(@Observes @BeaconEndpoint("vitals") Beacon beacon) {
        }

        void onCsp(@Observes @BeaconEndpoint("csp") Beacon beacon) {
        }
    }
}
