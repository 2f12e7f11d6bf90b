package dev.beacon.core.delivery;

import dev.beacon.BeaconEndpoint;
import dev.beacon.core.rollup.ReportRollups;
import dev.beacon.report.ReportRollup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the report windows on time, on a thread of the application's own, and fires each window's rollups, qualified
 * with their endpoint, to their observers; at shutdown, closes the last window once the accepted beacons are in, so
 * that every report they held is counted in a rollup that its observers receive.
 */
final class RollupWindows {

    private static final Logger LOGGER = Logger.getLogger(RollupWindows.class.getName());

    /** Where reports are not rolled up: no thread, nothing to fire. */
    private static final RollupWindows NONE = new RollupWindows(ReportRollups.OFF, null, null, null);

    private final ReportRollups rollups;
    private final Consumer<List<ReportRollup>> closed;
    private final BiFunction<ReportRollup, BeaconEndpoint, CompletableFuture<?>> fire;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicBoolean failureSaid = new AtomicBoolean();

    private RollupWindows(ReportRollups rollups, Consumer<List<ReportRollup>> closed,
                          BiFunction<ReportRollup, BeaconEndpoint, CompletableFuture<?>> fire, ScheduledThreadPoolExecutor timer) {
        this.rollups = rollups;
        this.closed = closed;
        this.fire = fire;
        this.timer = timer;
    }

    /**
     * @param rollups the reports' windows
     * @param closed told each closed window's rollups, before their observers are
     * @param fire notifies a rollup's observers, synchronous ones on the calling thread; gives when the asynchronous
     *        ones are done, or {@code null} when there are none
     * @return the windows, closing on time; call it on a thread of the application, where its thread factory is bound
     */
    static RollupWindows start(ReportRollups rollups, Consumer<List<ReportRollup>> closed,
                               BiFunction<ReportRollup, BeaconEndpoint, CompletableFuture<?>> fire) {
        Duration window = rollups.window();
        if (window.isZero()) {
            return NONE;
        }
        ScheduledThreadPoolExecutor timer = ApplicationTimers.start("beacon-report-rollups");
        RollupWindows windows = new RollupWindows(rollups, closed, fire, timer);
        timer.scheduleAtFixedRate(windows::fireOnTime, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
        return windows;
    }

    /** A failure here would stop every later window: it is said once, and the windows go on. */
    private void fireOnTime() {
        try {
            fireClosedWindow();
        } catch (RuntimeException e) {
            if (failureSaid.compareAndSet(false, true)) {
                LOGGER.log(Level.WARNING, "Firing a window's report rollups failed; the next windows are still fired. Said once.", e);
            }
        }
    }

    /** Closes the current window and fires its rollups; what an observer throws is the dispatch's to log and count. */
    private List<CompletableFuture<?>> fireClosedWindow() {
        List<ReportRollup> window = rollups.closeWindow();
        closed.accept(window);
        List<CompletableFuture<?>> asynchronous = new ArrayList<>();
        for (ReportRollup rollup : window) {
            CompletableFuture<?> done = fire.apply(rollup, BeaconEndpoint.Literal.of(rollup.endpoint()));
            if (done != null) {
                asynchronous.add(done);
            }
        }
        return asynchronous;
    }

    /**
     * Stops the timer, then closes the last window and fires its rollups, waiting up to the timeout for their
     * asynchronous observers. Call it once the accepted beacons have reached their observers.
     *
     * @param timeout how long the asynchronous observers of the last rollups may take
     */
    void close(Duration timeout) throws InterruptedException {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        if (!timer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            timer.shutdownNow(); // a window firing past the timeout: its observers were slow, the last window is still fired
        }
        List<CompletableFuture<?>> asynchronous = fireClosedWindow();
        try {
            CompletableFuture.allOf(asynchronous.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Each observer's failure was logged and counted where it was notified.
        } catch (TimeoutException e) {
            LOGGER.warning(() -> "The last report rollups' asynchronous observers did not finish within the shutdown timeout ("
                    + timeout.toSeconds() + " s); those still running are stopped.");
        }
    }
}
