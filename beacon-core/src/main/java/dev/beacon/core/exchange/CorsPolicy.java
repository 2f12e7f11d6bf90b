package dev.beacon.core.exchange;

import dev.beacon.core.settings.BeaconConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which origins may send beacons, and what a browser is told about it: origin admission of a
 * {@code POST}, the answer to an {@code OPTIONS} preflight, and the CORS headers of every other
 * answer to an admitted origin.
 * <p>
 * Same-origin beacons are always admitted. Cross-origin ones are admitted when their origin matches
 * {@value BeaconConfig#ALLOWED_ORIGINS}; a {@code POST} without {@code Origin} (not from a browser)
 * when {@value BeaconConfig#ACCEPT_WITHOUT_ORIGIN} says so. Beacons are sent with credentials, so an
 * admitted origin is echoed, never answered with {@code *}.
 */
public final class CorsPolicy {

    /** Every answer's content depends on the origin, so no cache may hand one origin's answer to another. */
    public static final Map<String, String> VARY_ORIGIN = Map.of("Vary", "Origin");

    static final String WITHOUT_ORIGIN = "A beacon must carry an Origin header";
    public static final String ORIGIN_NOT_ALLOWED = "Origin not allowed to send beacons";

    private final AllowedOrigins origins;
    private final boolean acceptWithoutOrigin;
    private final String maxAge;
    private final String allowedHeaders;
    private final String allowedMethods;

    /**
     * @param config the validated configuration
     * @param decodesContent whether bodies may arrive with a {@code Content-Encoding}: a preflight must
     *        then allow that header, or a page compressing its beacon cannot send it cross-origin
     */
    public CorsPolicy(BeaconConfig config, boolean decodesContent) {
        this.origins = new AllowedOrigins(config.allowedOrigins());
        this.acceptWithoutOrigin = config.acceptWithoutOrigin();
        this.maxAge = Long.toString(config.corsMaxAge().toSeconds());
        this.allowedHeaders = decodesContent ? "Content-Type, Content-Encoding" : "Content-Type";
        this.allowedMethods = config.get() ? "GET, POST, OPTIONS" : "POST, OPTIONS";
    }

    /**
     * @return the methods a beacon path answers, for {@code Allow}
     */
    public String allowedMethods() {
        return allowedMethods;
    }

    /**
     * @param request a {@code POST} to a beacon path
     * @return why its origin may not send beacons; empty when it may
     */
    public Optional<String> refusalOf(IncomingRequest request) {
        String origin = request.header("Origin");
        if (origin == null) {
            return acceptWithoutOrigin ? Optional.empty() : Optional.of(WITHOUT_ORIGIN);
        }
        return admits(origin, request) ? Optional.empty() : Optional.of(ORIGIN_NOT_ALLOWED);
    }

    /**
     * @param request an {@code OPTIONS} request to a beacon path
     * @return the headers of the {@code 204} that allows the beacon to follow; empty when its origin
     *         may not send beacons, and gets no CORS headers at all
     */
    public Optional<Map<String, String>> preflight(IncomingRequest request) {
        String origin = request.header("Origin");
        if (origin == null) {
            return Optional.of(Map.of("Allow", allowedMethods)); // not a preflight: a plain OPTIONS
        }
        if (!admits(origin, request)) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Allow-Credentials", "true");
        headers.put("Access-Control-Allow-Methods", "POST");
        headers.put("Access-Control-Allow-Headers", allowedHeaders);
        headers.put("Access-Control-Max-Age", maxAge);
        headers.putAll(VARY_ORIGIN);
        return Optional.of(headers);
    }

    /**
     * @param request a request whose origin {@link #refusalOf} admitted: a cross-origin one is then
     *         allowed, and its origin is not matched against the list again
     * @return the headers every answer to it carries: for a cross-origin request, the ones that let the
     *         page see the answer
     */
    public Map<String, String> responseHeaders(IncomingRequest request) {
        String origin = request.header("Origin");
        if (origin == null || AllowedOrigins.isSameOrigin(origin, request)) {
            return VARY_ORIGIN;
        }
        Map<String, String> headers = new LinkedHashMap<>(VARY_ORIGIN);
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Allow-Credentials", "true");
        // A page retrying a 429 or 503, as beacon.js does, waits as long as told only if it may read how long.
        headers.put("Access-Control-Expose-Headers", "Retry-After");
        return headers;
    }

    private boolean admits(String origin, IncomingRequest request) {
        return AllowedOrigins.isSameOrigin(origin, request) || origins.allows(origin);
    }
}
