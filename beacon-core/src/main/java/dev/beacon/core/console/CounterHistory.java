package dev.beacon.core.console;

import dev.beacon.BeaconStatistics;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of accepted and refused beacons, read at each tick, for as many ticks as it keeps: what a beacon costs
 * is untouched, and the rates come from the differences between two readings.
 */
final class CounterHistory {

    private final int ticksKept;
    private final Deque<Reading> readings = new ArrayDeque<>();

    /**
     * @param ticksKept how many intervals between readings are kept
     */
    CounterHistory(int ticksKept) {
        this.ticksKept = ticksKept;
    }

    /**
     * @param reading the counters now
     */
    synchronized void record(Reading reading) {
        readings.addLast(reading);
        while (readings.size() > ticksKept + 1) {
            readings.removeFirst();
        }
    }

    /**
     * @param now the counters now, which close a last interval still running, so that the page is live between ticks
     * @return what was accepted and refused in each interval between readings, oldest first
     */
    synchronized List<Interval> intervals(Reading now) {
        List<Interval> intervals = new ArrayList<>(readings.size());
        Reading previous = null;
        for (Reading reading : readings) {
            if (previous != null) {
                intervals.add(Interval.between(previous, reading));
            }
            previous = reading;
        }
        if (previous != null && now.at().isAfter(previous.at())) {
            intervals.add(Interval.between(previous, now));
        }
        return intervals;
    }

    /**
     * The counters at one time.
     *
     * @param at when they were read
     * @param accepted the beacons accepted since the application started
     * @param refused the beacons refused since then, by status
     */
    record Reading(Instant at, long accepted, Map<Integer, Long> refused) {

        /**
         * @param at now
         * @param statistics the application's counters; {@code null} before its first beacon found its container
         * @return their reading
         */
        static Reading of(Instant at, BeaconStatistics statistics) {
            return statistics == null ? new Reading(at, 0, Map.of()) : new Reading(at, statistics.accepted(), statistics.rejectedByStatus());
        }
    }

    /**
     * What happened between two readings.
     *
     * @param end when the interval ended
     * @param accepted the beacons accepted in it
     * @param refused the beacons refused in it, by status; a status none was refused with is left out
     */
    record Interval(Instant end, long accepted, Map<Integer, Long> refused) {

        static Interval between(Reading start, Reading end) {
            Map<Integer, Long> refused = new TreeMap<>();
            end.refused().forEach((status, count) -> {
                long in = count - start.refused().getOrDefault(status, 0L);
                if (in > 0) {
                    refused.put(status, in);
                }
            });
            return new Interval(end.at(), end.accepted() - start.accepted(), refused);
        }
    }
}
