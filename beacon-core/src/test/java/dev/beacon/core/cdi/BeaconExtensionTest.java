package dev.beacon.core.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.core.observe.BeaconMetrics;
import dev.beacon.core.observe.BeaconTelemetry;
import dev.beacon.report.CspViolation;
import dev.beacon.report.Report;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.RecordingObservers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BeaconExtensionTest {

    private LogRecords records;

    @BeforeEach
    void capture() {
        records = LogRecords.of(BeaconExtension.class);
    }

    @AfterEach
    void release() {
        records.close();
    }

    @Test
    void warnsAtDeploymentWhenNoObserverReceivesBeacons() {
        BeaconExtension check = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(check).addBeanClass(Unrelated.class).initialize()) {
            assertEquals(0, check.observerCount());
            assertTrue(records.at(Level.WARNING).stream().anyMatch(message -> message.contains("No observer method receives Beacon, Report or typed payload events")),
                    records::toString);
        }
    }

    @Test
    void refusesAtDeploymentAnObserverOfBeaconsThatWaitsForATransactionWithTheReasonAndTheFix() {
        Weld weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClass(TransactionalObserver.class);

        RuntimeException refused = assertThrows(RuntimeException.class, weld::initialize);

        String messages = messagesOf(refused);
        assertTrue(messages.contains("Beacon observer " + TransactionalObserver.class.getName() + "#onBeacon observes dev.beacon.Beacon with"
                + " during = TransactionPhase.AFTER_SUCCESS, which the library cannot honour"), messages);
        assertTrue(messages.contains("Remove 'during'"), messages);
    }

    @Test
    void refusesAtDeploymentEveryObserverItCannotServeInOneFailure() {
        Weld weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClasses(TransactionalObserver.class, MetadataObserver.class);

        String messages = messagesOf(assertThrows(RuntimeException.class, weld::initialize));

        assertTrue(messages.contains("Beacon observer " + TransactionalObserver.class.getName() + "#onBeacon observes dev.beacon.Beacon with during"), messages);
        assertTrue(messages.contains("Beacon observer " + MetadataObserver.class.getName() + "#onBeacon observes dev.beacon.Beacon and injects"), messages);
    }

    @Test
    void refusesAtDeploymentASynchronousObserverOfBeaconsThatInjectsEventMetadata() {
        Weld weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClass(MetadataObserver.class);

        String messages = messagesOf(assertThrows(RuntimeException.class, weld::initialize));

        assertTrue(messages.contains("Beacon observer " + MetadataObserver.class.getName() + "#onBeacon observes dev.beacon.Beacon and injects"
                + " EventMetadata, which the library cannot give a synchronous observer"), messages);
        assertTrue(messages.contains("the endpoint is beacon.endpoint()"), messages);
    }

    @Test
    void refusesAtDeploymentAnObserverOfAnEndpointWhoseTypeNoBeaconCanBeBoundToNamingItsMethodTheReasonAndWhatToObserveInstead() {
        Map<Class<?>, String> reasons = Map.of(
                TextObserver.class, "not to a String",
                MapObserver.class, "never a parameterized type such as java.util.Map<java.lang.String, java.lang.String>",
                PrimitiveObserver.class, "with the body's properties, not to a ",
                InterfaceObserver.class, "JSON-B cannot construct an interface or an abstract class",
                AbstractClassObserver.class, "JSON-B cannot construct an interface or an abstract class",
                InnerClassObserver.class, "JSON-B cannot construct an inner class without its outer instance; make it static",
                UnconstructibleObserver.class, "JSON-B cannot construct Unconstructible: it has neither a constructor without arguments"
                        + " nor one marked @JsonbCreator");
        reasons.forEach((observer, reason) -> {
            Weld weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClass(observer);

            String messages = messagesOf(assertThrows(RuntimeException.class, weld::initialize));

            assertTrue(messages.contains("Beacon observer " + observer.getName() + "#on observes "), messages);
            assertTrue(messages.contains(" at endpoint 'vitals', which no beacon can be bound to: "), messages);
            assertTrue(messages.contains(reason), messages);
            assertTrue(messages.contains("Observe Beacon and read beacon.text(), beacon.json() or beacon.form()"), messages);
        });
    }

    @Test
    void acceptsObserversOfAnEndpointWhoseTypeABeaconCanBeBoundTo() {
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension())
                .addBeanClasses(OrderPayloadObserver.class, BeanPayloadObserver.class, CreatorPayloadObserver.class).initialize()) {
            assertEquals(Set.of(Order.class, Bean.class, Created.class),
                    Set.copyOf(weld.select(BeaconExtension.class).get().observedEndpoints().payloadTypesOf("vitals")));
            assertEquals(List.of(), records.at(Level.WARNING), "records, public fields and creators bind what they declare");
        }
    }

    @Test
    void warnsOnceAtDeploymentOfAPayloadClassWhoseFieldsJsonbNeverSetsNamingThemAndTheFix() {
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension())
                .addBeanClass(HiddenFieldsObserver.class).initialize()) {
            List<String> warnings = records.at(Level.WARNING);

            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).contains("' as " + HiddenFields.class.getName()
                    + " has field(s) 'name', 'value' that JSON-B never sets: they are private or final, with no public setter,"
                    + " so every beacon would reach observers with them empty. Make HiddenFields a record, or give those fields"
                    + " public setters."), warnings.get(0));
            assertEquals(List.of(HiddenFields.class), weld.select(BeaconExtension.class).get().observedEndpoints().payloadTypesOf("vitals"),
                    "a warning, not a refusal: the fields may be filled some other way");
        }
    }

    @Test
    void leavesTransactionalObserversOfTheApplicationsOwnEventsAlone() {
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClass(OrderObserver.class)
                .initialize()) {
            assertTrue(weld.isRunning());
        }
    }

    @Test
    void countsObserversAndStaysQuietWhenThereAreSome() {
        BeaconExtension check = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(check).addBeanClass(RecordingObservers.class).initialize()) {
            assertEquals(5, check.observerCount());
            assertEquals(List.of(), records.at(Level.WARNING));
        }
    }

    @Test
    void recordsTheEndpointsWhoseReportsAreObservedSoThatNoOtherIsReadForReports() {
        BeaconExtension qualified = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(qualified).addBeanClass(CspObserver.class).initialize()) {
            assertTrue(qualified.observedEndpoints().hasReportObservers("csp"));
            assertFalse(qualified.observedEndpoints().hasReportObservers("default"));
            assertEquals(1, qualified.observerCount());
            assertEquals(List.of(), records.at(Level.WARNING), "a report observer is an observer");
        }
        BeaconExtension unqualified = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(unqualified).addBeanClass(ReportObserver.class).initialize()) {
            assertTrue(unqualified.observedEndpoints().hasReportObservers("any-name"));
        }
        BeaconExtension none = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(none).addBeanClass(BeaconObserver.class).initialize()) {
            assertFalse(none.observedEndpoints().hasReportObservers("csp"));
        }
    }

    /**
     * The test's class path has the MicroProfile Metrics and OpenTelemetry APIs and nothing that provides their
     * beans, as a WAR carrying the API jars would.
     */
    @Test
    void theMetricsApisWithoutARegistryOrAnOpenTelemetryBeanNeitherFailTheDeploymentNorWarn() {
        BeaconExtension extension = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(extension).addBeanClass(BeaconObserver.class).initialize()) {
            assertTrue(weld.select(BeaconMetrics.class).isResolvable(), "the gauges' bean is there, and found nothing to register with");
            assertTrue(weld.select(BeaconTelemetry.class).isResolvable(), "the instruments' bean is there, and found no OpenTelemetry bean");
            assertEquals(List.of(), records.at(Level.WARNING));
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class Unrelated {
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class BeaconObserver {
        void on(@Observes @BeaconEndpoint("csp") Beacon beacon) {
            // recorded at deployment; never called here
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class CspObserver {
        void on(@Observes @BeaconEndpoint("csp") CspViolation violation) {
            // recorded at deployment; never called here
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class ReportObserver {
        void on(@ObservesAsync Report report) {
            // recorded at deployment; never called here
        }
    }

    private static String messagesOf(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @ApplicationScoped
    static class TransactionalObserver {
        void onBeacon(@Observes(during = TransactionPhase.AFTER_SUCCESS) Beacon beacon) {
        }
    }

    @ApplicationScoped
    static class MetadataObserver {
        void onBeacon(@Observes @BeaconEndpoint("csp") Beacon beacon, EventMetadata metadata) {
        }
    }

    record Order(String id) {
    }

    public static class Bean {
        public String id;
    }

    public static final class Created {
        private final String id;

        @JsonbCreator
        public Created(@JsonbProperty("id") String id) {
            this.id = id;
        }
    }

    /** What a newcomer writes after a JPA entity: private fields, a getter, no setters; JSON-B sets none of them. */
    public static class HiddenFields {
        private String name;
        private double value;
        private final long seen = 0;
        private transient String cache;
        @JsonbTransient
        private String ignored;

        public void setSeen(long seen) {
        }

        public String getName() {
            return name;
        }
    }

    @ApplicationScoped
    static class HiddenFieldsObserver {
        void on(@Observes @BeaconEndpoint("vitals") HiddenFields fields) {
        }

        void onOther(@Observes @BeaconEndpoint("others") HiddenFields fields) {
        }
    }

    public static final class Unconstructible {
        public Unconstructible(String id) {
        }
    }

    @ApplicationScoped
    static class TextObserver {
        void on(@Observes @BeaconEndpoint("vitals") String body) {
        }
    }

    @ApplicationScoped
    static class MapObserver {
        void on(@Observes @BeaconEndpoint("vitals") Map<String, String> fields) {
        }
    }

    @ApplicationScoped
    static class PrimitiveObserver {
        void on(@Observes @BeaconEndpoint("vitals") double value) {
        }
    }

    public interface Metric {
        String name();
    }

    public abstract static class AbstractMetric {
        public String name;
    }

    /** Needs an instance of the test to be made. */
    public final class InnerMetric {
        public String name;
    }

    @ApplicationScoped
    static class InterfaceObserver {
        void on(@Observes @BeaconEndpoint("vitals") Metric payload) {
        }
    }

    @ApplicationScoped
    static class AbstractClassObserver {
        void on(@Observes @BeaconEndpoint("vitals") AbstractMetric payload) {
        }
    }

    @ApplicationScoped
    static class InnerClassObserver {
        void on(@Observes @BeaconEndpoint("vitals") InnerMetric payload) {
        }
    }

    @ApplicationScoped
    static class UnconstructibleObserver {
        void on(@Observes @BeaconEndpoint("vitals") Unconstructible payload) {
        }
    }

    @ApplicationScoped
    static class OrderPayloadObserver {
        void on(@Observes @BeaconEndpoint("vitals") Order order) {
        }
    }

    @ApplicationScoped
    static class BeanPayloadObserver {
        void on(@Observes @BeaconEndpoint("vitals") Bean bean) {
        }
    }

    @ApplicationScoped
    static class CreatorPayloadObserver {
        void on(@Observes @BeaconEndpoint("vitals") Created created) {
        }
    }

    @ApplicationScoped
    static class OrderObserver {
        void onOrder(@Observes(during = TransactionPhase.AFTER_SUCCESS) Order order) {
        }
    }
}
