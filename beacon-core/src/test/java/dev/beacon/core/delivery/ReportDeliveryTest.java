package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconStatistics;
import dev.beacon.ContentType;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.observe.FailureLog;
import dev.beacon.core.rollup.IgnoreRules;
import dev.beacon.core.rollup.ReportRollups;
import dev.beacon.report.CspViolation;
import dev.beacon.report.DeprecationReport;
import dev.beacon.report.PermissionsPolicyViolation;
import dev.beacon.report.Report;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.Polling;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports reach the observers of their types, qualified with their beacon's endpoint, by the same rules
 * as beacons; a batch's malformed reports are counted and logged once per cause, and its valid ones delivered.
 */
class ReportDeliveryTest {

    private static final String CSP_AND_PERMISSIONS = "[{\"type\":\"csp-violation\",\"age\":5,\"url\":\"https://a.example/\","
            + "\"body\":{\"blockedURL\":\"inline\",\"effectiveDirective\":\"script-src-elem\"}},"
            + "{\"type\":\"permissions-policy-violation\",\"body\":{\"policyId\":\"geolocation\"}}]";

    private WeldContainer weld;
    private LogRecords log;

    @BeforeEach
    void start() {
        weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClasses(ReportObservers.class).initialize();
        log = LogRecords.of(EventPlan.class, FailureLog.class);
    }

    @AfterEach
    void stop() {
        log.close();
        weld.shutdown();
    }

    @Test
    void eachReportReachesTheObserversOfItsTypeAndOfReportAndTheBeaconItsOwn() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();
        BeaconDelivery delivery = delivery(false);

        deliver(delivery, "csp", CSP_AND_PERMISSIONS);

        assertEquals(List.of("script-src-elem"), observers.cspAtItsEndpoint.stream().map(v -> v.effectiveDirective().orElseThrow()).toList());
        assertEquals(List.of("csp-violation", "permissions-policy-violation"), observers.reports.stream().map(Report::type).toList());
        assertEquals(List.of("csp"), observers.beacons.stream().map(Beacon::endpoint).toList(), "one beacon, the whole batch");
        assertTrue(observers.permissionsAsync.await(10, TimeUnit.SECONDS), "the asynchronous observer of its type");
        Polling.until("the beacon's place back", delivery::inFlight, inFlight -> inFlight == 0, Duration.ofSeconds(10));
        assertEquals(1, statistics().delivered(), "delivered once its asynchronous observers, reports' included, were done");
    }

    @Test
    void aReportToAnotherEndpointSkipsObserversQualifiedWithOne() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();

        deliver(delivery(false), "other", CSP_AND_PERMISSIONS);

        assertEquals(List.of(), observers.cspAtItsEndpoint);
        assertEquals(2, observers.reports.size());
    }

    @Test
    void malformedReportsAreCountedAndLoggedOncePerCauseAndTheOthersDelivered() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();
        BeaconDelivery delivery = delivery(false);

        deliver(delivery, "other", "[7, {\"type\":\"intervention\",\"body\":{}}]");
        deliver(delivery, "other", "[8, {\"body\":{}}]");

        assertEquals(List.of("intervention"), observers.reports.stream().map(Report::type).toList());
        assertEquals(3, statistics().malformedReports());
        assertEquals(2, log.at(Level.WARNING).size(), log::toString);
        assertTrue(log.at(Level.WARNING).get(0).contains("a report that is not a JSON object"), log::toString);
    }

    @Test
    void aFailingReportObserverKeepsNoOtherObserverFromItsReport() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();

        deliver(delivery(false), "other", "[{\"type\":\"deprecation\",\"body\":{\"id\":\"UnloadHandler\"}}]");

        assertEquals(List.of("deprecation"), observers.reports.stream().map(Report::type).toList());
        assertEquals(1, statistics().observerFailures());
        assertTrue(log.at(Level.WARNING).stream().anyMatch(line -> line.startsWith("Beacon observer " + ReportObservers.class.getName()
                + "#onDeprecation failed on a 'deprecation' report to endpoint 'other'")), log::toString);
    }

    @Test
    void violationsOfBrowserExtensionsAreCountedNotDeliveredWhenSoConfigured() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();
        String batch = "[{\"type\":\"csp-violation\",\"body\":{\"sourceFile\":\"chrome-extension://abc/inject.js\"}},"
                + "{\"type\":\"csp-violation\",\"body\":{\"blockedURL\":\"https://tracker.example/p.gif\"}}]";

        deliver(delivery(true), "csp", batch);

        assertEquals(List.of("https://tracker.example/p.gif"), observers.cspAtItsEndpoint.stream().map(v -> v.blockedURL().orElseThrow()).toList());
        assertEquals(1, observers.reports.size());
        assertEquals(1, observers.beacons.size(), "beacon observers still get the whole batch");
        assertEquals(1, statistics().extensionReportsDropped());
    }

    @Test
    void violationsTheirOwnPolicyAllowsAreLeftOutAndCountedOnlyWhenSoConfigured() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();
        String impossible = "[{\"type\":\"csp-violation\",\"body\":{\"documentURL\":\"https://shop.example/\",\"effectiveDirective\":\"img-src\","
                + "\"originalPolicy\":\"img-src 'self' https://cdn.example\",\"blockedURL\":\"https://cdn.example/a.png\"}}]";
        String possible = impossible.replace("https://cdn.example/a.png", "https://ads.example/a.png");
        BeanManager beanManager = weld.select(BeanManager.class).get();
        BeaconDelivery dropping = new BeaconDelivery(() -> beanManager, () -> ObserverThreads.CONTAINERS, new InFlightBudget(10, Long.MAX_VALUE),
                Duration.ZERO, new ReportRules(false, true, IgnoreRules.NONE, ReportRollups.OFF, false), BeaconSampling.NONE);
        assertTrue(dropping.isReady());

        deliver(dropping, "csp", impossible);
        deliver(dropping, "csp", possible);
        deliver(delivery(false), "csp", impossible);

        assertEquals(List.of("https://ads.example/a.png", "https://cdn.example/a.png"),
                observers.cspAtItsEndpoint.stream().map(v -> v.blockedURL().orElseThrow()).toList(), "the impossible one only by default");
        assertEquals(1, statistics().impossibleReportsDropped());
    }

    @Test
    void violationsAnIgnoreRuleMatchesAreLeftOutAndCountedUnderTheRule() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();
        BeanManager beanManager = weld.select(BeanManager.class).get();
        BeaconDelivery ignoring = new BeaconDelivery(() -> beanManager, () -> ObserverThreads.CONTAINERS, new InFlightBudget(10, Long.MAX_VALUE),
                Duration.ZERO, new ReportRules(false, false, IgnoreRules.of(List.of("*.ads.example"), List.of(), true), ReportRollups.OFF, false), BeaconSampling.NONE);
        assertTrue(ignoring.isReady());

        deliver(ignoring, "csp", "[{\"type\":\"csp-violation\",\"body\":{\"blockedURL\":\"https://x.ads.example/p.gif\"}},"
                + "{\"type\":\"csp-violation\",\"body\":{\"blockedURL\":\"https://y.ads.example/p.gif\"}},"
                + "{\"type\":\"csp-violation\",\"body\":{\"blockedURL\":\"inline\",\"sourceFile\":\"symres://norton/inject.js\"}},"
                + "{\"type\":\"csp-violation\",\"body\":{\"blockedURL\":\"https://cdn.example/a.js\"}}]");

        assertEquals(List.of("https://cdn.example/a.js"), observers.cspAtItsEndpoint.stream().map(v -> v.blockedURL().orElseThrow()).toList());
        assertEquals(Map.of("*.ads.example", 2L, "symres:", 1L), statistics().ignoredReportsByRule());
        assertEquals(3, statistics().ignoredReports());
        assertEquals(1, observers.beacons.size(), "beacon observers still get the whole batch");
    }

    @Test
    void violationsOfBrowserExtensionsAreDeliveredByDefault() throws Exception {
        ReportObservers observers = weld.select(ReportObservers.class).get();

        deliver(delivery(false), "csp", "[{\"type\":\"csp-violation\",\"body\":{\"sourceFile\":\"moz-extension://abc/inject.js\"}}]");

        assertEquals(1, observers.cspAtItsEndpoint.size());
        assertEquals(0, statistics().extensionReportsDropped());
    }

    private BeaconDelivery delivery(boolean dropExtensionViolations) {
        BeanManager beanManager = weld.select(BeanManager.class).get();
        BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, dropExtensionViolations);
        assertTrue(delivery.isReady());
        return delivery;
    }

    private static void deliver(BeaconDelivery delivery, String endpoint, String batch) {
        byte[] body = batch.getBytes(StandardCharsets.UTF_8);
        Beacon beacon = Beacon.builder(endpoint, "/beacon/" + endpoint).contentType(ContentType.parse("application/reports+json"))
                .body(body).build();
        Admission.Ticket ticket = delivery.reserve(beacon);
        assertEquals(InFlightBudget.Reservation.TAKEN, ticket.outcome());
        delivery.deliver(ticket);
    }

    private BeaconStatistics statistics() {
        return weld.select(BeaconStatistics.class).get();
    }

    /** A singleton, not proxied: the test reads its fields. */
    @Singleton
    static class ReportObservers {
        final List<CspViolation> cspAtItsEndpoint = new CopyOnWriteArrayList<>();
        final List<Report> reports = new CopyOnWriteArrayList<>();
        final List<Beacon> beacons = new CopyOnWriteArrayList<>();
        final CountDownLatch permissionsAsync = new CountDownLatch(1);

        void onCsp(@Observes @BeaconEndpoint("csp") CspViolation violation) {
            cspAtItsEndpoint.add(violation);
        }

        void onReport(@Observes Report report) {
            reports.add(report);
        }

        void onBeacon(@Observes Beacon beacon) {
            beacons.add(beacon);
        }

        void onPermissions(@ObservesAsync PermissionsPolicyViolation violation) {
            assertFalse(violation.featureId().isEmpty());
            permissionsAsync.countDown();
        }

        void onDeprecation(@Observes DeprecationReport deprecation) {
            throw new IllegalStateException("an observer's bug");
        }
    }
}
