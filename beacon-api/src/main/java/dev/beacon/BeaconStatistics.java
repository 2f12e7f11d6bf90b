package dev.beacon;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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
 * thrown; one that threw also counts in {@link #observerFailures()}.
 */
@ApplicationScoped
public class BeaconStatistics {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder observerFailures = new LongAdder();
    private final LongAdder malformedReports = new LongAdder();
    private final LongAdder extensionReportsDropped = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<Integer, LongAdder> rejected = new ConcurrentHashMap<>();

    /**
     * @return beacons answered {@code 204} and handed to observers
     */
    public long accepted() {
        return accepted.sum();
    }

    /**
     * @return accepted beacons that every observer has finished with
     */
    public long delivered() {
        return delivered.sum();
    }

    /**
     * @return accepted beacons some observer is still working on
     */
    public long inFlight() {
        return Math.max(0, accepted.sum() - delivered.sum());
    }

    /**
     * @return observer invocations that threw
     */
    public long observerFailures() {
        return observerFailures.sum();
    }

    /**
     * @return reports left out of the batches they came in because they were not reports (not an
     *         object, no {@code type}); the other reports of their batches were delivered
     */
    public long malformedReports() {
        return malformedReports.sum();
    }

    /**
     * @return CSP violations caused by browser extensions and not delivered, as
     *         {@link BeaconConfig#DROP_EXTENSION_VIOLATIONS} asks
     */
    public long extensionReportsDropped() {
        return extensionReportsDropped.sum();
    }

    /**
     * @return beacons answered {@code 204} but not delivered, as duplicates of one accepted within
     *         {@link BeaconConfig#DUPLICATE_WINDOW}
     */
    public long duplicates() {
        return duplicates.sum();
    }

    /**
     * @return requests to beacon paths that were refused, by HTTP status, in status order
     */
    public Map<Integer, Long> rejectedByStatus() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        rejected.forEach((status, count) -> byStatus.put(status, count.sum()));
        return byStatus;
    }

    /**
     * Counts a beacon accepted. Called by the library.
     */
    public void countAccepted() {
        accepted.increment();
    }

    /**
     * Counts a beacon whose observers have all finished. Called by the library.
     */
    public void countDelivered() {
        delivered.increment();
    }

    /**
     * Counts an observer that threw. Called by the library.
     */
    public void countObserverFailure() {
        observerFailures.increment();
    }

    /**
     * Counts a report left out of its batch. Called by the library.
     */
    public void countMalformedReport() {
        malformedReports.increment();
    }

    /**
     * Counts a CSP violation of a browser extension that was not delivered. Called by the library.
     */
    public void countExtensionReportDropped() {
        extensionReportsDropped.increment();
    }

    /**
     * Counts a duplicate beacon. Called by the library.
     */
    public void countDuplicate() {
        duplicates.increment();
    }

    /**
     * Counts a refused request. Called by the library.
     *
     * @param status the HTTP status it was answered with
     */
    public void countRejected(int status) {
        rejected.computeIfAbsent(status, key -> new LongAdder()).increment();
    }
}
