package dev.beacon.core.settings;

/**
 * What an endpoint name may be, wherever one comes from: the last segment of a beacon path, or an entry of
 * {@value BeaconConfig#ENDPOINTS}. One rule for both, so that a name a setting accepts is one a path can carry.
 */
public final class EndpointNames {

    private static final int LONGEST = 64;

    private EndpointNames() {
    }

    /**
     * @param name a candidate endpoint name
     * @return whether it is 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, starting
     *         with a letter or digit
     */
    public static boolean isValid(String name) {
        // One path segment a person would type: nothing to decode, nothing to escape in a log. Checked by hand,
        // not with a regular expression, as it is for every beacon.
        if (name.isEmpty() || name.length() > LONGEST || !isLetterOrDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
