package dev.beacon.core.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A token bucket per client address, on a clock the test turns.
 */
class RateLimitTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void letsABurstThroughThenOneBeaconPerIntervalAndSaysWhenToRetry() {
        RateLimit limit = new RateLimit(2, 3, clock::get);

        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.take("198.51.100.1"), "the burst");
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), limit.take("198.51.100.1"));
        clock.addAndGet(Duration.ofMillis(500).toNanos()); // half a second at 2 per second: one more
        assertEquals(Optional.empty(), limit.take("198.51.100.1"));
        assertTrue(limit.take("198.51.100.1").isPresent());
    }

    @Test
    void eachAddressHasItsOwnBucketAndAnUnknownAddressIsNotLimited() {
        RateLimit limit = new RateLimit(1, 1, clock::get);

        assertEquals(Optional.empty(), limit.take("198.51.100.1"));
        assertEquals(Optional.empty(), limit.take("198.51.100.2"));
        assertTrue(limit.take("198.51.100.1").isPresent());
        assertEquals(Optional.empty(), limit.take(null));
        assertEquals(Optional.empty(), limit.take(null));
    }

    @Test
    void aSlowRateSaysHowManySecondsUntilTheNextBeacon() {
        RateLimit limit = new RateLimit(0.1, 1, clock::get);

        assertEquals(Optional.empty(), limit.take("198.51.100.1"));
        assertEquals(Optional.of(Duration.ofSeconds(10)), limit.take("198.51.100.1"));
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertEquals(Optional.of(Duration.ofSeconds(6)), limit.take("198.51.100.1"));
    }

    @Test
    void withoutARateNothingIsLimited() {
        RateLimit none = new RateLimit(0, 1, clock::get);

        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), none.take("198.51.100.1"));
        }
    }
}
