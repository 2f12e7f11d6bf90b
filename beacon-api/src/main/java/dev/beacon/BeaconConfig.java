package dev.beacon;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The settings of the beacon filter and the beacon resource, validated when read.
 * <p>
 * Each setting has a default that fits what browsers send, so most applications set nothing. The
 * filter reads a setting from, in order: its {@code <init-param>} (when the application declares
 * it), a {@code <context-param>} in {@code web.xml}, MicroProfile Config when the server has it
 * (which covers {@code microprofile-config.properties}, environment variables such as
 * {@code BEACON_MAX_BODY_SIZE}, and system properties), then a system property. The settings are
 * the application's: its filter and its resource share them, and share one in-flight budget. They are
 * read and validated once, when the application starts, and an invalid value fails the deployment.
 * <table>
 * <caption>Settings</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #ENABLED}</td><td>{@code true}</td><td>{@code false} keeps the filter from registering</td></tr>
 * <tr><td>{@value #PATHS}</td><td>{@code /beacon}</td><td>comma-separated base paths, under the context root, of the filter; each also takes {@code /{name}}</td></tr>
 * <tr><td>{@value #MEDIA_TYPES}</td><td>see {@link #DEFAULT_MEDIA_TYPES}</td><td>accepted media types; {@code none} accepts a beacon without {@code Content-Type}</td></tr>
 * <tr><td>{@value #MAX_BODY_SIZE}</td><td>{@code 1048576} (1 MiB)</td><td>largest body in bytes, as sent and once decoded; larger gets {@code 413}</td></tr>
 * <tr><td>{@value #ALLOWED_ORIGINS}</td><td>(none)</td><td>comma-separated origins allowed to send cross-origin: {@code https://app.example.com}, {@code https://*.example.com}, or {@code *}</td></tr>
 * <tr><td>{@value #ACCEPT_WITHOUT_ORIGIN}</td><td>{@code true}</td><td>whether a POST without {@code Origin} (not from a browser) is accepted</td></tr>
 * <tr><td>{@value #CORS_MAX_AGE}</td><td>{@code 7200}</td><td>seconds a browser may cache a preflight answer</td></tr>
 * <tr><td>{@value #MAX_IN_FLIGHT}</td><td>{@code 10000}</td><td>accepted beacons awaiting their observers, in the application; past it, {@code 503} with {@code Retry-After}</td></tr>
 * <tr><td>{@value #ASYNC_OBSERVER_THREADS}</td><td>{@code 16}</td><td>threads of the application's own, made by the server's {@code java:comp/DefaultManagedThreadFactory}, that notify {@code @ObservesAsync} observers: the most running at once. Where the server binds no such factory, its executor notifies them</td></tr>
 * <tr><td>{@value #MAX_IN_FLIGHT_BYTES}</td><td>{@code 67108864} (64 MiB)</td><td>bytes of body the accepted beacons awaiting their observers may hold together, in the application; past it, {@code 503} with {@code Retry-After}. At least {@value #MAX_BODY_SIZE}</td></tr>
 * <tr><td>{@value #CONTENT_ENCODINGS}</td><td>(none)</td><td>comma-separated content codings that are decoded: {@code gzip}, {@code deflate}; the decoded body is held to {@value #MAX_BODY_SIZE} too. Browsers do not compress beacons, so by default a body with a {@code Content-Encoding} gets {@code 415}</td></tr>
 * <tr><td>{@value #READ_TIMEOUT}</td><td>{@code 10}</td><td>seconds the filter waits for a whole body, reading it without holding a thread; then {@code 408}</td></tr>
 * <tr><td>{@value #SHUTDOWN_TIMEOUT}</td><td>{@code 10}</td><td>seconds the application's shutdown waits for accepted beacons to reach their observers; those that do not are logged with their count</td></tr>
 * <tr><td>{@value #GET}</td><td>{@code false}</td><td>{@code true} takes a {@code GET} to a beacon path as a beacon, its query string as form fields: the image beacons trackers fall back to</td></tr>
 * <tr><td>{@value #GET_RESPONSE}</td><td>{@code 204}</td><td>what a {@code GET} beacon is answered with: {@code 204}, or {@code gif} for a 1&times;1 transparent GIF; either with {@code Cache-Control: no-store}</td></tr>
 * <tr><td>{@value #MAX_QUERY_LENGTH}</td><td>{@code 8192}</td><td>longest query string of a {@code GET} beacon, in characters; longer gets {@code 414}</td></tr>
 * <tr><td>{@value #TRUSTED_PROXIES}</td><td>(none)</td><td>comma-separated addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) of the load balancers and proxies in front of the application; from them, the client's address is read from {@code Forwarded} or {@code X-Forwarded-For}, from the right, up to the first address not listed. Headers from any other peer are ignored</td></tr>
 * <tr><td>{@value #RATE_LIMIT}</td><td>{@code 0} (none)</td><td>beacons per second each client address may send; past it, {@code 429} with {@code Retry-After}, and nothing is delivered</td></tr>
 * <tr><td>{@value #RATE_LIMIT_BURST}</td><td>twice {@value #RATE_LIMIT}</td><td>beacons a client address may send at once, before {@value #RATE_LIMIT} holds it back</td></tr>
 * <tr><td>{@value #DUPLICATE_WINDOW}</td><td>{@code 0} (none)</td><td>seconds within which a beacon with the same bytes as one accepted from the same client address and endpoint is answered {@code 204}, counted, and not delivered again</td></tr>
 * <tr><td>{@value #DROP_EXTENSION_VIOLATIONS}</td><td>{@code false}</td><td>{@code true} keeps CSP violations caused by browser extensions ({@link dev.beacon.report.CspViolation#isCausedByBrowserExtension()}) from their {@code CspViolation} and {@code Report} observers, and counts them in {@link BeaconStatistics#extensionReportsDropped()}; {@code Beacon} observers still receive their batches</td></tr>
 * </table>
 */
public final class BeaconConfig {

    /** Setting name: whether the beacon filter registers itself. */
    public static final String ENABLED = "beacon.enabled";
    /** Setting name: the filter's base paths. */
    public static final String PATHS = "beacon.paths";
    /** Setting name: the accepted media types. */
    public static final String MEDIA_TYPES = "beacon.media-types";
    /** Setting name: the largest accepted body, in bytes. */
    public static final String MAX_BODY_SIZE = "beacon.max-body-size";
    /** Setting name: the origins allowed to send beacons cross-origin. */
    public static final String ALLOWED_ORIGINS = "beacon.allowed-origins";
    /** Setting name: whether a POST without {@code Origin} is accepted. */
    public static final String ACCEPT_WITHOUT_ORIGIN = "beacon.accept-without-origin";
    /** Setting name: how long browsers may cache a preflight answer, in seconds. */
    public static final String CORS_MAX_AGE = "beacon.cors-max-age";
    /** Setting name: how many accepted beacons may be awaiting their observers at once, in the application. */
    public static final String MAX_IN_FLIGHT = "beacon.max-in-flight";
    /** Setting name: how many bytes of body the accepted beacons awaiting their observers may hold together. */
    public static final String MAX_IN_FLIGHT_BYTES = "beacon.max-in-flight-bytes";
    /** The setting naming how many threads notify asynchronous observers, at most. */
    public static final String ASYNC_OBSERVER_THREADS = "beacon.async-observer-threads";
    /** Setting name: the content codings decoded before a beacon is read. */
    public static final String CONTENT_ENCODINGS = "beacon.content-encodings";
    /** Setting name: how long the filter waits for a whole body, in seconds. */
    public static final String READ_TIMEOUT = "beacon.read-timeout";
    /** Setting name: how long shutdown waits for accepted beacons to reach their observers, in seconds. */
    public static final String SHUTDOWN_TIMEOUT = "beacon.shutdown-timeout";
    /** Setting name: whether a {@code GET} to a beacon path is a beacon. */
    public static final String GET = "beacon.get";
    /** Setting name: what a {@code GET} beacon is answered with, {@code 204} or {@code gif}. */
    public static final String GET_RESPONSE = "beacon.get.response";
    /** Setting name: the longest query string of a {@code GET} beacon. */
    public static final String MAX_QUERY_LENGTH = "beacon.get.max-query-length";
    /** Setting name: the addresses and ranges of the proxies whose forwarding headers are believed. */
    public static final String TRUSTED_PROXIES = "beacon.trusted-proxies";
    /** Setting name: beacons per second per client address. */
    public static final String RATE_LIMIT = "beacon.rate-limit";
    /** Setting name: beacons a client address may send at once. */
    public static final String RATE_LIMIT_BURST = "beacon.rate-limit-burst";
    /** Setting name: seconds within which an identical beacon is a duplicate. */
    public static final String DUPLICATE_WINDOW = "beacon.duplicate-window";
    /** Setting name: whether CSP violations caused by browser extensions are left undelivered. */
    public static final String DROP_EXTENSION_VIOLATIONS = "beacon.csp.drop-extension-violations";

    /** The token in {@value #MEDIA_TYPES} that accepts a beacon sent without {@code Content-Type}. */
    public static final String NO_CONTENT_TYPE = "none";

    /**
     * What {@code sendBeacon} and keepalive {@code fetch} send, and what CSP and the Reporting API
     * send; {@code none} because Chromium sends no {@code Content-Type} for an {@code ArrayBuffer},
     * an untyped {@code Blob}, or no body.
     */
    public static final String DEFAULT_MEDIA_TYPES = "text/plain, application/x-www-form-urlencoded, multipart/form-data, "
            + "application/json, application/reports+json, application/csp-report, application/octet-stream, none";

    /**
     * 1 MiB, what collectors commonly accept (nginx's default, Sentry's): Chromium's keepalive quota is
     * 64 KiB, but Firefox sends larger {@code sendBeacon} bodies, and an XHR fallback has no limit at all.
     */
    public static final long DEFAULT_MAX_BODY_SIZE = 1_048_576;

    /** 64 MiB: the memory the beacons awaiting their observers may hold, whatever their number. */
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 67_108_864;

    /** Leaves room for the array header: the largest byte array a JVM reliably allocates. */
    private static final long LARGEST_BODY_SIZE = Integer.MAX_VALUE - 8;

    /** A terabyte: past any heap, so a typo with a digit too many is caught rather than taken as no bound. */
    private static final long LARGEST_IN_FLIGHT_BYTES = 1L << 40;

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%-]+(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*");
    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\*|null");

    private static final String ERROR_BOOLEAN =
            "The '%s' setting must be 'true' or 'false'; got '%s'.";
    private static final String ERROR_PATHS =
            "The '%s' setting must be a comma-separated list of paths under the context root, each starting with '/'"
            + " and without wildcards or trailing '/', e.g. '/beacon, /telemetry'; got '%s'.";
    private static final String ERROR_MEDIA_TYPES =
            "The '%s' setting must be a comma-separated list of media types without parameters or wildcards,"
            + " plus 'none' to accept beacons without Content-Type, e.g. 'text/plain, application/json, none'; got '%s'.";
    private static final String ERROR_SIZE =
            "The '%s' setting must be a whole number of bytes between 1 and " + LARGEST_BODY_SIZE
            + ", e.g. 2097152 for 2 MiB; got '%s'.";
    private static final String ERROR_ORIGINS =
            "The '%s' setting must be a comma-separated list of origins: 'https://app.example.com',"
            + " 'https://*.example.com' for every subdomain, 'http://localhost:8080', or '*' for any origin; got '%s'.";
    private static final String ERROR_ENCODINGS =
            "The '%s' setting must be a comma-separated list of the content codings beacons may be decoded from:"
            + " 'gzip', 'deflate', or both; got '%s'.";
    private static final String ERROR_IN_FLIGHT =
            "The '%s' setting must be a whole number of beacons between 1 and 1000000, e.g. 10000; got '%s'.";
    private static final String ERROR_OBSERVER_THREADS =
            "The '%s' setting must be a whole number of threads between 1 and 1024, e.g. 16; got '%s'.";
    private static final String ERROR_IN_FLIGHT_BYTES =
            "The '%s' setting must be a whole number of bytes between the largest body (" + MAX_BODY_SIZE + ", %d) and "
            + LARGEST_IN_FLIGHT_BYTES + ", e.g. 67108864 for 64 MiB; got '%s'.";
    private static final String ERROR_READ_TIMEOUT =
            "The '%s' setting must be a whole number of seconds between 1 and 86400; got '%s'.";
    private static final String ERROR_QUERY =
            "The '%s' setting must be a whole number of characters between 1 and 1048576, e.g. 8192; got '%s'.";
    private static final String ERROR_GET_RESPONSE = "The '%s' setting must be '204' or 'gif'; got '%s'.";
    private static final String ERROR_PROXIES =
            "The '%s' setting must list IP addresses and CIDR ranges, e.g. '10.0.0.0/8, 192.0.2.7, fd00::/8'; got '%s'.";
    private static final String ERROR_RATE =
            "The '%s' setting must be a number of beacons per second per client between 0 (no limit) and 1000000, e.g. 5, or 0.5 for one"
            + " every two seconds; got '%s'.";
    private static final String ERROR_BURST =
            "The '%s' setting must be a whole number of beacons between 1 and 1000000; got '%s'.";
    private static final String ERROR_WINDOW =
            "The '%s' setting must be a whole number of seconds between 0 (off) and 3600; got '%s'.";
    private static final String ERROR_SECONDS =
            "The '%s' setting must be a whole number of seconds between 0 and 86400; got '%s'.";

    private final boolean enabled;
    private final List<String> paths;
    private final List<String> mediaTypes;
    private final long maxBodySize;
    private final List<String> allowedOrigins;
    private final boolean acceptWithoutOrigin;
    private final Duration corsMaxAge;
    private final List<String> contentEncodings;
    private final int maxInFlight;
    private final long maxInFlightBytes;
    private final int asyncObserverThreads;
    private final Duration readTimeout;
    private final Duration shutdownTimeout;
    private final boolean dropExtensionViolations;
    private final boolean get;
    private final boolean getAnsweredWithGif;
    private final int maxQueryLength;
    private final List<String> trustedProxies;
    private final double rateLimit;
    private final int rateLimitBurst;
    private final Duration duplicateWindow;

    private BeaconConfig(Function<String, String> settings) {
        this.enabled = bool(settings, ENABLED, true);
        this.paths = list(settings, PATHS, "/beacon", ERROR_PATHS, value -> PATH.matcher(value).matches());
        this.mediaTypes = list(settings, MEDIA_TYPES, DEFAULT_MEDIA_TYPES, ERROR_MEDIA_TYPES, BeaconConfig::isMediaType)
                .stream().map(type -> type.toLowerCase(Locale.ROOT)).toList();
        this.maxBodySize = number(settings, MAX_BODY_SIZE, DEFAULT_MAX_BODY_SIZE, 1, LARGEST_BODY_SIZE, ERROR_SIZE);
        this.allowedOrigins = list(settings, ALLOWED_ORIGINS, "", ERROR_ORIGINS, value -> ORIGIN.matcher(value).matches());
        this.acceptWithoutOrigin = bool(settings, ACCEPT_WITHOUT_ORIGIN, true);
        this.corsMaxAge = Duration.ofSeconds(number(settings, CORS_MAX_AGE, 7200, 0, 86_400, ERROR_SECONDS));
        this.contentEncodings = list(settings, CONTENT_ENCODINGS, "", ERROR_ENCODINGS, BeaconConfig::isDecodedCoding)
                .stream().map(coding -> coding.toLowerCase(Locale.ROOT)).distinct().toList();
        this.maxInFlight = (int) number(settings, MAX_IN_FLIGHT, 10_000, 1, 1_000_000, ERROR_IN_FLIGHT);
        this.maxInFlightBytes = inFlightBytes(settings, maxBodySize);
        this.asyncObserverThreads = (int) number(settings, ASYNC_OBSERVER_THREADS, 16, 1, 1024, ERROR_OBSERVER_THREADS);
        this.readTimeout = Duration.ofSeconds(number(settings, READ_TIMEOUT, 10, 1, 86_400, ERROR_READ_TIMEOUT));
        this.shutdownTimeout = Duration.ofSeconds(number(settings, SHUTDOWN_TIMEOUT, 10, 0, 86_400, ERROR_SECONDS));
        this.dropExtensionViolations = bool(settings, DROP_EXTENSION_VIOLATIONS, false);
        this.get = bool(settings, GET, false);
        this.getAnsweredWithGif = getResponse(settings);
        this.maxQueryLength = (int) number(settings, MAX_QUERY_LENGTH, 8192, 1, 1_048_576, ERROR_QUERY);
        // Checked as addresses when the intake is built: a setting that is not one fails the deployment there.
        this.trustedProxies = list(settings, TRUSTED_PROXIES, "", ERROR_PROXIES, value -> !value.isBlank());
        this.rateLimit = rate(settings);
        this.rateLimitBurst = (int) number(settings, RATE_LIMIT_BURST, Math.max(1, (long) Math.ceil(2 * rateLimit)), 1, 1_000_000, ERROR_BURST);
        this.duplicateWindow = Duration.ofSeconds(number(settings, DUPLICATE_WINDOW, 0, 0, 3_600, ERROR_WINDOW));
    }

    /**
     * @return every setting at its default
     */
    public static BeaconConfig defaults() {
        return from(name -> null);
    }

    /**
     * Reads and validates every setting.
     *
     * @param settings gives a setting's value by name, or {@code null} when it is not set
     * @return the configuration
     * @throws IllegalArgumentException naming the setting, the value seen and what is allowed, when
     *         a value is invalid
     */
    public static BeaconConfig from(Function<String, String> settings) {
        return new BeaconConfig(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * @return whether the beacon filter registers itself
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * @return the filter's base paths under the context root, e.g. {@code [/beacon]}
     */
    public List<String> paths() {
        return paths;
    }

    /**
     * @return the accepted media types, lower-case, {@value #NO_CONTENT_TYPE} included when a
     *         beacon without {@code Content-Type} is accepted
     */
    public List<String> mediaTypes() {
        return mediaTypes;
    }

    /**
     * @return the largest accepted body, in bytes
     */
    public long maxBodySize() {
        return maxBodySize;
    }

    /**
     * @return the origins allowed to send beacons cross-origin, as configured
     */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /**
     * @return whether a POST without {@code Origin} header is accepted
     */
    public boolean acceptWithoutOrigin() {
        return acceptWithoutOrigin;
    }

    /**
     * @return how long a browser may cache a preflight answer
     */
    public Duration corsMaxAge() {
        return corsMaxAge;
    }

    /**
     * @return the content codings that are decoded, lower-case ({@code gzip}, {@code deflate}); empty
     *         when an encoded body is refused
     */
    public List<String> contentEncodings() {
        return contentEncodings;
    }

    /**
     * @return how many accepted beacons may be awaiting their observers at once, in the application
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * @return how many bytes of body the accepted beacons awaiting their observers may hold together
     */
    public long maxInFlightBytes() {
        return maxInFlightBytes;
    }

    /**
     * @return how many {@code @ObservesAsync} observers are notified at once, at most, on the application's own threads
     */
    public int asyncObserverThreads() {
        return asyncObserverThreads;
    }

    /**
     * @return how long the filter waits for a whole body before it answers {@code 408}
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * @return how long the application's shutdown waits for accepted beacons to reach their observers
     */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * @return whether a {@code GET} to a beacon path is a beacon
     */
    public boolean get() {
        return get;
    }

    /**
     * @return whether a {@code GET} beacon is answered with a 1&times;1 transparent GIF rather than {@code 204}
     */
    public boolean getAnsweredWithGif() {
        return getAnsweredWithGif;
    }

    /**
     * @return the longest query string of a {@code GET} beacon, in characters
     */
    public int maxQueryLength() {
        return maxQueryLength;
    }

    /**
     * @return the addresses and CIDR ranges of the trusted proxies, as configured; empty when none
     */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /**
     * @return beacons per second per client address; {@code 0} for no limit
     */
    public double rateLimit() {
        return rateLimit;
    }

    /**
     * @return beacons a client address may send at once
     */
    public int rateLimitBurst() {
        return rateLimitBurst;
    }

    /**
     * @return how long an accepted beacon's bytes are remembered to recognise its duplicates; zero for never
     */
    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    /**
     * @return whether CSP violations caused by browser extensions are left undelivered
     */
    public boolean dropExtensionViolations() {
        return dropExtensionViolations;
    }

    private static boolean isMediaType(String value) {
        if (value.equalsIgnoreCase(NO_CONTENT_TYPE)) {
            return true;
        }
        try {
            ContentType type = ContentType.parse(value);
            return type.parameters().isEmpty() && !type.type().equals("*") && !type.subtype().equals("*");
        } catch (MalformedBeaconException e) {
            return false;
        }
    }

    private static boolean isDecodedCoding(String value) {
        return value.equalsIgnoreCase("gzip") || value.equalsIgnoreCase("deflate");
    }

    /** At least the largest body, or a beacon of that size could never be accepted. */
    private static long inFlightBytes(Function<String, String> settings, long maxBodySize) {
        String error = ERROR_IN_FLIGHT_BYTES.replace("%d", Long.toString(maxBodySize));
        return number(settings, MAX_IN_FLIGHT_BYTES, Math.max(DEFAULT_MAX_IN_FLIGHT_BYTES, maxBodySize), maxBodySize,
                LARGEST_IN_FLIGHT_BYTES, error);
    }

    private static boolean getResponse(Function<String, String> settings) {
        String value = settings.apply(GET_RESPONSE);
        if (value == null || value.isBlank() || value.strip().equals("204")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("gif")) {
            return true;
        }
        throw new IllegalArgumentException(String.format(ERROR_GET_RESPONSE, GET_RESPONSE, value));
    }

    private static double rate(Function<String, String> settings) {
        String value = settings.apply(RATE_LIMIT);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(value.strip());
            if (rate >= 0 && rate <= 1_000_000) { // NaN fails both
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new IllegalArgumentException(String.format(ERROR_RATE, RATE_LIMIT, value));
    }

    private static boolean bool(Function<String, String> settings, String name, boolean fallback) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(String.format(ERROR_BOOLEAN, name, value));
        };
    }

    private static long number(Function<String, String> settings, String name, long fallback, long min, long max, String error) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new IllegalArgumentException(String.format(error, name, value));
    }

    private static List<String> list(Function<String, String> settings, String name, String fallback, String error,
                                     Predicate<String> valid) {
        String value = settings.apply(name);
        String effective = value == null ? fallback : value;
        List<String> items = Arrays.stream(effective.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
        if (items.isEmpty() && !fallback.isEmpty() || !items.stream().allMatch(valid)) {
            throw new IllegalArgumentException(String.format(error, name, value));
        }
        return items;
    }
}
