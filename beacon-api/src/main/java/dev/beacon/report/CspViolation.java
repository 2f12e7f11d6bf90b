package dev.beacon.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Content Security Policy violation (CSP Level 3, {@code csp-violation}): sent through
 * {@code report-to} in a Reporting API batch, or through {@code report-uri} as a legacy
 * {@code application/csp-report} body (kebab-case fields inside {@code "csp-report"}), which older
 * Firefox and WebKit send as {@code application/json}. Every accessor reads both formats.
 * <p>
 * Browsers differ: a field may be missing, line numbers may arrive as strings, and {@link #blockedURL()}
 * is a URL or a keyword ({@code inline}, {@code eval}, {@code wasm-eval}, {@code trusted-types-policy},
 * {@code trusted-types-sink}; older browsers also {@code self} or a bare scheme such as {@code data}).
 */
public final class CspViolation extends LocatedReport {

    /** The report type these reports carry. */
    public static final String TYPE = "csp-violation";

    private static final List<String> EXTENSION_SCHEMES = List.of("chrome-extension:", "moz-extension:", "safari-web-extension:");

    CspViolation(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return the page whose policy was violated ({@code document-uri} in the legacy format)
     */
    public Optional<String> documentURL() {
        return fields.string("documentURL", "document-uri");
    }

    /**
     * @return that page's referrer; often empty
     */
    public Optional<String> referrer() {
        return fields.string("referrer");
    }

    /**
     * @return the blocked resource: a URL, or a keyword such as {@code inline} or {@code eval} ({@code blocked-uri} in the legacy format)
     */
    public Optional<String> blockedURL() {
        return fields.string("blockedURL", "blocked-uri");
    }

    /**
     * The name of the directive that was violated, bare and lower-case, e.g. {@code img-src}, whatever the browser's CSP
     * level: the first token of {@code effectiveDirective} (Reporting API) or {@code effective-directive} (legacy) when
     * it names a directive, else of {@code violated-directive}, which CSP Level 2 browsers send with its whole source
     * list ({@code "style-src http://cdn.example.com"} gives {@code style-src}). Reports of one fault thus name one
     * directive, from any browser.
     *
     * @return the directive's name; empty when the report names none
     */
    public Optional<String> effectiveDirective() {
        return fields.string("effectiveDirective", "effective-directive").flatMap(CspDirectives::nameIn)
                .or(() -> fields.string("violated-directive").flatMap(CspDirectives::nameIn));
    }

    /**
     * @return the whole policy as the page declared it ({@code original-policy} in the legacy format)
     */
    public Optional<String> originalPolicy() {
        return fields.string("originalPolicy", "original-policy");
    }

    /**
     * @return the first 40 characters of the inline script, style or eval'd code; empty when the policy does not ask for samples ({@code script-sample} in the legacy format)
     */
    public Optional<String> sample() {
        return fields.string("sample", "script-sample");
    }

    /**
     * @return {@code enforce}, or {@code report} for a report-only policy
     */
    public Optional<String> disposition() {
        return fields.string("disposition");
    }

    /**
     * @return the HTTP status of the page ({@code status-code} in the legacy format)
     */
    public OptionalLong statusCode() {
        return fields.integer("statusCode", "status-code");
    }

    /**
     * @return whether a browser extension, not the page, caused the violation: its {@link #blockedURL()} or
     *         {@link #sourceFile()} is an extension's ({@code chrome-extension:}, {@code moz-extension:},
     *         {@code safari-web-extension:}), the noise that makes sites turn CSP reporting off
     */
    public boolean isCausedByBrowserExtension() {
        return blockedURL().filter(CspViolation::isExtensionUrl).isPresent() || sourceFile().filter(CspViolation::isExtensionUrl).isPresent();
    }

    /**
     * Whether the violation is impossible: the policy it reports ({@link #originalPolicy()}) allows what it says was
     * blocked. Decided by the algorithms of CSP Level 3: the directive that governs the {@link #effectiveDirective()}
     * (the first of its fallbacks the policy has, e.g. {@code default-src} for {@code img-src}), then whether the
     * {@link #blockedURL()} matches its source list ({@code *}, schemes, hosts with wildcards, ports and paths, and
     * {@code 'self'} against the {@link #documentURL()}), or, for {@code inline} and {@code eval}, whether it holds
     * {@code 'unsafe-inline'} (without a nonce, hash or {@code 'strict-dynamic'}) or {@code 'unsafe-eval'}. Such reports
     * come from extensions and proxies that rewrite pages, from stale caches, and from forged reports.
     *
     * @return {@code true} only when the policy is known and allows it; {@code false} when the report lacks the policy,
     *         the directive or what was blocked, or the policy does not allow it
     */
    public boolean isAllowedByItsPolicy() {
        Optional<String> policy = originalPolicy();
        Optional<String> directive = effectiveDirective();
        Optional<String> blocked = blockedURL();
        if (policy.isEmpty() || directive.isEmpty() || blocked.isEmpty()) {
            return false;
        }
        URI document = documentURL().flatMap(CspViolation::uri).orElse(null);
        // Older browsers wrote "self" for a blocked resource of the page's own origin.
        String what = blocked.get().equals("self") && document != null ? document.toString() : blocked.get();
        return CspPolicy.parse(policy.get()).allows(directive.get(), what, document);
    }

    private static Optional<URI> uri(String url) {
        try {
            return Optional.of(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isExtensionUrl(String url) {
        return EXTENSION_SCHEMES.stream().anyMatch(scheme -> url.regionMatches(true, 0, scheme, 0, scheme.length()));
    }

    /** The directive, the blocked resource's origin or keyword, and the page without its query. */
    @Override
    List<String> identity() {
        return List.of(effectiveDirective().orElse(""), Fingerprint.originOrKeyword(blockedURL()), Fingerprint.page(documentURL()));
    }
}
