package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconStatistics;
import dev.beacon.ContentType;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.rollup.IgnoreRules;
import dev.beacon.core.rollup.ReportRollups;
import dev.beacon.core.rollup.SampleRates;
import dev.beacon.report.CspViolation;
import dev.beacon.report.Report;
import dev.beacon.report.ReportRollup;
import dev.beacon.testing.Polling;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Report rollups reach their observers, qualified with their endpoint, once per window and at shutdown, and count every
 * report accepted, whether sampling delivered it one by one or not.
 */
class ReportRollupDeliveryTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @Test
    void eachWindowsRollupsReachTheirObserversOnTimeAndAnObserverOfRollupsAloneHasReportsRead() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClasses(RollupObservers.class)
                .initialize()) {
            RollupObservers observers = weld.select(RollupObservers.class).get();
            BeaconDelivery delivery = delivery(weld, ReportRollups.of(Duration.ofMillis(100), 100, Long.MAX_VALUE, SampleRates.ALL));

            deliver(delivery, "csp", batchOf(5, "https://ads.example/p.gif"));
            deliver(delivery, "other", batchOf(2, "https://ads.example/p.gif"));

            Polling.until("every report counted in a rollup of its endpoint", () -> countOf(observers.atCsp), count -> count == 5, LONG_ENOUGH);
            Polling.until("every report counted, asynchronously too", () -> countOf(observers.everyEndpoint), count -> count == 7, LONG_ENOUGH);
            assertTrue(observers.atCsp.stream().allMatch(rollup -> rollup.endpoint().equals("csp")), observers.atCsp::toString);
            delivery.close();
        }
    }

    @Test
    void theLastWindowIsFiredAtShutdownAndCountsTheReportsSamplingKeptFromObservers() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension())
                .addBeanClasses(RollupObservers.class, ReportObserver.class).initialize()) {
            RollupObservers observers = weld.select(RollupObservers.class).get();
            ReportObserver reports = weld.select(ReportObserver.class).get();
            BeaconDelivery delivery = delivery(weld, ReportRollups.of(Duration.ofHours(1), 100, 1, new SampleRates(0, Map.of())));

            deliver(delivery, "csp", batchOf(3, "https://ads.example/p.gif"));
            deliver(delivery, "csp", batchOf(1, "https://cdn.example/x.js"));
            delivery.close();

            assertEquals(2, reports.received.size(), "the first of each fault in the window, one by one");
            assertEquals(2, weld.select(BeaconStatistics.class).get().reportsSampledOut());
            List<ReportRollup> rollups = observers.atCsp.stream().sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
            assertEquals(List.of(3L, 1L), rollups.stream().map(ReportRollup::count).toList());
            assertEquals(List.of(1L, 1L), rollups.stream().map(ReportRollup::delivered).toList());
            assertEquals(2, observers.everyEndpoint.size(), "the asynchronous observers too, before the shutdown went on");
            Report sample = rollups.get(0).sample();
            assertEquals(List.of("https://ads.example/p.gif", 1), List.of(((CspViolation) sample).blockedURL().orElseThrow(),
                    sample.beacon().json().orElseThrow().asJsonArray().size()), "the sample alone, not the batch of three it came in");
        }
    }

    @Test
    void rulesThatReadEveryEndpointTellTheWindowsOfReportsNoObserverReceives() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClasses(BeaconObserver.class)
                .initialize()) {
            List<ReportRollup> told = new CopyOnWriteArrayList<>();
            BeaconDelivery delivery = delivery(weld, new ReportRules(false, false, IgnoreRules.NONE,
                    ReportRollups.of(Duration.ofHours(1), 100, Long.MAX_VALUE, SampleRates.ALL), true), told::addAll);

            deliver(delivery, "csp", batchOf(3, "https://ads.example/p.gif"));
            delivery.close();

            assertEquals(List.of(3L), told.stream().map(ReportRollup::count).toList(), "the console's windows count reports no one observes");
            assertEquals(1, weld.select(BeaconObserver.class).get().received.size(), "the beacon still reaches its observer");
        }
    }

    private static BeaconDelivery delivery(WeldContainer weld, ReportRollups rollups) {
        return delivery(weld, new ReportRules(false, false, IgnoreRules.NONE, rollups, false), told -> { });
    }

    private static BeaconDelivery delivery(WeldContainer weld, ReportRules rules, Consumer<List<ReportRollup>> windowsClosed) {
        BeanManager beanManager = weld.select(BeanManager.class).get();
        BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, () -> ObserverThreads.CONTAINERS, new InFlightBudget(10, Long.MAX_VALUE),
                LONG_ENOUGH, rules, BeaconSampling.NONE, windowsClosed, false, Set.of());
        assertTrue(delivery.isReady());
        return delivery;
    }

    private static String batchOf(int copies, String blocked) {
        String report = "{\"type\":\"csp-violation\",\"url\":\"https://shop.example/cart\",\"body\":{\"blockedURL\":\"" + blocked
                + "\",\"documentURL\":\"https://shop.example/cart\",\"effectiveDirective\":\"img-src\"}}";
        return "[" + String.join(",", Collections.nCopies(copies, report)) + "]";
    }

    private static void deliver(BeaconDelivery delivery, String endpoint, String batch) {
        Beacon beacon = Beacon.builder(endpoint, "/beacon/" + endpoint).contentType(ContentType.parse("application/reports+json"))
                .body(batch.getBytes(StandardCharsets.UTF_8)).clientAddress("192.0.2.1").build();
        Admission.Ticket ticket = delivery.reserve(beacon);
        assertEquals(InFlightBudget.Reservation.TAKEN, ticket.outcome());
        delivery.deliver(ticket);
    }

    private static long countOf(List<ReportRollup> rollups) {
        return rollups.stream().mapToLong(ReportRollup::count).sum();
    }

    /** A singleton, not proxied: the test reads its fields. */
    @Singleton
    static class RollupObservers {
        final List<ReportRollup> atCsp = new CopyOnWriteArrayList<>();
        final List<ReportRollup> everyEndpoint = new CopyOnWriteArrayList<>();

        void onCsp(@Observes @BeaconEndpoint("csp") ReportRollup rollup) {
            atCsp.add(rollup);
        }

        void onEvery(@ObservesAsync ReportRollup rollup) {
            everyEndpoint.add(rollup);
        }
    }

    @Singleton
    static class BeaconObserver {
        final List<Beacon> received = new CopyOnWriteArrayList<>();

        void onBeacon(@Observes Beacon beacon) {
            received.add(beacon);
        }
    }

    @Singleton
    static class ReportObserver {
        final List<Report> received = new CopyOnWriteArrayList<>();

        void onReport(@Observes Report report) {
            received.add(report);
        }
    }
}
