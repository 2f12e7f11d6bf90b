package dev.beacon.core.settings;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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
 * <tr><td>{@value #ANSWER_WHEN}</td><td>{@code accepted}</td><td>when an accepted beacon is answered {@code 204}: {@code accepted}, at once, while the sinks still hold it in memory; or {@code stored}, once every {@link dev.beacon.BeaconSink} has stored it (Kafka acknowledged it), waiting without a request thread, so that no {@code 204} is lost with the node. Every sink must then confirm storage, or the application does not deploy</td></tr>
 * <tr><td>{@value #ANSWER_TIMEOUT}</td><td>{@code 5}</td><td>seconds an answer waits for the sinks with {@value #ANSWER_WHEN}{@code =stored}; then {@code 503} with {@code Retry-After}</td></tr>
 * <tr><td>{@value #READ_TIMEOUT}</td><td>{@code 10}</td><td>seconds the filter waits for a whole body, reading it without holding a thread; then {@code 408}</td></tr>
 * <tr><td>{@value #SHUTDOWN_TIMEOUT}</td><td>{@code 10}</td><td>seconds the application's shutdown waits for accepted beacons to reach their observers; those that do not are logged with their count</td></tr>
 * <tr><td>{@value #GET}</td><td>{@code false}</td><td>{@code true} takes a {@code GET} to a beacon path as a beacon, its query string as form fields: the image beacons trackers fall back to</td></tr>
 * <tr><td>{@value #GET_RESPONSE}</td><td>{@code 204}</td><td>what a {@code GET} beacon is answered with: {@code 204}, or {@code gif} for a 1&times;1 transparent GIF; either with {@code Cache-Control: no-store}</td></tr>
 * <tr><td>{@value #MAX_QUERY_LENGTH}</td><td>{@code 8192}</td><td>longest query string of a {@code GET} beacon, in characters; longer gets {@code 414}</td></tr>
 * <tr><td>{@value #TRUSTED_PROXIES}</td><td>(none)</td><td>comma-separated addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) of the load balancers and proxies in front of the application; from them, the client's address is read from {@code Forwarded} or {@code X-Forwarded-For}, from the right, up to the first address not listed. Headers from any other peer are ignored</td></tr>
 * <tr><td>{@value #RATE_LIMIT}</td><td>{@code 0} (none)</td><td>beacons per second each client address may send; past it, {@code 429} with {@code Retry-After}, and nothing is delivered</td></tr>
 * <tr><td>{@value #RATE_LIMIT_BURST}</td><td>twice {@value #RATE_LIMIT}</td><td>beacons a client address may send at once, before {@value #RATE_LIMIT} holds it back</td></tr>
 * <tr><td>{@value #DUPLICATE_ID_WINDOW}</td><td>{@code 600}</td><td>seconds within which a beacon sent with the same {@link dev.beacon.Beacon#id() id} as one accepted at the same endpoint, from any address, is answered {@code 204}, counted, and not delivered again; {@code 0} turns it off. A beacon with an id is recognised by its id alone</td></tr>
 * <tr><td>{@value #DUPLICATE_WINDOW}</td><td>{@code 0} (none)</td><td>seconds within which a beacon with the same bytes as one accepted from the same client address and endpoint is answered {@code 204}, counted, and not delivered again</td></tr>
 * <tr><td>{@value #DROP_EXTENSION_VIOLATIONS}</td><td>{@code false}</td><td>{@code true} keeps CSP violations caused by browser extensions ({@link dev.beacon.report.CspViolation#isCausedByBrowserExtension()}) from their {@code CspViolation} and {@code Report} observers, and counts them in {@link dev.beacon.BeaconStatistics#extensionReportsDropped()}; {@code Beacon} observers still receive their batches</td></tr>
 * <tr><td>{@value #DROP_IMPOSSIBLE_VIOLATIONS}</td><td>{@code false}</td><td>{@code true} keeps CSP violations whose own policy allows what they blocked ({@link dev.beacon.report.CspViolation#isAllowedByItsPolicy()}) from their report observers, and counts them in {@link dev.beacon.BeaconStatistics#impossibleReportsDropped()}</td></tr>
 * <tr><td>{@value #CSP_IGNORE_URLS}</td><td>(none)</td><td>rules on the blocked URL or source file of CSP violations left undelivered, each counted under its rule in {@link dev.beacon.BeaconStatistics#ignoredReportsByRule()}: a scheme ({@code chrome:}), a host ({@code *.ads.example}), or a pattern with {@code *}</td></tr>
 * <tr><td>{@value #CSP_IGNORE_SAMPLES}</td><td>(none)</td><td>texts whose presence in a CSP violation's script sample leaves it undelivered</td></tr>
 * <tr><td>{@value #CSP_IGNORE_KNOWN_NOISE}</td><td>{@code false}</td><td>{@code true} ignores too what the library's list says browser internals, extensions and adware cause</td></tr>
 * <tr><td>{@value #REPORT_ROLLUP_WINDOW}</td><td>{@code 0} (none)</td><td>seconds a window of reports lasts; at its end, each fingerprint seen in it gets one {@link dev.beacon.report.ReportRollup}</td></tr>
 * <tr><td>{@value #REPORT_MAX_FINGERPRINTS}</td><td>{@code 10000}</td><td>the most fingerprints with a rollup of their own in one window; the reports of the others count in their endpoint's overflow rollup</td></tr>
 * <tr><td>{@value #REPORT_DELIVER_FIRST}</td><td>{@code all}</td><td>how many reports of one fingerprint a window delivers one by one; the rest are sampled by {@value #REPORT_SAMPLE_RATE}; needs {@value #REPORT_ROLLUP_WINDOW}</td></tr>
 * <tr><td>{@value #REPORT_SAMPLE_RATES}</td><td>(none)</td><td>that fraction for the report types listed, e.g. {@code deprecation:0.01, intervention:0.01}</td></tr>
 * <tr><td>{@value #BEACON_SAMPLE_RATES}</td><td>(none)</td><td>the fraction of beacons delivered to observers, for the endpoints listed, e.g. {@code clicks:0.1}; the others are answered {@code 204}, written to the sinks, and counted in {@link dev.beacon.BeaconStatistics#beaconsSampledOut()}</td></tr>
 * <tr><td>{@value #REPORT_SAMPLE_RATE}</td><td>{@code 1}</td><td>the fraction of the other reports delivered one by one; those left are counted in {@link dev.beacon.BeaconStatistics#reportsSampledOut()} and their rollup</td></tr>
 * <tr><td>{@value #ANONYMIZE_CLIENT_ADDRESS}</td><td>{@code false}</td><td>{@code true} cuts the client's address before any observer, sink or log line sees it, and leaves out the {@code Forwarded} and {@code X-Forwarded-For} headers: an IPv4 address keeps its first {@value #ANONYMIZED_IPV4_PREFIX} bits, an IPv6 one its first {@value #ANONYMIZED_IPV6_PREFIX}. The rate limit and the duplicate window still tell clients apart by their whole address, only as long as their windows last</td></tr>
 * <tr><td>{@value #ANONYMIZED_IPV4_PREFIX}</td><td>{@code 24}</td><td>leading bits of an IPv4 address kept, 0 to 32</td></tr>
 * <tr><td>{@value #ANONYMIZED_IPV6_PREFIX}</td><td>{@code 48}</td><td>leading bits of an IPv6 address kept, 0 to 128</td></tr>
 * <tr><td>{@value #BINDING}</td><td>{@code strict}</td><td>how a beacon binds to an application's class ({@link dev.beacon.Beacon#as(Class)}): {@code strict} refuses, with {@code 400} naming it, a property the class does not declare and a number its integral property cannot hold without loss; {@code lenient} binds as JSON-B alone does, skipping the one and cutting the other</td></tr>
 * <tr><td>{@value #UNKNOWN_ENDPOINTS}</td><td>{@code deliver}</td><td>what a beacon to an endpoint that no observer's {@code @BeaconEndpoint} names, nor {@value #ENDPOINTS}, gets: {@code deliver} delivers it to the observers of every endpoint and the sinks; {@code refuse} answers {@code 404}, so clients cannot invent endpoints. The bare base path's endpoint is always known</td></tr>
 * <tr><td>{@value #ENDPOINTS}</td><td>(none)</td><td>comma-separated endpoint names known besides those observers name, such as one only a sink or an observer of every endpoint takes</td></tr>
 * <tr><td>{@value #CONSOLE_PATH}</td><td>(none: off)</td><td>the path under the context root, e.g. {@code /beacon-console}, of a page showing the last hour's accepted and refused beacons and the top report fingerprints; needs {@value #CONSOLE_ROLE} or {@value #CONSOLE_ALLOWED_ADDRESSES}, or the deployment fails</td></tr>
 * <tr><td>{@value #CONSOLE_ROLE}</td><td>(none)</td><td>the role a user must be in to see the console, checked with {@code isUserInRole}: the application's own login must cover the console's path. Anyone else gets {@code 403}</td></tr>
 * <tr><td>{@value #CONSOLE_ALLOWED_ADDRESSES}</td><td>(none)</td><td>comma-separated addresses and CIDR ranges the console is open to, the client's address read as {@value #TRUSTED_PROXIES} says; anyone else gets {@code 403}. With {@value #CONSOLE_ROLE} too, both must hold</td></tr>
 * <tr><td>{@value #UNKNOWN_SETTINGS}</td><td>{@code warn}</td><td>what a name set under {@code beacon.} that is no setting, such as a misspelt one, makes of the deployment: {@code warn} logs it once, with the setting nearest to it; {@code fail} fails the deployment with that message</td></tr>
 * </table>
 *
 * @param enabled whether the beacon filter registers itself
 * @param paths the filter's base paths under the context root, e.g. {@code [/beacon]}
 * @param mediaTypes the accepted media types, lower-case, {@value #NO_CONTENT_TYPE} included when a beacon without {@code Content-Type} is accepted
 * @param maxBodySize the largest accepted body, in bytes
 * @param allowedOrigins the origins allowed to send beacons cross-origin, as configured
 * @param acceptWithoutOrigin whether a POST without {@code Origin} header is accepted
 * @param corsMaxAge how long a browser may cache a preflight answer
 * @param contentEncodings the content codings that are decoded, lower-case ({@code gzip}, {@code deflate}); empty when an encoded body is refused
 * @param maxInFlight how many accepted beacons may be awaiting their observers at once, in the application
 * @param maxInFlightBytes how many bytes of body the accepted beacons awaiting their observers may hold together
 * @param asyncObserverThreads how many {@code @ObservesAsync} observers are notified at once, at most, on the application's own threads
 * @param readTimeout how long the filter waits for a whole body before it answers {@code 408}
 * @param shutdownTimeout how long the application's shutdown waits for accepted beacons to reach their observers
 * @param get whether a {@code GET} to a beacon path is a beacon
 * @param getAnsweredWithGif whether a {@code GET} beacon is answered with a 1&times;1 transparent GIF rather than {@code 204}
 * @param maxQueryLength the longest query string of a {@code GET} beacon, in characters
 * @param trustedProxies the addresses and CIDR ranges of the trusted proxies, as configured; empty when none
 * @param rateLimit beacons per second per client address; {@code 0} for no limit
 * @param rateLimitBurst beacons a client address may send at once
 * @param duplicateWindow how long an accepted beacon's bytes are remembered to recognise its duplicates; zero for never
 * @param duplicateIdWindow how long an accepted beacon's id is remembered to recognise it sent again; zero for never
 * @param dropExtensionViolations whether CSP violations caused by browser extensions are left undelivered
 * @param dropImpossibleViolations whether CSP violations whose own policy allows what they blocked are left undelivered
 * @param cspIgnoreUrls rules on the blocked URLs and source files of CSP violations that are left undelivered
 * @param cspIgnoreSamples texts of the script samples of CSP violations that are left undelivered
 * @param cspIgnoreKnownNoise whether the library's list of what browser internals, extensions and adware cause is ignored too
 * @param reportRollupWindow how long a window of reports lasts before its rollups are fired; zero for no rollups
 * @param reportMaxFingerprints the most fingerprints with a rollup of their own in one window
 * @param reportDeliverFirst how many reports of one fingerprint a window delivers one by one; {@link Long#MAX_VALUE} for all
 * @param reportSampleRate the fraction of the reports past those delivered one by one, from 0 to 1
 * @param reportSampleRates the same fraction for the report types listed, by type
 * @param beaconSampleRates the fraction of beacons delivered to observers, for the endpoints listed, by endpoint
 * @param anonymizeClientAddress whether the client's address is cut before observers, sinks and logs see it
 * @param anonymizedIpv4Prefix how many leading bits of an IPv4 address are kept where addresses are anonymised
 * @param anonymizedIpv6Prefix how many leading bits of an IPv6 address are kept where addresses are anonymised
 * @param lenientBinding whether a beacon binds to a class as JSON-B alone binds it, rather than strictly
 * @param answerWhenStored whether an accepted beacon is answered once every sink has stored it, rather than at once
 * @param answerTimeout how long an answer waits for the sinks to store its beacon, when it does
 * @param refuseUnknownEndpoints whether a beacon to an endpoint nothing names is answered {@code 404}
 * @param endpoints the endpoint names known besides those observers name
 * @param console where the console is served, and to whom
 * @param unknownSettingsFail whether a name under {@code beacon.} that no setting has fails the deployment, rather than
 *        being warned of
 */
public record BeaconConfig(boolean enabled,
                           List<String> paths,
                           List<String> mediaTypes,
                           long maxBodySize,
                           List<String> allowedOrigins,
                           boolean acceptWithoutOrigin,
                           Duration corsMaxAge,
                           List<String> contentEncodings,
                           int maxInFlight,
                           long maxInFlightBytes,
                           int asyncObserverThreads,
                           Duration readTimeout,
                           Duration shutdownTimeout,
                           boolean get,
                           boolean getAnsweredWithGif,
                           int maxQueryLength,
                           List<String> trustedProxies,
                           double rateLimit,
                           int rateLimitBurst,
                           Duration duplicateWindow,
                           Duration duplicateIdWindow,
                           boolean dropExtensionViolations,
                           boolean dropImpossibleViolations,
                           List<String> cspIgnoreUrls,
                           List<String> cspIgnoreSamples,
                           boolean cspIgnoreKnownNoise,
                           Duration reportRollupWindow,
                           int reportMaxFingerprints,
                           long reportDeliverFirst,
                           double reportSampleRate,
                           Map<String, Double> reportSampleRates,
                           Map<String, Double> beaconSampleRates,
                           boolean anonymizeClientAddress,
                           int anonymizedIpv4Prefix,
                           int anonymizedIpv6Prefix,
                           boolean lenientBinding,
                           boolean answerWhenStored,
                           Duration answerTimeout,
                           boolean refuseUnknownEndpoints,
                           List<String> endpoints,
                           ConsoleSettings console,
                           boolean unknownSettingsFail) {


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
    /** Setting name: when an accepted beacon is answered, {@code accepted} or {@code stored}. */
    public static final String ANSWER_WHEN = "beacon.answer-when";
    /** Setting name: seconds an answer waits for the sinks to store its beacon. */
    public static final String ANSWER_TIMEOUT = "beacon.answer-timeout";
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
    /** Setting name: seconds within which a beacon with the same id is a duplicate. */
    public static final String DUPLICATE_ID_WINDOW = "beacon.duplicate-id-window";
    /** Setting name: whether CSP violations caused by browser extensions are left undelivered. */
    public static final String DROP_EXTENSION_VIOLATIONS = "beacon.csp.drop-extension-violations";
    /** Setting name: whether CSP violations whose own policy allows what they blocked are left undelivered. */
    public static final String DROP_IMPOSSIBLE_VIOLATIONS = "beacon.csp.drop-impossible-violations";
    /** Setting name: rules on the blocked URLs and source files of CSP violations that are left undelivered. */
    public static final String CSP_IGNORE_URLS = "beacon.csp.ignore-urls";
    /** Setting name: texts of the script samples of CSP violations that are left undelivered. */
    public static final String CSP_IGNORE_SAMPLES = "beacon.csp.ignore-samples";
    /** Setting name: whether the library's list of what browser internals, extensions and adware cause is ignored. */
    public static final String CSP_IGNORE_KNOWN_NOISE = "beacon.csp.ignore-known-noise";
    /** Setting name: seconds a window of reports lasts before its rollups are fired; 0 for no rollups. */
    public static final String REPORT_ROLLUP_WINDOW = "beacon.reports.rollup-window";
    /** Setting name: the most fingerprints with a rollup of their own in one window. */
    public static final String REPORT_MAX_FINGERPRINTS = "beacon.reports.max-fingerprints";
    /** Setting name: how many reports of one fingerprint a window delivers one by one, or {@code all}. */
    public static final String REPORT_DELIVER_FIRST = "beacon.reports.deliver-first";
    /** Setting name: the fraction of the other reports delivered one by one. */
    public static final String REPORT_SAMPLE_RATE = "beacon.reports.sample-rate";
    /** Setting name: that fraction for the report types listed, as {@code type:fraction}. */
    public static final String REPORT_SAMPLE_RATES = "beacon.reports.sample-rates";
    /** Setting name: the fraction of beacons delivered to observers, for the endpoints listed, as {@code endpoint:fraction}. */
    public static final String BEACON_SAMPLE_RATES = "beacon.sample-rates";

    /** Setting name: how a beacon binds to an application's class, {@code strict} or {@code lenient}. */
    public static final String BINDING = "beacon.binding";
    /** Setting name: what a beacon to an endpoint that nothing names gets, {@code deliver} or {@code refuse}. */
    public static final String UNKNOWN_ENDPOINTS = "beacon.unknown-endpoints";
    /** Setting name: the endpoint names known besides those observers name. */
    public static final String ENDPOINTS = "beacon.endpoints";
    /** Setting name: what a name under {@code beacon.} that no setting has makes of the deployment, {@code warn} or {@code fail}. */
    public static final String UNKNOWN_SETTINGS = "beacon.unknown-settings";
    /** Setting name: the console's path under the context root; none for no console. */
    public static final String CONSOLE_PATH = "beacon.console.path";
    /** Setting name: the role a user must be in to see the console. */
    public static final String CONSOLE_ROLE = "beacon.console.role";
    /** Setting name: the addresses and ranges the console is open to. */
    public static final String CONSOLE_ALLOWED_ADDRESSES = "beacon.console.allowed-addresses";
    /** Setting name: whether the client's address is cut before anything of the application sees it. */
    public static final String ANONYMIZE_CLIENT_ADDRESS = "beacon.anonymize-client-address";
    /** Setting name: how many leading bits of a client's IPv4 address are kept where addresses are anonymised. */
    public static final String ANONYMIZED_IPV4_PREFIX = "beacon.anonymize-client-address.ipv4-prefix";
    /** Setting name: how many leading bits of a client's IPv6 address are kept where addresses are anonymised. */
    public static final String ANONYMIZED_IPV6_PREFIX = "beacon.anonymize-client-address.ipv6-prefix";

    /** The token in {@value #MEDIA_TYPES} that accepts a beacon sent without {@code Content-Type}. */
    public static final String NO_CONTENT_TYPE = SettingRules.NO_CONTENT_TYPE;

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

    /** Every setting's name, as the constants above give them: what a name set under {@code beacon.} may be. */
    static final List<String> NAMES = Arrays.stream(BeaconConfig.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(BeaconConfig::constant).filter(value -> value.startsWith("beacon.")).toList();

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
        SettingValues values = new SettingValues(Objects.requireNonNull(settings, "settings"));
        long maxBodySize = SettingRules.bodySize(values, MAX_BODY_SIZE, DEFAULT_MAX_BODY_SIZE);
        double rateLimit = SettingRules.rate(values, RATE_LIMIT);
        Duration rollupWindow = SettingRules.seconds(values, REPORT_ROLLUP_WINDOW, 0);
        List<String> paths = SettingRules.paths(values, PATHS, "/beacon");
        return new BeaconConfig(
                values.bool(ENABLED, true),
                paths,
                SettingRules.mediaTypes(values, MEDIA_TYPES, DEFAULT_MEDIA_TYPES),
                maxBodySize,
                SettingRules.origins(values, ALLOWED_ORIGINS),
                values.bool(ACCEPT_WITHOUT_ORIGIN, true),
                SettingRules.seconds(values, CORS_MAX_AGE, 7200),
                SettingRules.codings(values, CONTENT_ENCODINGS),
                SettingRules.beaconsInFlight(values, MAX_IN_FLIGHT, 10_000),
                SettingRules.bytesInFlight(values, MAX_IN_FLIGHT_BYTES, DEFAULT_MAX_IN_FLIGHT_BYTES, MAX_BODY_SIZE, maxBodySize),
                SettingRules.threads(values, ASYNC_OBSERVER_THREADS, 16),
                SettingRules.timeout(values, READ_TIMEOUT, 10),
                SettingRules.seconds(values, SHUTDOWN_TIMEOUT, 10),
                values.bool(GET, false),
                SettingRules.gifResponse(values, GET_RESPONSE),
                SettingRules.queryLength(values, MAX_QUERY_LENGTH, 8192),
                SettingRules.proxies(values, TRUSTED_PROXIES),
                rateLimit,
                SettingRules.burst(values, RATE_LIMIT_BURST, rateLimit),
                SettingRules.window(values, DUPLICATE_WINDOW),
                SettingRules.seconds(values, DUPLICATE_ID_WINDOW, 600),
                values.bool(DROP_EXTENSION_VIOLATIONS, false),
                values.bool(DROP_IMPOSSIBLE_VIOLATIONS, false),
                SettingRules.ignoreRules(values, CSP_IGNORE_URLS),
                SettingRules.ignoreRules(values, CSP_IGNORE_SAMPLES),
                values.bool(CSP_IGNORE_KNOWN_NOISE, false),
                rollupWindow,
                SettingRules.fingerprints(values, REPORT_MAX_FINGERPRINTS, 10_000),
                SettingRules.deliverFirst(values, REPORT_DELIVER_FIRST, REPORT_ROLLUP_WINDOW, rollupWindow),
                SettingRules.fraction(values, REPORT_SAMPLE_RATE),
                SettingRules.fractionsByName(values, REPORT_SAMPLE_RATES),
                SettingRules.fractionsByName(values, BEACON_SAMPLE_RATES),
                values.bool(ANONYMIZE_CLIENT_ADDRESS, false),
                SettingRules.prefixLength(values, ANONYMIZED_IPV4_PREFIX, 24, 32),
                SettingRules.prefixLength(values, ANONYMIZED_IPV6_PREFIX, 48, 128),
                SettingRules.lenient(values, BINDING),
                SettingRules.stored(values, ANSWER_WHEN),
                SettingRules.timeout(values, ANSWER_TIMEOUT, 5),
                SettingRules.refuses(values, UNKNOWN_ENDPOINTS),
                SettingRules.endpoints(values, ENDPOINTS),
                ConsoleSettings.from(values, paths),
                SettingRules.failsOrWarns(values, UNKNOWN_SETTINGS));
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A public constant is readable", e);
        }
    }
}
