package dev.beacon.core.rollup;

import dev.beacon.report.Report;
import dev.beacon.report.ReportRollup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reports of one window, one {@link Tally} per endpoint and fingerprint, up to a number of fingerprints; past it,
 * the reports of a fingerprint not yet seen count in their endpoint's overflow tally, so that a flood of made-up blocked
 * hosts costs no more memory than the cap.
 */
final class ReportWindow {

    private final Instant start;
    private final int maxFingerprints;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger fingerprints = new AtomicInteger();

    ReportWindow(Instant start, int maxFingerprints) {
        this.start = start;
        this.maxFingerprints = maxFingerprints;
    }

    /**
     * @param report a report accepted in this window
     * @return its fingerprint's tally, or its endpoint's overflow tally past the cap
     */
    Tally tallyOf(Report report) {
        String endpoint = report.endpoint();
        Key key = new Key(endpoint, report.fingerprint());
        Tally tally = tallies.get(key);
        if (tally != null) {
            return tally;
        }
        // Claims a place before making the tally: the cap holds however many threads race past the lookup.
        if (fingerprints.incrementAndGet() > maxFingerprints) {
            fingerprints.decrementAndGet();
            return tallies.computeIfAbsent(new Key(endpoint, ReportRollup.OVERFLOW), overflow -> new Tally(endpoint, ReportRollup.OVERFLOW, DetachedSample.of(report)));
        }
        Tally made = new Tally(endpoint, report.fingerprint(), DetachedSample.of(report));
        Tally raced = tallies.putIfAbsent(key, made);
        if (raced != null) {
            fingerprints.decrementAndGet(); // another thread made it first: one place for one fingerprint
            return raced;
        }
        return made;
    }

    /**
     * @param end when the window ended
     * @return a rollup per tally; none when no report came
     */
    List<ReportRollup> rollups(Instant end) {
        List<ReportRollup> rollups = new ArrayList<>(tallies.size());
        for (Tally tally : tallies.values()) {
            rollups.add(tally.rollup(start, end));
        }
        return rollups;
    }

    private record Key(String endpoint, String fingerprint) {
    }
}
