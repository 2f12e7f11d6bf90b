package dev.beacon.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A serialized Content Security Policy, and whether it allows what a violation says it blocked, by the algorithms of
 * CSP Level 3: the directive that governs the request (the effective directive, or the first of its fallbacks the policy
 * has, section 6.8.3), and "does url match source list" (section 6.7.2.8) with {@code *}, scheme sources, host sources
 * with wildcards, ports and paths, and {@code 'self'}; for {@code inline} and {@code eval}, the keywords that allow them.
 * A redirect is not known from a report, so paths match as for a request that was not redirected.
 */
final class CspPolicy {

    /** The directives each directive falls back to, in order (CSP Level 3, section 6.8.3). */
    private static final Map<String, List<String>> FALLBACKS = Map.ofEntries(
            Map.entry("script-src-elem", List.of("script-src-elem", "script-src", "default-src")),
            Map.entry("script-src-attr", List.of("script-src-attr", "script-src", "default-src")),
            Map.entry("style-src-elem", List.of("style-src-elem", "style-src", "default-src")),
            Map.entry("style-src-attr", List.of("style-src-attr", "style-src", "default-src")),
            Map.entry("worker-src", List.of("worker-src", "child-src", "script-src", "default-src")),
            Map.entry("frame-src", List.of("frame-src", "child-src", "default-src")),
            Map.entry("fenced-frame-src", List.of("fenced-frame-src", "frame-src", "child-src", "default-src")));
    /** Directives that fall back to nothing: navigation and document directives. */
    private static final Set<String> WITHOUT_FALLBACK = Set.of("base-uri", "form-action", "frame-ancestors", "navigate-to", "sandbox");
    private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ws", 80, "wss", 443, "ftp", 21);

    private final Map<String, List<String>> directives;

    private CspPolicy(Map<String, List<String>> directives) {
        this.directives = directives;
    }

    /**
     * @param serialized a policy as a page declares it: directives separated by {@code ;}, each a name and its values
     * @return the policy; a directive named twice counts once, as browsers read it
     */
    static CspPolicy parse(String serialized) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : serialized.split(";")) {
            List<String> tokens = Arrays.stream(directive.strip().split("[\\t\\n\\f\\r ]+")).filter(token -> !token.isEmpty()).toList();
            if (!tokens.isEmpty()) {
                directives.putIfAbsent(tokens.get(0).toLowerCase(Locale.ROOT), tokens.subList(1, tokens.size()));
            }
        }
        return new CspPolicy(directives);
    }

    /**
     * @param directive the effective directive of the violation, e.g. {@code img-src}
     * @param blocked what was blocked: a URL, a bare scheme ({@code data}), or a keyword ({@code inline}, {@code eval})
     * @param document the URL of the page whose policy it is, for {@code 'self'} and sources without a scheme
     * @return whether this policy allows it: the violation could not have happened under this policy
     */
    boolean allows(String directive, String blocked, URI document) {
        Optional<List<String>> sources = governing(directive);
        if (sources.isEmpty()) {
            return true; // nothing in the policy restricts such requests
        }
        List<String> list = sources.get();
        return switch (blocked) {
            case "inline" -> allowsInline(list);
            case "eval" -> list.stream().anyMatch(source -> source.equalsIgnoreCase("'unsafe-eval'"));
            case "wasm-eval" -> list.stream().anyMatch(source -> source.equalsIgnoreCase("'unsafe-eval'")
                    || source.equalsIgnoreCase("'wasm-unsafe-eval'"));
            default -> blockedUrl(blocked).map(url -> matchesSourceList(url, list, document)).orElse(false);
        };
    }

    /** @return the source list of the directive that governs the effective directive; empty when none does */
    private Optional<List<String>> governing(String directive) {
        List<String> candidates = FALLBACKS.getOrDefault(directive, WITHOUT_FALLBACK.contains(directive)
                ? List.of(directive) : List.of(directive, "default-src"));
        return candidates.stream().filter(directives::containsKey).findFirst().map(directives::get);
    }

    /** {@code 'unsafe-inline'} is ignored where a nonce, a hash or {@code 'strict-dynamic'} is present (section 6.7.3.3). */
    private static boolean allowsInline(List<String> list) {
        boolean unsafeInline = false;
        for (String source : list) {
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.startsWith("'nonce-") || lower.startsWith("'sha256-") || lower.startsWith("'sha384-") || lower.startsWith("'sha512-")
                    || lower.equals("'strict-dynamic'")) {
                return false;
            }
            unsafeInline |= lower.equals("'unsafe-inline'");
        }
        return unsafeInline;
    }

    /** A URL as reports give it, or a bare scheme ({@code data}, {@code blob}) as a URL of that scheme without a host. */
    private static Optional<URI> blockedUrl(String blocked) {
        try {
            // A bare scheme stands for a URL of it, opaque, without a host.
            URI url = new URI(blocked.matches("[A-Za-z][A-Za-z0-9+.-]*") ? blocked + ":," : blocked);
            return url.getScheme() == null ? Optional.empty() : Optional.of(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Section 6.7.2.8: {@code 'strict-dynamic'} makes a script list ignore every URL-based source. */
    private static boolean matchesSourceList(URI url, List<String> list, URI document) {
        if (list.stream().anyMatch(source -> source.equalsIgnoreCase("'strict-dynamic'"))) {
            return false;
        }
        return list.stream().anyMatch(expression -> matchesExpression(url, expression, document));
    }

    /** Section 6.7.2.9. */
    private static boolean matchesExpression(URI url, String expression, URI document) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (expression.equals("*")) {
            return HTTP_SCHEMES.contains(scheme) || scheme.equals("ws") || scheme.equals("wss")
                    || document != null && scheme.equalsIgnoreCase(document.getScheme());
        }
        if (expression.equalsIgnoreCase("'self'")) {
            return document != null && matchesSelf(url, document);
        }
        if (expression.startsWith("'")) {
            return false; // a keyword, nonce or hash: no URL matches it
        }
        if (expression.matches("[A-Za-z][A-Za-z0-9+.-]*:")) {
            return schemeMatches(expression.substring(0, expression.length() - 1), scheme);
        }
        return HostSource.parse(expression).map(source -> source.matches(url, document)).orElse(false);
    }

    /** Section 6.7.2.10: the expression's scheme {@code a} allows the URL's {@code b}, upgrades included. */
    static boolean schemeMatches(String a, String b) {
        String expected = a.toLowerCase(Locale.ROOT);
        return expected.equals(b) || expected.equals("http") && b.equals("https")
                || expected.equals("ws") && (b.equals("wss") || b.equals("http") || b.equals("https"))
                || expected.equals("wss") && b.equals("https");
    }

    /** Section 6.7.2.9, {@code 'self'}: the page's origin, or its host and port over a secure upgrade. */
    private static boolean matchesSelf(URI url, URI document) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String documentScheme = document.getScheme() == null ? "" : document.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || document.getHost() == null || !url.getHost().equalsIgnoreCase(document.getHost())) {
            return false;
        }
        if (scheme.equals(documentScheme) && portOf(url) == portOf(document)) {
            return true;
        }
        boolean samePorts = portOf(url) == portOf(document) || url.getPort() == -1 && document.getPort() == -1;
        return samePorts && (scheme.equals("https") || scheme.equals("wss") || documentScheme.equals("http") && (scheme.equals("http")
                || scheme.equals("ws")));
    }

    /** @return the URL's port, or its scheme's default; -1 where it has neither */
    static int portOf(URI url) {
        return url.getPort() != -1 ? url.getPort() : defaultPort(url.getScheme());
    }

    /** @return the scheme's default port; -1 where it has none */
    static int defaultPort(String scheme) {
        return DEFAULT_PORTS.getOrDefault(scheme.toLowerCase(Locale.ROOT), -1);
    }
}
