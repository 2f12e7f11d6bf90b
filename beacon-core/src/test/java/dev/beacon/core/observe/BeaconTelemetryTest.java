package dev.beacon.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.BeaconStatistics;
import dev.beacon.core.cdi.BeaconExtension;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the application has an {@link OpenTelemetry} bean (here, the SDK with an in-memory reader, as
 * MicroProfile Telemetry would provide it), the counters are its instruments, read when it collects.
 */
class BeaconTelemetryTest {

    private static InMemoryMetricReader reader;
    private OpenTelemetrySdk sdk;

    @BeforeEach
    void startTheSdk() {
        reader = InMemoryMetricReader.create();
        sdk = OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();
        Telemetry.sdk = sdk;
    }

    @AfterEach
    void stopTheSdk() {
        sdk.close();
    }

    @Test
    void countersAreReadAsInstrumentsOfTheDevBeaconMeterAndRejectionsByStatus() {
        try (WeldContainer weld = application()) {
            BeaconCounters statistics = weld.select(BeaconExtension.class).get().counters();
            statistics.countAccepted();
            statistics.countAccepted();
            statistics.countAccepted();
            statistics.countDelivered();
            statistics.countRejected(415);
            statistics.countRejected(415);
            statistics.countRejected(429);

            Map<String, MetricData> metrics = beaconMetrics();
            assertEquals(3, value(metrics.get("beacon.accepted")));
            assertEquals(1, value(metrics.get("beacon.delivered")));
            assertEquals(2, value(metrics.get("beacon.in_flight")));
            assertEquals(0, value(metrics.get("beacon.observer_failures")));
            assertTrue(metrics.get("beacon.accepted").getLongSumData().isMonotonic());
            assertFalse(metrics.get("beacon.in_flight").getLongSumData().isMonotonic(), "in flight goes down too");
            assertEquals("dev.beacon", metrics.get("beacon.accepted").getInstrumentationScopeInfo().getName());
            assertEquals("{beacon}", metrics.get("beacon.accepted").getUnit());
            assertEquals(Map.of(415L, 2L, 429L, 1L), metrics.get("beacon.rejected").getLongSumData().getPoints().stream()
                    .collect(Collectors.toMap(point -> point.getAttributes().get(AttributeKey.longKey("http.response.status_code")),
                            LongPointData::getValue)));
            assertTrue(metrics.keySet().containsAll(Set.of("beacon.duplicates", "beacon.reports.malformed",
                    "beacon.reports.extension_dropped", "beacon.reports.impossible_dropped", "beacon.reports.ignored", "beacon.reports.sampled_out", "beacon.reports.overflowed", "beacon.sampled_out")), metrics::toString);
        }
    }

    @Test
    void instrumentsAreClosedWhenTheApplicationStops() {
        try (WeldContainer weld = application()) {
            weld.select(BeaconExtension.class).get().counters().countAccepted();
            assertTrue(beaconMetrics().containsKey("beacon.accepted"));
        }

        assertEquals(Map.of(), beaconMetrics(), "a stopped application's counters are no longer reported");
    }

    private static WeldContainer application() {
        return new Weld().disableDiscovery().addExtension(new BeaconExtension()).addBeanClass(Telemetry.class).initialize();
    }

    private static Map<String, MetricData> beaconMetrics() {
        return reader.collectAllMetrics().stream().filter(metric -> metric.getName().startsWith("beacon."))
                .collect(Collectors.toMap(MetricData::getName, metric -> metric));
    }

    private static long value(MetricData metric) {
        return metric.getLongSumData().getPoints().iterator().next().getValue();
    }

    /** What MicroProfile Telemetry does for an application: an {@code OpenTelemetry} bean. */
    @ApplicationScoped
    static class Telemetry {

        static OpenTelemetrySdk sdk;

        @Produces
        OpenTelemetry openTelemetry() {
            return sdk;
        }
    }
}
