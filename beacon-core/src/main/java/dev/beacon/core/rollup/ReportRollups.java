package dev.beacon.core.rollup;

import dev.beacon.report.Report;
import dev.beacon.report.ReportRollup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Decides which accepted reports are delivered one by one, and counts every one of them in its window's rollups: the
 * first {@code deliverFirst} of each fingerprint in a window are delivered, and of the rest a fraction, by report type
 * ({@link SampleRates}); the others are only counted. Closing a window hands over its rollups and starts the next, and a
 * report counts in exactly one window: reports count under a shared lock, and the window closes under the exclusive one.
 */
public final class ReportRollups {

    /** Rollups and sampling off: every report delivered, none counted. */
    public static final ReportRollups OFF = new ReportRollups(Duration.ZERO, 1, Long.MAX_VALUE, SampleRates.ALL, Instant::now, () -> 0);

    private final Duration window;
    private final int maxFingerprints;
    private final long deliverFirst;
    private final SampleRates sampleRates;
    private final Supplier<Instant> clock;
    private final DoubleSupplier random;
    private final boolean rollsUp;
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private ReportWindow current;

    /**
     * @param window how long a window lasts; zero for no rollups
     * @param maxFingerprints the most fingerprints with a rollup of their own in one window
     * @param deliverFirst how many reports of one fingerprint a window delivers one by one before sampling the rest;
     *        {@link Long#MAX_VALUE} for all
     * @param sampleRates the fraction of the rest delivered one by one, by report type
     * @param clock the time windows start and end at
     * @param random a uniform number in [0, 1) per report sampled
     */
    ReportRollups(Duration window, int maxFingerprints, long deliverFirst, SampleRates sampleRates, Supplier<Instant> clock, DoubleSupplier random) {
        this.window = window;
        this.maxFingerprints = maxFingerprints;
        this.deliverFirst = deliverFirst;
        this.sampleRates = sampleRates;
        this.clock = clock;
        this.random = random;
        this.rollsUp = !window.isZero();
        this.current = rollsUp ? new ReportWindow(clock.get(), maxFingerprints) : null;
    }

    /**
     * @param window how long a window lasts; zero for no rollups
     * @param maxFingerprints the most fingerprints with a rollup of their own in one window
     * @param deliverFirst how many reports of one fingerprint a window delivers one by one; {@link Long#MAX_VALUE} for all
     * @param sampleRates the fraction of the rest delivered one by one, by report type
     * @return rollups on the system clock; {@link #OFF} when they would change nothing
     */
    public static ReportRollups of(Duration window, int maxFingerprints, long deliverFirst, SampleRates sampleRates) {
        if (window.isZero() && sampleRates.deliversAll()) {
            return OFF;
        }
        return new ReportRollups(window, maxFingerprints, deliverFirst, sampleRates, Instant::now, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @return how long a window lasts; zero when reports are not rolled up
     */
    public Duration window() {
        return window;
    }

    /**
     * Counts an accepted report in the current window and decides whether it is delivered one by one.
     *
     * @param report a report that passed every rule that leaves reports out
     * @return whether its observers receive it, and whether it counted in its endpoint's overflow rollup
     */
    public Placement place(Report report) {
        if (this == OFF) {
            return Placement.DELIVERED;
        }
        if (!rollsUp) {
            // A fraction alone: nothing to count.
            return random.getAsDouble() < sampleRates.of(report.type()) ? Placement.DELIVERED : Placement.SAMPLED_OUT;
        }
        closing.readLock().lock();
        try {
            Tally tally = current.tallyOf(report);
            long number = tally.count(report);
            boolean delivers = number <= deliverFirst || random.getAsDouble() < sampleRates.of(report.type());
            if (delivers) {
                tally.countDelivered();
            }
            return new Placement(delivers, tally.isOverflow());
        } finally {
            closing.readLock().unlock();
        }
    }

    /**
     * Where a report went.
     *
     * @param deliversOneByOne whether its observers receive it; otherwise it is only counted
     * @param overflowed whether it counted in its endpoint's overflow rollup, its fault being past the most a window keeps
     */
    public record Placement(boolean deliversOneByOne, boolean overflowed) {

        static final Placement DELIVERED = new Placement(true, false);
        static final Placement SAMPLED_OUT = new Placement(false, false);
    }

    /**
     * Closes the current window and starts the next.
     *
     * @return the closed window's rollups, one per fingerprint seen and one per endpoint that overflowed; none when
     *         reports are not rolled up
     */
    public List<ReportRollup> closeWindow() {
        if (!rollsUp) {
            return List.of();
        }
        ReportWindow closed;
        Instant now = clock.get();
        closing.writeLock().lock();
        try {
            closed = current;
            current = new ReportWindow(now, maxFingerprints);
        } finally {
            closing.writeLock().unlock();
        }
        return closed.rollups(now);
    }
}
