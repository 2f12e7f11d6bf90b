package dev.beacon.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes a {@link Report#fingerprint()} of what identifies a report's fault, and reduces the URLs it is made of to what
 * stays the same from one report of a fault to the next: a page without its query, a resource's origin.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * @param type the report type
     * @param identity what identifies the fault among reports of that type
     * @return the type, a colon and 16 hexadecimal digits of the SHA-256 of both: readable where it is seen, and the
     *         same for equal identities, whatever the JVM or the release
     */
    static String of(String type, List<String> identity) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        sha256.update(type.getBytes(StandardCharsets.UTF_8));
        for (String part : identity) {
            sha256.update((byte) 0); // a separator no part contains: ("ab", "c") and ("a", "bc") differ
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return type + ":" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
    }

    /**
     * @return the page or file without its query and fragment, which vary between visits (session ids, cache busters);
     *         empty when absent
     */
    static String page(Optional<String> url) {
        String whole = url.orElse("");
        int end = whole.length();
        for (char separator : new char[] {'?', '#'}) {
            int at = whole.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return whole.substring(0, end);
    }

    /**
     * @return a blocked resource's origin ({@code https://cdn.example}), the scheme of a URL without one
     *         ({@code data}, {@code blob}), or the keyword a browser reports instead of a URL ({@code inline},
     *         {@code eval}), lower-case; empty when absent
     */
    static String originOrKeyword(Optional<String> url) {
        String whole = url.orElse("").strip();
        int colon = whole.indexOf(':');
        if (colon < 0) {
            return whole.replace("'", "").toLowerCase(Locale.ROOT);
        }
        return hostOf(whole).map(host -> whole.substring(0, colon).toLowerCase(Locale.ROOT) + "://" + host)
                .orElse(whole.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /**
     * @return the host of a URL, with its port when it has one; for what does not parse as one, the page without query
     */
    static String host(Optional<String> url) {
        return url.flatMap(Fingerprint::hostOf).orElse(page(url));
    }

    private static Optional<String> hostOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(uri.getPort() < 0 ? host : host + ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
