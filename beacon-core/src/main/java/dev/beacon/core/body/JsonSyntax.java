package dev.beacon.core.body;

/**
 * Checks that a text is one JSON value (RFC 8259) without building it: the intake proves a JSON body
 * readable before its {@code 204}, and most observers never ask for the tree, or ask for it on another
 * thread after the answer. Building the tree there cost a fifth of the filter's time on an 800 B body
 * (see {@code BENCHMARKS.md}); this check allocates nothing.
 * <p>
 * It accepts no more than the servers' JSON-P implementation (Parsson) reads, so that an accepted body
 * always parses in {@link dev.beacon.Beacon#json()}: nesting deeper than {@value #MAX_DEPTH} levels, a
 * number of more than {@value #MAX_NUMBER_LENGTH} characters, and an exponent of more than
 * {@value #MAX_EXPONENT_DIGITS} digits are refused, where Parsson would fail on them (at 1,000 levels,
 * 1,100 characters, and an exponent beyond an {@code int}).
 */
final class JsonSyntax {

    static final int MAX_DEPTH = 512;
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int MAX_EXPONENT_DIGITS = 9;

    /** Why a text is not JSON, and where. */
    static final class NotJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        NotJsonException(String reason, int index) {
            super(reason + " at character " + index, null, false, false);
        }
    }

    private final String text;
    private int index;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /**
     * @param text the text
     * @return the first character of its value: <code>'{'</code>, {@code '['}, {@code '"'}, {@code 't'},
     *         {@code 'f'}, {@code 'n'}, or the first of a number
     * @throws NotJsonException when the text is not exactly one JSON value, with white space around it
     */
    static char check(String text) throws NotJsonException {
        JsonSyntax syntax = new JsonSyntax(text);
        syntax.skipWhiteSpace();
        if (syntax.atEnd()) {
            throw syntax.failure("No JSON value");
        }
        char first = syntax.peek();
        syntax.value(0);
        syntax.skipWhiteSpace();
        if (!syntax.atEnd()) {
            throw syntax.failure("Unexpected text after the JSON value");
        }
        return first;
    }

    private void value(int depth) throws NotJsonException {
        char first = peek();
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
            if (atEnd() || peek() != '"') {
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
        index++;
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw failure("Unescaped control character in a string");
            }
            if (c == '\\') {
                escape();
            }
        }
        throw failure("Unterminated string");
    }

    private void escape() throws NotJsonException {
        if (atEnd()) {
            throw failure("Unterminated string");
        }
        switch (text.charAt(index++)) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
            case 'u' -> {
                for (int end = index + 4; index < end; index++) {
                    if (atEnd() || Character.digit(text.charAt(index), 16) < 0) {
                        throw failure("Invalid \\u escape");
                    }
                }
            }
            default -> throw failure("Invalid escape");
        }
    }

    private void literal(String word) throws NotJsonException {
        if (!text.startsWith(word, index)) {
            throw failure("Invalid literal");
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
            if (index - digits > MAX_EXPONENT_DIGITS || !isDigit(text.charAt(index - 1))) {
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
        while (!atEnd() && isDigit(peek())) {
            index++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhiteSpace() {
        while (!atEnd()) {
            char c = peek();
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            index++;
        }
    }

    private boolean take(char c) {
        if (!atEnd() && peek() == c) {
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

    private char peek() {
        return text.charAt(index);
    }

    private boolean atEnd() {
        return index >= text.length();
    }

    private NotJsonException failure(String reason) {
        return new NotJsonException(reason, index);
    }
}
