package dev.beacon.core.observe;

import dev.beacon.BeaconStatistics;
import java.util.function.ToLongFunction;

/**
 * The application's counters as {@link StatisticsPublisher}, {@link BeaconMetrics} and {@link BeaconTelemetry} publish
 * them: each with its JMX attribute, its MicroProfile Metrics name, its OpenTelemetry instrument name and unit, and one
 * description for all. The one list of them: a counter added here is published every way. The rejections are left
 * out: JMX keeps a table of them, a gauge sums them, an instrument keeps one series per status.
 */
enum PublishedCounter {

    ACCEPTED("accepted", "beacon.accepted", Units.BEACONS, "Beacons answered 204 and handed to observers", BeaconStatistics::accepted),
    DELIVERED("delivered", "beacon.delivered", Units.BEACONS, "Accepted beacons every observer has finished with",
            BeaconStatistics::delivered),
    IN_FLIGHT("inFlight", "beacon.in_flight", Units.BEACONS, "Accepted beacons some observer is still working on",
            BeaconStatistics::inFlight),
    OBSERVER_FAILURES("observerFailures", "beacon.observer_failures", "{invocation}", "Observer invocations that threw",
            BeaconStatistics::observerFailures),
    DUPLICATES("duplicates", "beacon.duplicates", Units.BEACONS, "Beacons answered but not delivered again, as duplicates",
            BeaconStatistics::duplicates),
    MALFORMED_REPORTS("malformedReports", "beacon.reports.malformed", Units.REPORTS, "Reports left out of their batches",
            BeaconStatistics::malformedReports),
    EXTENSION_REPORTS_DROPPED("extensionReportsDropped", "beacon.reports.extension_dropped", Units.REPORTS,
            "CSP violations of browser extensions not delivered", BeaconStatistics::extensionReportsDropped),
    IMPOSSIBLE_REPORTS_DROPPED("impossibleReportsDropped", "beacon.reports.impossible_dropped", Units.REPORTS,
            "CSP violations their own policy allows, not delivered", BeaconStatistics::impossibleReportsDropped),
    IGNORED_REPORTS("ignoredReports", "beacon.reports.ignored", Units.REPORTS, "CSP violations an ignore rule matched, not delivered",
            BeaconStatistics::ignoredReports),
    REPORTS_SAMPLED_OUT("reportsSampledOut", "beacon.reports.sampled_out", Units.REPORTS,
            "Reports counted in their rollups but not delivered one by one", BeaconStatistics::reportsSampledOut),
    REPORTS_OVERFLOWED("reportsOverflowed", "beacon.reports.overflowed", Units.REPORTS,
            "Reports counted in an overflow rollup, their fault past the most a window keeps", BeaconStatistics::reportsOverflowed),
    BEACONS_SAMPLED_OUT("beaconsSampledOut", "beacon.sampled_out", Units.BEACONS, "Beacons accepted but not delivered to observers, as sampled",
            BeaconStatistics::beaconsSampledOut);

    /** What both say of the rejections, which each counts its own way. */
    static final String REJECTED = "Requests to beacon paths that were refused";

    private final String attributeName;
    private final String metricName;
    private final String instrumentName;
    private final String unit;
    private final String description;
    private final ToLongFunction<BeaconStatistics> reading;

    PublishedCounter(String metricName, String instrumentName, String unit, String description, ToLongFunction<BeaconStatistics> reading) {
        this.attributeName = Character.toUpperCase(metricName.charAt(0)) + metricName.substring(1);
        this.metricName = "beacon." + metricName;
        this.instrumentName = instrumentName;
        this.unit = unit;
        this.description = description;
        this.reading = reading;
    }

    /** @return its JMX attribute's name, e.g. {@code InFlight} */
    String attributeName() {
        return attributeName;
    }

    /** @return its MicroProfile Metrics name, e.g. {@code beacon.inFlight} */
    String metricName() {
        return metricName;
    }

    /** @return its OpenTelemetry instrument name, e.g. {@code beacon.in_flight} */
    String instrumentName() {
        return instrumentName;
    }

    /** @return its OpenTelemetry unit, e.g. <code>{beacon}</code> */
    String unit() {
        return unit;
    }

    String description() {
        return description;
    }

    /** @return whether it only ever grows: all but the beacons in flight */
    boolean isMonotonic() {
        return this != IN_FLIGHT;
    }

    /** @return its value now */
    long readFrom(BeaconStatistics statistics) {
        return reading.applyAsLong(statistics);
    }

    /** The OpenTelemetry annotations of what is counted. */
    static final class Units {
        static final String BEACONS = "{beacon}";
        static final String REPORTS = "{report}";

        private Units() {
        }
    }
}
