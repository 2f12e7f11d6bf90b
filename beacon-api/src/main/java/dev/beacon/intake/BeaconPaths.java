package dev.beacon.intake;

import dev.beacon.BeaconEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises beacon paths: each base path (e.g. {@code /beacon}) is endpoint
 * {@value BeaconEndpoint#DEFAULT}, and {@code base/{name}} is endpoint {@code name}.
 */
public final class BeaconPaths {

    /** An endpoint name is one path segment a person would type; nothing to decode, nothing to escape in a log. */
    private static final Pattern ENDPOINT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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
        return ENDPOINT_NAME.matcher(name).matches();
    }
}
