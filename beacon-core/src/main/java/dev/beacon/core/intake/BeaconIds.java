package dev.beacon.core.intake;

import dev.beacon.Beacon;

/**
 * Reads a beacon's id, the query parameter {@value Beacon#ID_PARAMETER}, from its URL: found without decoding the rest
 * of the query, and restricted to characters that need no decoding and are safe in a log line or a Kafka header.
 */
final class BeaconIds {

    /** Longer than {@code beacon.js}'s ids (a page id and a sequence number) with room to spare. */
    static final int LONGEST = 128;

    private static final String PREFIX = Beacon.ID_PARAMETER + "=";

    private BeaconIds() {
    }

    /**
     * @param query the URL's query string, as sent; {@code null} when it has none
     * @return the id; {@code null} when the query has none
     * @throws MalformedIdException when the id is empty, too long, repeated, or holds a character outside
     *         letters, digits and {@code . _ ~ : -}
     */
    static String in(String query) throws MalformedIdException {
        if (query == null) {
            return null;
        }
        int start = parameterStart(query, 0);
        if (start < 0) {
            return null;
        }
        int end = query.indexOf('&', start);
        end = end < 0 ? query.length() : end;
        if (end == start || end - start > LONGEST || !isIdText(query, start, end)) {
            throw new MalformedIdException("The " + Beacon.ID_PARAMETER + " must be 1 to " + LONGEST + " letters, digits and . _ ~ : -");
        }
        if (parameterStart(query, end) >= 0) {
            throw new MalformedIdException("The " + Beacon.ID_PARAMETER + " is given more than once");
        }
        return query.substring(start, end);
    }

    /** Where the value of the first id parameter at or after {@code from} begins; -1 when there is none. */
    private static int parameterStart(String query, int from) {
        for (int at = query.indexOf(PREFIX, from); at >= 0; at = query.indexOf(PREFIX, at + 1)) {
            if (at == 0 || query.charAt(at - 1) == '&') {
                return at + PREFIX.length();
            }
        }
        return -1;
    }

    private static boolean isIdText(String query, int start, int end) {
        for (int at = start; at < end; at++) {
            char c = query.charAt(at);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '~' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** A beacon whose id the library cannot keep as it is: refused {@code 400}, so that its sender learns of it. */
    static final class MalformedIdException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedIdException(String message) {
            super(message, null, false, false);
        }
    }
}
