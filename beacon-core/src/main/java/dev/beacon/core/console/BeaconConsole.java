package dev.beacon.core.console;

import dev.beacon.BeaconStatistics;
import dev.beacon.core.delivery.ApplicationTimers;
import dev.beacon.report.ReportRollup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the console shows, kept while the application runs: the counters read every {@link #TICK}, for an hour, and the
 * rollups of the last {@value #WINDOWS_KEPT} report windows, at most an hour of them.
 */
public final class BeaconConsole {

    /** How often the counters are read: the console's rates are per this long. */
    static final Duration TICK = Duration.ofSeconds(10);
    /** How long the rates go back. */
    static final Duration HISTORY = Duration.ofHours(1);
    /** The most report windows kept: enough for a sparkline, within {@link #HISTORY}. */
    static final int WINDOWS_KEPT = 60;

    private final Duration rollupWindow;
    private final Clock clock;
    private final CounterHistory counters = new CounterHistory((int) (HISTORY.toSeconds() / TICK.toSeconds()));
    private final FaultHistory faults;
    private volatile Supplier<BeaconStatistics> statistics = () -> null;
    private ScheduledThreadPoolExecutor timer;

    /**
     * @param rollupWindow how long a report window lasts; zero where reports are not rolled up
     * @param clock the time readings and windows are stamped with
     */
    public BeaconConsole(Duration rollupWindow, Clock clock) {
        this.rollupWindow = rollupWindow;
        this.clock = clock;
        long windows = rollupWindow.isZero() ? 1 : Math.max(1, HISTORY.toSeconds() / rollupWindow.toSeconds());
        this.faults = new FaultHistory((int) Math.min(WINDOWS_KEPT, windows));
    }

    /**
     * Reads the counters now and every {@link #TICK} after. Call it on a thread of the application, once it started.
     *
     * @param statistics the application's counters; {@code null} until its start or its first beacon found its container
     */
    public synchronized void start(Supplier<BeaconStatistics> statistics) {
        this.statistics = statistics;
        if (timer == null) {
            timer = ApplicationTimers.start("beacon-console");
            timer.scheduleAtFixedRate(this::readCounters, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops reading the counters, when the application stops.
     */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * @param rollups a closed window's rollups
     */
    public void windowClosed(List<ReportRollup> rollups) {
        faults.windowClosed(clock.instant(), rollups);
    }

    void readCounters() {
        counters.record(CounterHistory.Reading.of(clock.instant(), statistics.get()));
    }

    /**
     * @return what the console shows now
     */
    ConsoleState state() {
        Instant now = clock.instant();
        List<CounterHistory.Interval> intervals = counters.intervals(CounterHistory.Reading.of(now, statistics.get()));
        return new ConsoleState(now, TICK, intervals, rollupWindow, faults.top(ConsoleState.TOP_FAULTS));
    }
}
