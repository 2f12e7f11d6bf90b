package dev.beacon.core.body;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Checks that a body is one JSON value (RFC 8259) without building it: the intake proves a JSON body
 * readable before its {@code 204}, and most observers never ask for the tree, or ask for it on another
 * thread after the answer. Building the tree there cost a fifth of the filter's time on an 800 B body
 * (see {@code BENCHMARKS.md}); this check allocates nothing for a body in UTF-8, which is how browsers send
 * JSON: it reads the bytes as they came, without decoding them first.
 * <p>
 * It accepts no more than the servers' JSON-P implementation (Parsson) reads from the body's text, so that an
 * accepted body always parses in {@link dev.beacon.Beacon#json()}: nesting deeper than {@value #MAX_DEPTH} levels,
 * a number of more than {@value #MAX_NUMBER_LENGTH} characters, and an exponent of more than
 * {@value #MAX_EXPONENT_DIGITS} digits are refused, where Parsson would fail on them (at 1,000 levels,
 * 1,100 characters, and an exponent beyond an {@code int}).
 */
final class JsonSyntax {

    static final int MAX_DEPTH = 512;
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int MAX_EXPONENT_DIGITS = 9;

    /**
     * Charsets whose bytes below {@code 0x80} are ASCII and in which no other byte, however malformed, decodes to
     * ASCII. JSON's syntax is all ASCII, so a body in one of them is checked byte for byte, every other byte being
     * what decodes to a character beyond ASCII (or to U+FFFD): allowed in a string, nowhere else.
     */
    private static final Set<Charset> ASCII_BASED = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

    /** Why a body is not JSON, and where. */
    static final class NotJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        NotJsonException(String reason, int character) {
            super(reason + " at character " + character, null, false, false);
        }
    }

    private final byte[] json;
    private final Charset charset;
    private int index;

    private JsonSyntax(byte[] json, Charset charset) {
        this.json = json;
        this.charset = charset;
    }

    /**
     * @param body the body
     * @param charset its charset
     * @return the first character of its value: <code>'{'</code>, {@code '['}, {@code '"'}, {@code 't'},
     *         {@code 'f'}, {@code 'n'}, or the first of a number
     * @throws NotJsonException when the body's text is not exactly one JSON value, with white space around it
     */
    static char check(byte[] body, Charset charset) throws NotJsonException {
        if (ASCII_BASED.contains(charset)) {
            return new JsonSyntax(body, charset).check();
        }
        // Rare for JSON, which RFC 8259 has in UTF-8: checked in UTF-8, where JSON's syntax is ASCII again.
        return new JsonSyntax(new String(body, charset).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).check();
    }

    private char check() throws NotJsonException {
        skipWhiteSpace();
        if (atEnd()) {
            throw failure("No JSON value");
        }
        char first = (char) json[index];
        value(0);
        skipWhiteSpace();
        if (!atEnd()) {
            throw failure("Unexpected text after the JSON value");
        }
        return first;
    }

    private void value(int depth) throws NotJsonException {
        byte first = json[index];
        switch (first) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (first != '-' && !isDigit(first)) {
                    throw failure("Expected a value");
                }
                number();
            }
        }
    }

    private void object(int depth) throws NotJsonException {
        enter(depth);
        skipWhiteSpace();
        if (take('}')) {
            return;
        }
        do {
            skipWhiteSpace();
            if (atEnd() || json[index] != '"') {
                throw failure("Expected a member name");
            }
            string();
            skipWhiteSpace();
            expect(':');
            skipWhiteSpace();
            valueAt(depth);
            skipWhiteSpace();
        } while (take(','));
        expect('}');
    }

    private void array(int depth) throws NotJsonException {
        enter(depth);
        skipWhiteSpace();
        if (take(']')) {
            return;
        }
        do {
            skipWhiteSpace();
            valueAt(depth);
            skipWhiteSpace();
        } while (take(','));
        expect(']');
    }

    private void enter(int depth) throws NotJsonException {
        if (depth > MAX_DEPTH) {
            throw failure("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        index++;
    }

    private void valueAt(int depth) throws NotJsonException {
        if (atEnd()) {
            throw failure("Expected a value");
        }
        value(depth);
    }

    private void string() throws NotJsonException {
        byte[] bytes = json;
        int at = index + 1;
        // The loop most of a body's bytes go through: on locals, the index written back only where it leaves.
        while (at < bytes.length) {
            byte b = bytes[at];
            if (b == '"') {
                index = at + 1;
                return;
            }
            if (b == '\\') {
                index = at + 1;
                escape();
                at = index;
            } else if (b >= 0 && b < 0x20) {
                index = at;
                throw failure("Unescaped control character in a string");
            } else {
                at++;
            }
        }
        index = at;
        throw failure("Unterminated string");
    }

    private void escape() throws NotJsonException {
        if (atEnd()) {
            throw failure("Unterminated string");
        }
        switch (json[index++]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
            case 'u' -> {
                for (int end = index + 4; index < end; index++) {
                    if (atEnd() || !isHexDigit(json[index])) {
                        throw failure("Invalid \\u escape");
                    }
                }
            }
            default -> throw failure("Invalid escape");
        }
    }

    private void literal(String word) throws NotJsonException {
        for (int i = 0; i < word.length(); i++) {
            if (index + i >= json.length || json[index + i] != word.charAt(i)) {
                throw failure("Invalid literal");
            }
        }
        index += word.length();
    }

    private void number() throws NotJsonException {
        int start = index;
        take('-');
        if (!take('0')) {
            requireDigits();
        }
        if (take('.')) {
            requireDigits();
        }
        if (take('e') || take('E')) {
            if (!take('+')) {
                take('-');
            }
            while (take('0')) {
                // leading zeros say nothing about the exponent's size
            }
            int digits = index;
            skipDigits();
            if (index - digits > MAX_EXPONENT_DIGITS || !isDigit(json[index - 1])) {
                throw failure(index - digits > MAX_EXPONENT_DIGITS ? "Exponent too large" : "Expected digits");
            }
        }
        if (index - start > MAX_NUMBER_LENGTH) {
            throw failure("Number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
    }

    private void requireDigits() throws NotJsonException {
        int start = index;
        skipDigits();
        if (index == start) {
            throw failure(atEnd() ? "Unexpected end of JSON" : "Unexpected character");
        }
    }

    private void skipDigits() {
        while (!atEnd() && isDigit(json[index])) {
            index++;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** ASCII's hexadecimal digits only, as Parsson reads the digits of an escaped character. */
    private static boolean isHexDigit(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private void skipWhiteSpace() {
        while (!atEnd()) {
            byte b = json[index];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            index++;
        }
    }

    private boolean take(char c) {
        if (!atEnd() && json[index] == c) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws NotJsonException {
        if (!take(c)) {
            throw failure(atEnd() ? "Unexpected end of JSON" : "Expected '" + c + "'");
        }
    }

    private boolean atEnd() {
        return index >= json.length;
    }

    /** Where it failed, counted in the characters an observer's {@code text()} holds, not in bytes. */
    private NotJsonException failure(String reason) {
        return new NotJsonException(reason, new String(json, 0, Math.min(index, json.length), charset).length());
    }
}
