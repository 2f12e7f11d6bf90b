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

    /** How many endpoints may each have an overflow tally of their own in one window. */
    static final int MOST_OVERFLOWING_ENDPOINTS = 16;
    /** The endpoint of the overflow tally of every endpoint past those. */
    static final String EVERY_ENDPOINT = "*";

    private final Instant start;
    private final int maxFingerprints;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger fingerprints = new AtomicInteger();
    private final AtomicInteger overflowingEndpoints = new AtomicInteger();

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
            return overflowTallyOf(endpoint, report);
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
     * An endpoint's overflow tally, for the first {@value #MOST_OVERFLOWING_ENDPOINTS} endpoints to overflow in the
     * window; past them, the one of {@link #EVERY_ENDPOINT}: reports to made-up endpoint names (where an observer of
     * every endpoint's reports has them read) cannot make a tally each.
     */
    private Tally overflowTallyOf(String endpoint, Report report) {
        Tally own = tallies.get(new Key(endpoint, ReportRollup.OVERFLOW));
        if (own != null) {
            return own;
        }
        String counted = overflowingEndpoints.incrementAndGet() <= MOST_OVERFLOWING_ENDPOINTS ? endpoint : EVERY_ENDPOINT;
        boolean[] made = {false};
        Tally tally = tallies.computeIfAbsent(new Key(counted, ReportRollup.OVERFLOW), overflow -> {
            made[0] = true;
            return new Tally(counted, ReportRollup.OVERFLOW, DetachedSample.of(report));
        });
        if (!made[0] || counted.equals(EVERY_ENDPOINT)) {
            overflowingEndpoints.decrementAndGet(); // no place of its own taken: the shared tally, or one another thread made
        }
        return tally;
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
