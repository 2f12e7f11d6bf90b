package dev.beacon.core.observe;

import dev.beacon.BeaconStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application's counters, which the library alone changes: what applications inject is this object, typed as the
 * read-only {@link BeaconStatistics} ({@code BeaconExtension} registers it), and its counting methods are the
 * library's own.
 */
public final class BeaconCounters implements BeaconStatistics {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder observerFailures = new LongAdder();
    private final LongAdder malformedReports = new LongAdder();
    private final LongAdder extensionReportsDropped = new LongAdder();
    private final LongAdder impossibleReportsDropped = new LongAdder();
    private final LongAdder reportsSampledOut = new LongAdder();
    private final LongAdder reportsOverflowed = new LongAdder();
    private final LongAdder beaconsSampledOut = new LongAdder();
    private final Map<String, LongAdder> ignoredReports = new ConcurrentHashMap<>();
    private final LongAdder duplicates = new LongAdder();
    private final Map<Integer, LongAdder> rejected = new ConcurrentHashMap<>();

    @Override
    public long accepted() {
        return accepted.sum();
    }

    @Override
    public long delivered() {
        return delivered.sum();
    }

    @Override
    public long observerFailures() {
        return observerFailures.sum();
    }

    @Override
    public long malformedReports() {
        return malformedReports.sum();
    }

    @Override
    public long extensionReportsDropped() {
        return extensionReportsDropped.sum();
    }

    @Override
    public long impossibleReportsDropped() {
        return impossibleReportsDropped.sum();
    }

    @Override
    public long ignoredReports() {
        return ignoredReports.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public Map<String, Long> ignoredReportsByRule() {
        Map<String, Long> byRule = new TreeMap<>();
        ignoredReports.forEach((rule, count) -> byRule.put(rule, count.sum()));
        return byRule;
    }

    @Override
    public long reportsSampledOut() {
        return reportsSampledOut.sum();
    }

    @Override
    public long reportsOverflowed() {
        return reportsOverflowed.sum();
    }

    @Override
    public long beaconsSampledOut() {
        return beaconsSampledOut.sum();
    }

    @Override
    public long duplicates() {
        return duplicates.sum();
    }

    @Override
    public Map<Integer, Long> rejectedByStatus() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        rejected.forEach((status, count) -> byStatus.put(status, count.sum()));
        return byStatus;
    }

    public void countAccepted() {
        accepted.increment();
    }

    /** A beacon counted accepted, then refused after all: its sinks did not store it in time. */
    public void uncountAccepted() {
        accepted.decrement();
    }

    public void countDelivered() {
        delivered.increment();
    }

    void countObserverFailure() {
        observerFailures.increment();
    }

    public void countMalformedReport() {
        malformedReports.increment();
    }

    public void countExtensionReportDropped() {
        extensionReportsDropped.increment();
    }

    public void countImpossibleReportDropped() {
        impossibleReportsDropped.increment();
    }

    /**
     * @param rule the ignore rule that matched: one of the few the application configured, or of the library's list
     */
    public void countIgnoredReport(String rule) {
        ignoredReports.computeIfAbsent(rule, key -> new LongAdder()).increment();
    }

    public void countReportSampledOut() {
        reportsSampledOut.increment();
    }

    public void countReportOverflowed() {
        reportsOverflowed.increment();
    }

    public void countBeaconSampledOut() {
        beaconsSampledOut.increment();
    }

    public void countDuplicate() {
        duplicates.increment();
    }

    public void countRejected(int status) {
        rejected.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    @Override
    public String toString() {
        return "accepted=" + accepted() + " delivered=" + delivered() + " observerFailures=" + observerFailures()
                + " rejectedByStatus=" + rejectedByStatus();
    }
}
