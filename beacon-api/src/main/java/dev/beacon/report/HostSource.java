package dev.beacon.report;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host source of a CSP source list ({@code https://*.cdn.example:443/lib/}), and whether a URL matches it (CSP Level 3,
 * sections 6.7.2.9 to 6.7.2.14).
 *
 * @param scheme its scheme, lower-case; {@code null} when it names none, and the page's applies
 * @param host its host, lower-case: {@code *}, {@code *.example.com} or {@code example.com}
 * @param port its port, {@code *}, or {@code null} for the scheme's default
 * @param path its path; {@code null} for any
 */
record HostSource(String scheme, String host, String port, String path) {

    /** host-source = [ scheme-part "://" ] host-part [ ":" port-part ] [ path-part ] */
    private static final Pattern GRAMMAR = Pattern.compile(
            "(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(\\*|(?:\\*\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.?)(?::(\\d+|\\*))?(/[^;,\\s]*)?");

    /**
     * @param expression a source expression
     * @return it as a host source; empty when it is not one
     */
    static Optional<HostSource> parse(String expression) {
        Matcher matcher = GRAMMAR.matcher(expression);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String scheme = matcher.group(1) == null ? null : matcher.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(new HostSource(scheme, matcher.group(2).toLowerCase(Locale.ROOT), matcher.group(3), matcher.group(4)));
    }

    /**
     * @param url the blocked URL
     * @param document the page's URL, whose scheme applies where the source names none
     * @return whether the URL matches
     */
    boolean matches(URI url, URI document) {
        if (url.getHost() == null) {
            return false;
        }
        String urlScheme = url.getScheme().toLowerCase(Locale.ROOT);
        String expected = scheme != null ? scheme : document == null || document.getScheme() == null ? null : document.getScheme();
        return expected != null && CspPolicy.schemeMatches(expected, urlScheme) && hostMatches(url.getHost().toLowerCase(Locale.ROOT))
                && portMatches(url) && pathMatches(url.getRawPath());
    }

    /** Section 6.7.2.12: a leading {@code *} matches any host ending in the rest, never the bare domain. */
    private boolean hostMatches(String urlHost) {
        String pattern = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String actual = urlHost.endsWith(".") ? urlHost.substring(0, urlHost.length() - 1) : urlHost;
        return pattern.startsWith("*") ? actual.endsWith(pattern.substring(1)) : actual.equals(pattern);
    }

    /** Section 6.7.2.13: no port means the URL's scheme's default; 80 allows an upgrade to 443. */
    private boolean portMatches(URI url) {
        int actual = CspPolicy.portOf(url);
        if (port == null) {
            return url.getPort() == -1 || actual == CspPolicy.defaultPort(url.getScheme());
        }
        if (port.equals("*")) {
            return true;
        }
        int expected = Integer.parseInt(port);
        String urlScheme = url.getScheme().toLowerCase(Locale.ROOT);
        return expected == actual || expected == 80 && actual == 443 && (urlScheme.equals("https") || urlScheme.equals("wss"));
    }

    /** Section 6.7.2.14: a path ending in {@code /} is a prefix; any other must be the whole path, each decoded. */
    private boolean pathMatches(String urlPath) {
        if (path == null || path.equals("/")) {
            return true;
        }
        String expected = decoded(path);
        String actual = decoded(urlPath == null || urlPath.isEmpty() ? "/" : urlPath);
        return expected.endsWith("/") ? actual.startsWith(expected) : actual.equals(expected);
    }

    private static String decoded(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path; // a malformed escape compares as written
        }
    }
}
