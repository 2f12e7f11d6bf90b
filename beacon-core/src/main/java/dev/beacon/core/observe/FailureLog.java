package dev.beacon.core.observe;

import dev.beacon.BeaconStatistics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The failures of observers and sinks, which can repeat once per beacon: an observer with a bug under load would
 * otherwise fill the log with one stack trace per beacon. Every failure is counted in
 * {@link BeaconStatistics#observerFailures()}. The first of each kind (who failed, and the exception's class) is
 * logged at {@code WARNING} with its stack trace; those that follow are summed up in one line, at most once per
 * {@link #SUMMARY_INTERVAL} for each kind, when the next one comes.
 */
public final class FailureLog {

    /** How often, at most, a kind of failure that keeps happening is summed up in the log. */
    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    /** Kinds kept apart: past this many, whatever else fails is summed up under one kind. */
    private static final int MAX_KINDS = 256;
    private static final String OTHER_KINDS = "Beacon observers and sinks of more than " + MAX_KINDS + " kinds of failure";

    private static final Logger LOGGER = Logger.getLogger(FailureLog.class.getName());

    private final BeaconCounters statistics;
    private final LongSupplier nanoClock;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    /**
     * @param statistics where every failure is counted
     * @param nanoClock the time, in nanoseconds, as {@link System#nanoTime()} gives it
     */
    public FailureLog(BeaconCounters statistics, LongSupplier nanoClock) {
        this.statistics = statistics;
        this.nanoClock = nanoClock;
    }

    /**
     * @param who the observer or sink that failed, e.g. {@code Beacon observer com.shop.Analytics}
     * @param what what it failed on, e.g. {@code a beacon to endpoint 'vitals'}
     * @param consequence what follows from it for the beacon, e.g. {@code the other observers still received it}
     * @param failure what it threw
     */
    public void failed(String who, String what, String consequence, Throwable failure) {
        statistics.countObserverFailure();
        String key = who + " threw " + failure.getClass().getName();
        Kind kind = kindOf(key);
        kind.count.incrementAndGet();
        if (kind.firstLogged.compareAndSet(false, true)) {
            LOGGER.log(Level.WARNING, failure, () -> who + " failed on " + what + "; " + consequence + ". Counted in"
                    + " BeaconStatistics.observerFailures(); further failures of this kind are summed up here at most once every "
                    + SUMMARY_INTERVAL.toMinutes() + " minute(s).");
        } else {
            summarise(kind);
        }
    }

    private Kind kindOf(String key) {
        Kind kind = kinds.get(key);
        if (kind != null) {
            return kind;
        }
        return kinds.computeIfAbsent(kinds.size() < MAX_KINDS ? key : OTHER_KINDS, name -> new Kind(name, nanoClock.getAsLong()));
    }

    /** One line for what failed alike since the last one: taken by one thread, so two never say the same. */
    private void summarise(Kind kind) {
        long now = nanoClock.getAsLong();
        long last = kind.lastSummary.get();
        if (now - last < SUMMARY_INTERVAL.toNanos() || !kind.lastSummary.compareAndSet(last, now)) {
            return;
        }
        long total = kind.count.get();
        long since = total - kind.countAtLastSummary.getAndSet(total);
        LOGGER.warning(() -> kind.name + " " + since + " more time(s) in the last " + Duration.ofNanos(now - last).toSeconds()
                + " s, " + total + " in all. Counted in BeaconStatistics.observerFailures().");
    }

    /** One kind of failure: how often it happened, and when it was last summed up. */
    private static final class Kind {

        final String name;
        final AtomicLong count = new AtomicLong();
        final AtomicBoolean firstLogged = new AtomicBoolean();
        final AtomicLong lastSummary;
        final AtomicLong countAtLastSummary = new AtomicLong(1);

        Kind(String name, long now) {
            this.name = name;
            this.lastSummary = new AtomicLong(now);
        }
    }
}
