package dev.beacon.core.admission;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The same bytes from the same client to the same endpoint within the window, on a clock the test turns.
 */
class DuplicateWindowTest {

    private static final byte[] HIDDEN = "{\"page\":\"p1\",\"seq\":3}".getBytes(StandardCharsets.UTF_8);

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final DuplicateWindow window = new DuplicateWindow(Duration.ofSeconds(10), clock::get);

    @Test
    void theSameBytesAgainWithinTheWindowAreADuplicateAndAfterItNot() {
        assertNotNull(window.claim("vitals", "198.51.100.1", HIDDEN));
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertNull(window.claim("vitals", "198.51.100.1", HIDDEN.clone()));
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertNotNull(window.claim("vitals", "198.51.100.1", HIDDEN), "ten seconds after the last one accepted");
    }

    @Test
    void anotherClientEndpointOrByteIsNotADuplicate() {
        assertNotNull(window.claim("vitals", "198.51.100.1", HIDDEN));
        assertNotNull(window.claim("vitals", "198.51.100.2", HIDDEN));
        assertNotNull(window.claim("other", "198.51.100.1", HIDDEN));
        byte[] changed = HIDDEN.clone();
        changed[changed.length - 2] = '4';
        assertNotNull(window.claim("vitals", "198.51.100.1", changed));
        assertNotNull(window.claim("vitals", null, HIDDEN));
    }

    @Test
    void aReleasedClaimIsNotADuplicate() {
        String claim = window.claim("vitals", "198.51.100.1", HIDDEN);
        window.release(claim);

        assertNotNull(window.claim("vitals", "198.51.100.1", HIDDEN), "the first was refused after all: its retry is new");
    }

    @Test
    void withoutAWindowNothingIsClaimed() {
        DuplicateWindow off = new DuplicateWindow(Duration.ZERO, clock::get);

        assertNull(off.claim("vitals", "198.51.100.1", HIDDEN));
        assertNull(off.claim("vitals", "198.51.100.1", HIDDEN));
    }
}
