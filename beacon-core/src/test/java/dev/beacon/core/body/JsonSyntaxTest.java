package dev.beacon.core.body;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The intake's JSON check accepts exactly what the servers' JSON-P implementation reads, within the
 * limits it documents, so that every accepted JSON body parses for its observers.
 */
class JsonSyntaxTest {

    private static final String ALPHABET = "{}[]\",:\\/ -+.eE0123456789truefalsn\t\n\r\u0000\u001fxé\ud83d\ude00\ufeff";

    /**
     * Random JSON documents, half of them mutated by an inserted, deleted or replaced character or cut
     * short, each checked and read by Parsson: the two agree on every one. The seed is fixed, so a
     * disagreement is found again on every run.
     */
    @Test
    void agreesWithParssonOnRandomDocumentsAndTheirMutations() {
        int accepted = checkedAsParssonReadsThem(new Random(20261130), random -> {
            StringBuilder document = new StringBuilder();
            value(random, document, 0);
            if (random.nextBoolean()) {
                mutate(random, document);
            }
            return document.toString().getBytes(StandardCharsets.UTF_8);
        });

        // Both outcomes were exercised, not one of them only.
        assertTrue(accepted > 5_000 && accepted < 15_000, () -> accepted + " of 20000 accepted");
    }

    @Test
    void acceptsEveryKindOfValueAtTheTop() {
        for (String json : List.of("{}", "[]", " \"a\" ", "0", "-0.5e+10", "true", "false", "null", "\r\n\t[1]\n")) {
            assertDoesNotThrow(() -> check(json), json);
        }
    }

    @Test
    void returnsTheFirstCharacterOfTheValue() throws Exception {
        assertEquals('[', check("  [{\"type\":\"csp-violation\"}]"));
        assertEquals('{', check("{\"type\":\"csp-violation\"}"));
    }

    @Test
    void refusesNestingDeeperThanItsLimitWhichIsBelowParssons() {
        int depth = JsonSyntax.MAX_DEPTH;
        assertDoesNotThrow(() -> check("[".repeat(depth) + "]".repeat(depth)));
        assertThrows(JsonSyntax.NotJsonException.class, () -> check("[".repeat(depth + 1) + "]".repeat(depth + 1)));
        assertThrows(JsonSyntax.NotJsonException.class, () -> check("{\"a\":".repeat(depth + 1) + "1" + "}".repeat(depth + 1)));
        assertTrue(parssonReads("[".repeat(depth) + "]".repeat(depth)));
    }

    @Test
    void refusesNumbersParssonCannotRead() {
        String longest = "1".repeat(JsonSyntax.MAX_NUMBER_LENGTH);
        assertDoesNotThrow(() -> check(longest));
        assertTrue(parssonReads(longest));
        for (String number : List.of("1".repeat(1101), "1e9999999999", "1e-9999999999", "1." + "0".repeat(1100))) {
            assertThrows(JsonSyntax.NotJsonException.class, () -> check(number), number);
            assertFalse(parssonReads(number), number);
        }
        assertThrows(JsonSyntax.NotJsonException.class, () -> check(longest + "1"));
        assertDoesNotThrow(() -> check("1e000000000000999999999"));
        assertTrue(parssonReads("1e000000000000999999999"));
    }

    @Test
    void saysWhatIsWrongAndWhere() {
        JsonSyntax.NotJsonException failure = assertThrows(JsonSyntax.NotJsonException.class, () -> check("{\"a\":}"));

        assertEquals("Expected a value at character 5", failure.getMessage());
    }

    /**
     * Random documents in UTF-8 with bytes that no UTF-8 text holds (lone continuation bytes, cut sequences, bytes
     * that never occur) inserted: the check of the bytes agrees with Parsson reading the text the body decodes to,
     * in which each such byte is U+FFFD, and never takes one of them for JSON's own characters.
     */
    @Test
    void agreesWithParssonOnBodiesThatAreNotValidUtf8() {
        int accepted = checkedAsParssonReadsThem(new Random(20261203), random -> {
            StringBuilder document = new StringBuilder();
            value(random, document, 0);
            byte[] utf8 = document.toString().getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[utf8.length + 1];
            int at = random.nextInt(utf8.length + 1);
            System.arraycopy(utf8, 0, body, 0, at);
            body[at] = (byte) (0x80 + random.nextInt(0x80));
            System.arraycopy(utf8, at, body, at + 1, utf8.length - at);
            return body;
        });

        assertTrue(accepted > 1_000 && accepted < 19_000, () -> accepted + " of 20000 accepted");
    }

    /**
     * Checks 20,000 UTF-8 bodies, and has Parsson read the text each decodes to: the two agree on every one.
     *
     * @return how many the check accepted
     */
    private static int checkedAsParssonReadsThem(Random random, Function<Random, byte[]> bodies) {
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] body = bodies.apply(random);
            String text = new String(body, StandardCharsets.UTF_8);
            String refusal = refusal(body, StandardCharsets.UTF_8);
            if (refusal == null) {
                assertTrue(parssonReads(text), text);
                accepted++;
            } else if (parssonReads(text)) {
                // Parsson reads the first value and ignores what follows; RFC 8259 and the intake do not.
                assertTrue(refusal.startsWith("Unexpected text after the JSON value"), () -> text + ": " + refusal);
            }
        }
        return accepted;
    }

    @Test
    void checksABodyInACharsetOtherThanUtf8InItsText() throws Exception {
        String json = "{\"page\":\"caf\u00e9\",\"n\":[1,2]}";

        assertEquals('{', JsonSyntax.check(json.getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16));
        assertEquals('{', JsonSyntax.check(json.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1));
        assertThrows(JsonSyntax.NotJsonException.class,
                () -> JsonSyntax.check("{\"a\":}".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE));
    }

    @Test
    void refusesAnEscapeWithDigitsOutsideAsciiAsParssonDoes() {
        String fullWidth = "\"\\u\uff10\uff10\uff14\uff11\"";

        assertThrows(JsonSyntax.NotJsonException.class, () -> check(fullWidth));
        assertFalse(parssonReads(fullWidth));
    }

    @Test
    void countsWhereInCharactersNotBytes() {
        JsonSyntax.NotJsonException failure = assertThrows(JsonSyntax.NotJsonException.class, () -> check("{\"\u00e9\ud83d\ude00\":}"));

        assertEquals("Expected a value at character 7", failure.getMessage());
    }

    /** The check of a text's UTF-8 bytes, as a browser sends JSON. */
    private static char check(String text) throws JsonSyntax.NotJsonException {
        return JsonSyntax.check(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** @return why the check refused the body, {@code null} when it accepted it */
    private static String refusal(byte[] body, Charset charset) {
        try {
            JsonSyntax.check(body, charset);
            return null;
        } catch (JsonSyntax.NotJsonException e) {
            return e.getMessage();
        }
    }

    private static boolean parssonReads(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            reader.readValue();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void value(Random random, StringBuilder out, int depth) {
        space(random, out);
        switch (random.nextInt(depth > 4 ? 5 : 7)) {
            case 0 -> out.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
            case 1, 2 -> number(random, out);
            case 3, 4 -> string(random, out);
            case 5 -> {
                out.append('[');
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    out.append(i > 0 ? "," : "");
                    value(random, out, depth + 1);
                }
                space(random, out);
                out.append(']');
            }
            default -> {
                out.append('{');
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    out.append(i > 0 ? "," : "");
                    space(random, out);
                    string(random, out);
                    space(random, out);
                    out.append(':');
                    value(random, out, depth + 1);
                }
                space(random, out);
                out.append('}');
            }
        }
        space(random, out);
    }

    private static void number(Random random, StringBuilder out) {
        if (random.nextBoolean()) {
            out.append('-');
        }
        out.append(random.nextInt(4) == 0 ? "0" : Long.toString(1 + random.nextInt(1_000_000)));
        if (random.nextBoolean()) {
            out.append('.').append(random.nextInt(1000));
        }
        if (random.nextInt(3) == 0) {
            out.append(random.nextBoolean() ? 'e' : 'E').append(List.of("", "+", "-").get(random.nextInt(3))).append(random.nextInt(400));
        }
    }

    private static void string(Random random, StringBuilder out) {
        out.append('"');
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> out.append(List.of("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t").get(random.nextInt(8)));
                case 1 -> out.append(String.format("\\u%04x", random.nextInt(0x10000)));
                case 2 -> out.append("é\ud83d\ude00");
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        out.append('"');
    }

    private static void space(Random random, StringBuilder out) {
        if (random.nextInt(4) == 0) {
            out.append(" \t\n\r".charAt(random.nextInt(4)));
        }
    }

    private static void mutate(Random random, StringBuilder document) {
        int at = random.nextInt(document.length() + 1);
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        switch (random.nextInt(4)) {
            case 0 -> document.insert(at, c);
            case 1 -> document.deleteCharAt(Math.min(at, document.length() - 1));
            case 2 -> document.setCharAt(Math.min(at, document.length() - 1), c);
            default -> document.setLength(at);
        }
    }
}
