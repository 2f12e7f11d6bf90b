package dev.beacon.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void requestTextCannotForgeLogLines() {
        String forged = LogText.escape("text/plain\r\n2026-11-24 INFO admin logged in\u2028\u0085");

        assertEquals("'text/plain\\u000d\\u000a2026-11-24 INFO admin logged in\\u2028\\u0085'", forged);
    }

    /** U+009B starts an escape sequence in some terminals, as ESC [ does: every C1 control is escaped, not only NEL. */
    @Test
    void c1ControlsCannotStartATerminalEscapeSequence() {
        assertEquals("'\\u009b31m red'", LogText.escape("\u009b31m red"));
    }

    /** Every character, not only the ones a reader thinks of: what breaks a line in one log viewer may not in another. */
    @Test
    void noCharacterEndsTheLineOrTheQuotedValue() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String escaped = LogText.escape("a" + c + "b");
            String inside = escaped.substring(1, escaped.length() - 1);
            int code = c;

            assertTrue(escaped.startsWith("'a") && escaped.endsWith("b'"), escaped);
            assertTrue(inside.chars().noneMatch(LogTextTest::endsALineOrControls), () -> "U+" + Integer.toHexString(code) + ": " + escaped);
            assertTrue(inside.indexOf('\'') < 0, () -> "U+" + Integer.toHexString(code) + ": " + escaped);
            // A backslash appears only to start an escape, so a value cannot end in one that escapes the closing quote.
            assertTrue(inside.replaceAll("\\\\u[0-9a-f]{4}", "").indexOf('\\') < 0, () -> "U+" + Integer.toHexString(code) + ": " + escaped);
        }
    }

    @Test
    void quotesAndBackslashesCannotCloseTheQuotedValue() {
        assertEquals("'a\\u0027 b\\u005c'", LogText.escape("a' b\\"));
    }

    @Test
    void longValuesAreCutAndAbsentOnesNamed() {
        assertEquals("'" + "x".repeat(200) + "...'", LogText.escape("x".repeat(10_000)));
        assertEquals("(none)", LogText.escape(null));
    }

    /** A refusal's reason may quote a JSON-B or JSON-P message, which may quote the body: it is sent and logged as one line. */
    @Test
    void aMessageQuotingTheClientStaysOnOneLine() {
        assertEquals("Unexpected char 10 at 'a\\u0000b' here", LogText.oneLine("Unexpected char 10\r\n at 'a\u0000b'\u2028here"));
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String line = LogText.oneLine("a" + c + "b");
            int code = c;
            assertTrue(line.chars().noneMatch(LogTextTest::endsALineOrControls), () -> "U+" + Integer.toHexString(code) + ": " + line);
        }
        assertEquals("Media type not accepted for beacons", LogText.oneLine("Media type not accepted for beacons"));
    }

    private static boolean endsALineOrControls(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
    }
}
