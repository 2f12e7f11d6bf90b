package dev.beacon.core.settings;

import dev.beacon.ContentType;
import dev.beacon.MalformedBeaconException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What each of the intake's settings allows, read through {@link SettingValues}: a value that is not allowed is
 * refused with the setting's name, the value seen and an example of a valid one. {@link BeaconConfig} names the
 * settings and their defaults.
 */
final class SettingRules {

    /** The token in the media types that accepts a beacon sent without {@code Content-Type}. */
    static final String NO_CONTENT_TYPE = "none";

    /** Leaves room for the array header: the largest byte array a JVM reliably allocates. */
    private static final long LARGEST_BODY_SIZE = Integer.MAX_VALUE - 8;

    /** A terabyte: past any heap, so a typo with a digit too many is caught rather than taken as no bound. */
    private static final long LARGEST_IN_FLIGHT_BYTES = 1L << 40;

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%-]+(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*");
    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\*|null");

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
    private static final String ERROR_READ_TIMEOUT =
            "The '%s' setting must be a whole number of seconds between 1 and 86400; got '%s'.";
    private static final String ERROR_QUERY =
            "The '%s' setting must be a whole number of characters between 1 and 1048576, e.g. 8192; got '%s'.";
    private static final String ERROR_ENDPOINTS =
            "The '%s' setting must be a comma-separated list of endpoint names, each 1 to 64 letters, digits, '.', '_' or '-',"
            + " starting with a letter or digit, e.g. 'vitals, errors'; got '%s'.";
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

    private static final String ERROR_IGNORE =
            "The '%s' setting must be a comma-separated list of rules, e.g. 'chrome:, *.ads.example'; got '%s'.";
    private static final String ERROR_FRACTIONS =
            "The '%s' setting must be a comma-separated list of names and fractions between 0 and 1, e.g. 'deprecation:0.01,"
            + " clicks:0.1'; got '%s'.";
    private static final Pattern NAMED_FRACTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\s*:\\s*\\d*\\.?\\d+");
    private static final String ERROR_FINGERPRINTS =
            "The '%s' setting must be a whole number of fingerprints between 1 and 1000000, e.g. 10000; got '%s'.";
    private static final String ERROR_DELIVER_FIRST =
            "The '%s' setting must be 'all' or a whole number of reports between 0 and 1000000, e.g. 10; got '%s'.";
    private static final String ERROR_FRACTION =
            "The '%s' setting must be a fraction between 0 and 1, e.g. 0.1 for one in ten; got '%s'.";

    private SettingRules() {
    }

    static List<String> paths(SettingValues settings, String name, String fallback) {
        return settings.list(name, fallback, ERROR_PATHS, value -> PATH.matcher(value).matches());
    }

    /** @return lower-case */
    static List<String> mediaTypes(SettingValues settings, String name, String fallback) {
        return settings.list(name, fallback, ERROR_MEDIA_TYPES, SettingRules::isMediaType).stream()
                .map(type -> type.toLowerCase(Locale.ROOT)).toList();
    }

    static long bodySize(SettingValues settings, String name, long fallback) {
        return settings.number(name, fallback, 1, LARGEST_BODY_SIZE, ERROR_SIZE);
    }

    static List<String> origins(SettingValues settings, String name) {
        return settings.list(name, "", ERROR_ORIGINS, value -> ORIGIN.matcher(value).matches());
    }

    /** @return lower-case, each once */
    static List<String> codings(SettingValues settings, String name) {
        return settings.list(name, "", ERROR_ENCODINGS, coding -> coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("deflate"))
                .stream().map(coding -> coding.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    static int beaconsInFlight(SettingValues settings, String name, int fallback) {
        return (int) settings.number(name, fallback, 1, 1_000_000, ERROR_IN_FLIGHT);
    }

    /** At least the largest body, or a beacon of that size could never be accepted. */
    static long bytesInFlight(SettingValues settings, String name, long fallback, String bodySizeName, long maxBodySize) {
        String error = "The '%s' setting must be a whole number of bytes between the largest body (" + bodySizeName + ", "
                + maxBodySize + ") and " + LARGEST_IN_FLIGHT_BYTES + ", e.g. 67108864 for 64 MiB; got '%s'.";
        return settings.number(name, Math.max(fallback, maxBodySize), maxBodySize, LARGEST_IN_FLIGHT_BYTES, error);
    }

    static int threads(SettingValues settings, String name, int fallback) {
        return (int) settings.number(name, fallback, 1, 1024, ERROR_OBSERVER_THREADS);
    }

    static Duration timeout(SettingValues settings, String name, long fallback) {
        return Duration.ofSeconds(settings.number(name, fallback, 1, 86_400, ERROR_READ_TIMEOUT));
    }

    static Duration seconds(SettingValues settings, String name, long fallback) {
        return Duration.ofSeconds(settings.number(name, fallback, 0, 86_400, ERROR_SECONDS));
    }

    /** @return whether a {@code GET} beacon is answered with a GIF: {@code gif}, rather than {@code 204} */
    static boolean gifResponse(SettingValues settings, String name) {
        return settings.either(name, "204", "gif");
    }

    static int queryLength(SettingValues settings, String name, int fallback) {
        return (int) settings.number(name, fallback, 1, 1_048_576, ERROR_QUERY);
    }

    /** Checked as addresses when the intake is built: a setting that is not one fails the deployment there. */
    static List<String> proxies(SettingValues settings, String name) {
        return settings.list(name, "", ERROR_PROXIES, value -> !value.isBlank());
    }

    static double rate(SettingValues settings, String name) {
        return settings.decimal(name, 0, 1_000_000, ERROR_RATE);
    }

    /** @return by default twice the rate, and at least one */
    static int burst(SettingValues settings, String name, double rate) {
        return (int) settings.number(name, Math.max(1, (long) Math.ceil(2 * rate)), 1, 1_000_000, ERROR_BURST);
    }

    static Duration window(SettingValues settings, String name) {
        return Duration.ofSeconds(settings.number(name, 0, 0, 3_600, ERROR_WINDOW));
    }

    static List<String> ignoreRules(SettingValues settings, String name) {
        return settings.list(name, "", ERROR_IGNORE, value -> !value.isBlank());
    }

    /** @return each name's fraction, from a list of {@code name:fraction}, in the order listed */
    static Map<String, Double> fractionsByName(SettingValues settings, String name) {
        Map<String, Double> fractions = new LinkedHashMap<>();
        for (String item : settings.list(name, "", ERROR_FRACTIONS, item -> NAMED_FRACTION.matcher(item).matches())) {
            int colon = item.lastIndexOf(':');
            double fraction = Double.parseDouble(item.substring(colon + 1).strip());
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException(ERROR_FRACTIONS.formatted(name, settings.value(name)));
            }
            fractions.put(item.substring(0, colon).strip(), fraction);
        }
        return fractions;
    }

    static int fingerprints(SettingValues settings, String name, int fallback) {
        return (int) settings.number(name, fallback, 1, 1_000_000, ERROR_FINGERPRINTS);
    }

    /**
     * @return how many reports of one fingerprint a window delivers: {@link Long#MAX_VALUE} for {@code all}, the default
     * @throws IllegalArgumentException where a number is set without the window it counts in
     */
    static long deliverFirst(SettingValues settings, String name, String windowName, Duration window) {
        String value = settings.value(name);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("all")) {
            return Long.MAX_VALUE;
        }
        long first = settings.number(name, 0, 0, 1_000_000, ERROR_DELIVER_FIRST);
        if (window.isZero()) {
            throw new IllegalArgumentException("The '" + name + "' setting counts each fingerprint's reports per window, and '"
                    + windowName + "' sets no window: set it too, e.g. '" + windowName + "=60' for one minute.");
        }
        return first;
    }

    static double fraction(SettingValues settings, String name) {
        return settings.decimal(name, 1, 1, ERROR_FRACTION);
    }

    static int prefixLength(SettingValues settings, String name, int fallback, int bits) {
        return (int) settings.number(name, fallback, 0, bits, "The '%s' setting must be a whole number of leading bits to keep, from 0 to "
                + bits + "; got '%s'.");
    }

    /** @return whether {@code fail} was chosen over {@code warn}, the default */
    static boolean failsOrWarns(SettingValues settings, String name) {
        return settings.either(name, "warn", "fail");
    }

    static boolean lenient(SettingValues settings, String name) {
        return settings.either(name, "strict", "lenient");
    }

    static boolean stored(SettingValues settings, String name) {
        return settings.either(name, "accepted", "stored");
    }

    static boolean refuses(SettingValues settings, String name) {
        return settings.either(name, "deliver", "refuse");
    }

    static List<String> endpoints(SettingValues settings, String name) {
        return settings.list(name, "", ERROR_ENDPOINTS, EndpointNames::isValid);
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
}
