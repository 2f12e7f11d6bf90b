package dev.beacon.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeaconConsoleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void keepsTheLastSixtyWindowsOfTenSecondsAndAnHourOfLongerOnes() {
        assertEquals(60, windowsKeptAfterAHundred(Duration.ofSeconds(10)));
        assertEquals(60, windowsKeptAfterAHundred(Duration.ofMinutes(1)));
        assertEquals(30, windowsKeptAfterAHundred(Duration.ofMinutes(2)));
    }

    private static int windowsKeptAfterAHundred(Duration window) {
        BeaconConsole console = new BeaconConsole(window, CLOCK);
        for (int i = 0; i < 100; i++) {
            console.windowClosed(List.of(FaultHistoryTest.rollup("ads.example", 1)));
        }
        return console.state().top().windowEnds().size();
    }
}
