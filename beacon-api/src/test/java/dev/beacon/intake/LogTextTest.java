package dev.beacon.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void requestTextCannotForgeLogLines() {
        String forged = LogText.escape("text/plain\r\n2026-11-24 INFO admin logged in\u2028\u0085");

        assertEquals("'text/plain\\u000d\\u000a2026-11-24 INFO admin logged in\\u2028\\u0085'", forged);
        assertTrue(forged.lines().count() == 1);
    }

    @Test
    void quotesAndBackslashesCannotCloseTheQuotedValue() {
        assertEquals("'a\\u0027 b\\u005c'", LogText.escape("a' b\\"));
    }

    @Test
    void longValuesAreCutAndAbsentOnesNamed() {
        assertEquals(200 + 2 + 3, LogText.escape("x".repeat(10_000)).length());
        assertEquals("(none)", LogText.escape(null));
    }
}
