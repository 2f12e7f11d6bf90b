package dev.beacon;

import java.util.Map;

/**
 * What the beacon endpoints of this application have done since it started, for a health page or a
 * metrics exporter:
 * <pre>{@code
 * @Inject BeaconStatistics beacons;
 *
 * boolean observersKeepUp = beacons.inFlight() < 1_000;
 * long refusedAsTooLarge = beacons.rejectedByStatus().getOrDefault(413, 0L);
 * }</pre>
 * A beacon counts as delivered once every synchronous and asynchronous observer has returned or
 * thrown; one that threw also counts in {@link #observerFailures()}. Only the library counts: this is a view, and
 * nothing in it changes what it reads.
 */
public interface BeaconStatistics {

    /**
     * @return beacons answered {@code 204} and handed to observers
     */
    long accepted();

    /**
     * @return accepted beacons that every observer has finished with
     */
    long delivered();

    /**
     * @return accepted beacons some observer is still working on
     */
    default long inFlight() {
        return Math.max(0, accepted() - delivered());
    }

    /**
     * @return observer invocations that threw, and sinks' calls that threw
     */
    long observerFailures();

    /**
     * @return reports left out of the batches they came in because they were not reports (not an
     *         object, no {@code type}); the other reports of their batches were delivered
     */
    long malformedReports();

    /**
     * @return CSP violations caused by browser extensions and not delivered, as
     *         {@code beacon.csp.drop-extension-violations} asks
     */
    long extensionReportsDropped();

    /**
     * @return CSP violations whose own policy allows what they blocked ({@link dev.beacon.report.CspViolation#isAllowedByItsPolicy()})
     *         and not delivered, as {@code beacon.csp.drop-impossible-violations} asks
     */
    long impossibleReportsDropped();

    /**
     * @return CSP violations not delivered because an ignore rule matched them ({@code beacon.csp.ignore-urls},
     *         {@code beacon.csp.ignore-samples}, {@code beacon.csp.ignore-known-noise})
     */
    long ignoredReports();

    /**
     * @return the same, by the rule that matched, as the rule is written, in the rules' alphabetical order
     */
    Map<String, Long> ignoredReportsByRule();

    /**
     * @return reports accepted but not delivered one by one, as {@code beacon.reports.deliver-first} and
     *         {@code beacon.reports.sample-rate} ask; each still counts in its {@link dev.beacon.report.ReportRollup}
     *         where rollups are on
     */
    long reportsSampledOut();

    /**
     * @return reports counted in their endpoint's overflow {@link dev.beacon.report.ReportRollup}, their fault being past
     *         {@code beacon.reports.max-fingerprints} in its window
     */
    long reportsOverflowed();

    /**
     * @return beacons answered {@code 204} and written to the sinks but not delivered to observers, as
     *         {@code beacon.sample-rates} asks for their endpoint
     */
    long beaconsSampledOut();

    /**
     * @return beacons answered {@code 204} but not delivered, as duplicates of one accepted with the same bytes within
     *         {@code beacon.duplicate-window}, or with the same {@link Beacon#id() id} within {@code beacon.duplicate-id-window}
     */
    long duplicates();

    /**
     * @return requests to beacon paths that were refused, by HTTP status, in status order
     */
    Map<Integer, Long> rejectedByStatus();
}
