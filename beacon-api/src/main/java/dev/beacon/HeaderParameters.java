package dev.beacon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the {@code ; name=value} parameters that follow a media type or a {@code Content-Disposition}
 * (RFC 9110 section 5.6.6): names are case-insensitive and kept lower-case, values are tokens or
 * quoted strings, whose quoting depends on who wrote them (see {@link Quoting}).
 */
final class HeaderParameters {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?={} \t";

    private HeaderParameters() {
    }

    /** How a quoted value is written. */
    enum Quoting {
        /** RFC 9110: a backslash escapes the character after it. */
        QUOTED_PAIRS,
        /**
         * The HTML standard's {@code multipart/form-data}: browsers percent-encode {@code "}, CR and
         * LF in names and file names and send every other character, backslash included, as it is.
         */
        HTML_FORM_DATA
    }

    static Map<String, String> parse(String header, int from, Quoting quoting) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = skipWhitespace(header, from);
        while (i < header.length()) {
            if (header.charAt(i) != ';') {
                throw new MalformedBeaconException("Expected ';' at position " + i + " of a header parameter list");
            }
            i = skipWhitespace(header, i + 1);
            if (i == header.length()) {
                break; // a trailing ';' is common and harmless
            }
            int nameEnd = tokenEnd(header, i);
            if (nameEnd == i || nameEnd == header.length() || header.charAt(nameEnd) != '=') {
                throw new MalformedBeaconException("Expected name=value at position " + i + " of a header parameter list");
            }
            String name = header.substring(i, nameEnd).toLowerCase(Locale.ROOT);
            i = nameEnd + 1;
            String value;
            if (i < header.length() && header.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < header.length() && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && quoting == Quoting.QUOTED_PAIRS && i + 1 < header.length()) {
                        c = header.charAt(++i);
                    }
                    quoted.append(c);
                    i++;
                }
                if (i == header.length()) {
                    throw new MalformedBeaconException("Unterminated quoted value for header parameter '" + name + "'");
                }
                value = quoted.toString();
                i++;
            } else {
                int valueEnd = tokenEnd(header, i);
                value = header.substring(i, valueEnd);
                i = valueEnd;
            }
            parameters.putIfAbsent(name, value);
            i = skipWhitespace(header, i);
        }
        return Collections.unmodifiableMap(parameters);
    }

    static int tokenEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int skipWhitespace(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isTokenChar(char c) {
        return c > 32 && c < 127 && TSPECIALS.indexOf(c) < 0;
    }
}
