package dev.beacon.core.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a browser origin may send beacons: the server's own origin always, others when
 * they match the configured list ({@code https://app.example.com}, {@code https://*.example.com},
 * or {@code *}).
 */
final class AllowedOrigins {

    private final List<Origin> allowed;
    private final boolean any;

    /**
     * @param origins the configured origins, already validated by {@link dev.beacon.core.settings.BeaconConfig}
     */
    AllowedOrigins(List<String> origins) {
        this.any = origins.contains("*");
        this.allowed = origins.stream().filter(origin -> !origin.equals("*"))
                .map(origin -> Origin.pattern(origin).orElseThrow()).toList();
    }

    /**
     * @param origin the {@code Origin} header
     * @param request the request it came with
     * @return whether the request comes from the server's own origin. A browser's
     *         {@code Sec-Fetch-Site: same-origin} is trusted too: behind a TLS-terminating proxy the
     *         server sees {@code http} where the page has {@code https}.
     */
    static boolean isSameOrigin(String origin, IncomingRequest request) {
        if ("same-origin".equalsIgnoreCase(request.header("Sec-Fetch-Site"))) {
            return true;
        }
        Optional<Origin> own = Origin.parse(request.serverOrigin());
        return own.isPresent() && Origin.parse(origin).equals(own);
    }

    /**
     * @param origin the {@code Origin} header of a cross-origin request
     * @return whether that origin is allowed to send beacons
     */
    boolean allows(String origin) {
        if (any) {
            return true;
        }
        Optional<Origin> parsed = Origin.parse(origin);
        return parsed.isPresent() && allowed.stream().anyMatch(pattern -> pattern.matches(parsed.get()));
    }

    /** An origin, or an origin pattern whose host starts with {@code *.}; ports made explicit. */
    private record Origin(String scheme, String host, int port) {

        /** Stands for the {@code *} of a pattern while {@link URI} parses it, which takes no {@code *} in a host. */
        private static final String WILDCARD = "wildcard.";

        /**
         * @param text an {@code Origin} header, as any client may send it
         * @return the origin, or nothing when the text is not one: a {@code *} is never a wildcard here
         */
        static Optional<Origin> parse(String text) {
            return parse(text, false);
        }

        /**
         * @param text a configured origin, which may be a pattern ({@code https://*.example.com})
         * @return the origin or pattern, or nothing when the text is neither
         */
        static Optional<Origin> pattern(String text) {
            return parse(text, true);
        }

        private static Optional<Origin> parse(String text, boolean mayBeWildcard) {
            if (text == null) {
                return Optional.empty();
            }
            if (text.equals("null")) {
                return Optional.of(new Origin("null", "", -1));
            }
            boolean wildcard = mayBeWildcard && text.contains("://*.");
            try {
                URI uri = new URI(wildcard ? text.replace("://*.", "://" + WILDCARD) : text);
                // An origin is a scheme, a host and a port: nothing before the host, nothing after the port. So a
                // pattern's host is the one that begins right after "://", with the wildcard's stand-in.
                if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                        || uri.getRawFragment() != null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                    return Optional.empty();
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
                String host = uri.getHost().toLowerCase(Locale.ROOT);
                return Optional.of(new Origin(scheme, wildcard ? "*." + host.substring(WILDCARD.length()) : host, port));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        boolean matches(Origin candidate) {
            if (!scheme.equals(candidate.scheme) || port != candidate.port) {
                return false;
            }
            return host.startsWith("*.") ? candidate.host.endsWith(host.substring(1)) : host.equals(candidate.host);
        }
    }
}
