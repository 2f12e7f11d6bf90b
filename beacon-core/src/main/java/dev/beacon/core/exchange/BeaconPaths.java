package dev.beacon.core.exchange;

import dev.beacon.BeaconEndpoint;
import dev.beacon.core.settings.EndpointNames;
import java.util.List;
import java.util.Optional;

/**
 * Recognises beacon paths: each base path (e.g. {@code /beacon}) is endpoint
 * {@value BeaconEndpoint#DEFAULT}, and {@code base/{name}} is endpoint {@code name}.
 */
public final class BeaconPaths {

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
                return EndpointNames.isValid(name) ? Optional.of(name) : Optional.empty();
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
}
