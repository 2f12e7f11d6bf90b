package dev.beacon.core.rollup;

import dev.beacon.report.Report;
import dev.beacon.report.ReportRollup;
import java.time.Instant;

/** One fingerprint's reports in one window, counted as they arrive; its own lock, so that faults count side by side. */
final class Tally {

    private final String endpoint;
    private final String fingerprint;
    private final Report sample;
    private final DistinctEstimate pages = new DistinctEstimate();
    private final DistinctEstimate clients = new DistinctEstimate();
    private long count;
    private long delivered;
    private Instant firstSeen;
    private Instant lastSeen;

    /**
     * @param endpoint the reports' endpoint
     * @param fingerprint their fingerprint, or {@link ReportRollup#OVERFLOW}
     * @param sample the first of them
     */
    Tally(String endpoint, String fingerprint, Report sample) {
        this.endpoint = endpoint;
        this.fingerprint = fingerprint;
        this.sample = sample;
    }

    /**
     * Counts a report.
     *
     * @param report the report
     * @return its number in the window, from 1
     */
    synchronized long count(Report report) {
        Instant at = report.beacon().receivedAt();
        if (firstSeen == null || at.isBefore(firstSeen)) {
            firstSeen = at;
        }
        if (lastSeen == null || at.isAfter(lastSeen)) {
            lastSeen = at;
        }
        pages.add(report.url().map(Tally::withoutQuery).orElse(null));
        clients.add(report.beacon().clientAddress().orElse(null));
        return ++count;
    }

    /** @return whether it counts the reports of the faults past the most a window keeps */
    boolean isOverflow() {
        return ReportRollup.OVERFLOW.equals(fingerprint);
    }

    /** A page is its URL without query and fragment, which vary between visits, as in the fingerprint. */
    private static String withoutQuery(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                return url.substring(0, i);
            }
        }
        return url;
    }

    /** Counts, of the reports counted, one that was delivered one by one. */
    synchronized void countDelivered() {
        delivered++;
    }

    /**
     * @return the window's rollup of these reports
     */
    synchronized ReportRollup rollup(Instant windowStart, Instant windowEnd) {
        return new ReportRollup(endpoint, fingerprint, sample.type(), count, delivered, firstSeen, lastSeen, pages.estimate(),
                clients.estimate(), sample, windowStart, windowEnd);
    }
}
