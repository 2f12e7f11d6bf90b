package dev.beacon.intake;

/**
 * Makes request-supplied text safe to log: a header or body must not be able to forge log lines.
 */
final class LogText {

    private static final int MAX_LENGTH = 200;

    private LogText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder escaped = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 2).append('\'');
        for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == '\\' || c == '\'') {
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
}
