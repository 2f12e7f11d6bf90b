package dev.beacon.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.core.console.CounterHistory.Interval;
import dev.beacon.core.console.CounterHistory.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterHistoryTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void eachIntervalHoldsWhatWasAcceptedAndRefusedByStatusBetweenTwoReadings() {
        CounterHistory history = new CounterHistory(10);
        history.record(new Reading(START, 100, Map.of(429, 5L)));
        history.record(new Reading(START.plusSeconds(10), 130, Map.of(429, 5L, 413, 2L)));

        List<Interval> intervals = history.intervals(new Reading(START.plusSeconds(15), 131, Map.of(429, 9L, 413, 2L)));

        assertEquals(List.of(new Interval(START.plusSeconds(10), 30, Map.of(413, 2L)), new Interval(START.plusSeconds(15), 1, Map.of(429, 4L))),
                intervals, "the last interval runs to now, so the page is live between readings");
    }

    @Test
    void keepsAsManyIntervalsAsItWasToldAndForgetsTheOldest() {
        CounterHistory history = new CounterHistory(3);
        for (int tick = 0; tick <= 10; tick++) {
            history.record(new Reading(START.plusSeconds(10L * tick), 7L * tick, Map.of()));
        }

        List<Interval> intervals = history.intervals(new Reading(START.plusSeconds(100), 70, Map.of()));

        assertEquals(List.of(START.plusSeconds(80), START.plusSeconds(90), START.plusSeconds(100)), intervals.stream().map(Interval::end).toList());
        assertEquals(List.of(7L, 7L, 7L), intervals.stream().map(Interval::accepted).toList());
    }

    @Test
    void beforeTheApplicationsContainerIsFoundEveryCountIsZero() {
        CounterHistory history = new CounterHistory(3);
        history.record(Reading.of(START, null));

        assertEquals(List.of(new Interval(START.plusSeconds(1), 0, Map.of())), history.intervals(Reading.of(START.plusSeconds(1), null)));
    }
}
