package dev.beacon.core.observe;

import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes request-supplied text safe to log: a header or body must not be able to forge log lines.
 */
public final class LogText {

    private static final int MAX_LENGTH = 200;
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u0085\\u2028\\u2029]+");

    private LogText() {
    }

    /**
     * @param text a message that may quote what a client sent, such as a JSON-B or JSON-P message about a body
     * @return the text on one line: every run of white space one space, every other control character escaped
     */
    public static String oneLine(String text) {
        if (text.chars().noneMatch(c -> isControl((char) c))) {
            return text; // the library's own reasons: most refusals
        }
        String spaced = WHITE_SPACE.matcher(text).replaceAll(" ");
        StringBuilder line = new StringBuilder(spaced.length());
        for (int i = 0; i < spaced.length(); i++) {
            char c = spaced.charAt(i);
            if (isControl(c)) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }

    /**
     * @param text request-supplied text, or {@code null}
     * @return it quoted, at most 200 characters, its control characters, quotes and backslashes escaped
     */
    public static String escape(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder escaped = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 2).append('\'');
        for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (isControl(c) || c == '\\' || c == '\'') {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        if (text.length() > MAX_LENGTH) {
            escaped.append("...");
        }
        return escaped.append('\'').toString();
    }

    /**
     * @param names names to list, such as the endpoints observers name
     * @return them sorted, each {@linkplain #escape escaped}, separated by commas; {@code none} when there are none
     */
    public static String names(Collection<String> names) {
        return names.isEmpty() ? "none" : new TreeSet<>(names).stream().map(LogText::escape).collect(Collectors.joining(", "));
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
    }
}
