package dev.beacon.core.exchange;

import dev.beacon.BeaconEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * Recognises beacon paths: each base path (e.g. {@code /beacon}) is endpoint
 * {@value BeaconEndpoint#DEFAULT}, and {@code base/{name}} is endpoint {@code name}.
 */
public final class BeaconPaths {

    private static final int LONGEST_NAME = 64;

    private final List<String> bases;

    /**
     * @param bases the base paths under the context root, each starting with {@code /}
     */
    public BeaconPaths(List<String> bases) {
        this.bases = List.copyOf(bases);
    }

    /**
     * @param pathInContext a request path under the context root, not decoded
     * @return the endpoint name when the path is a beacon path
     */
    public Optional<String> endpointOf(String pathInContext) {
        for (String base : bases) {
            if (pathInContext.equals(base)) {
                return Optional.of(BeaconEndpoint.DEFAULT);
            }
            if (pathInContext.startsWith(base) && pathInContext.length() > base.length() + 1
                    && pathInContext.charAt(base.length()) == '/') {
                String name = pathInContext.substring(base.length() + 1);
                return isEndpointName(name) ? Optional.of(name) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * @return the servlet URL patterns that cover every beacon path
     */
    public List<String> urlPatterns() {
        return bases.stream().map(base -> base + "/*").toList();
    }

    /**
     * @param name a candidate endpoint name
     * @return whether it is 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, starting
     *         with a letter or digit
     */
    public static boolean isEndpointName(String name) {
        // One path segment a person would type: nothing to decode, nothing to escape in a log. Checked by hand,
        // not with a regular expression, as it is for every beacon.
        if (name.isEmpty() || name.length() > LONGEST_NAME || !isLetterOrDigit(name.charAt(0))) {
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
