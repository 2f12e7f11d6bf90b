package dev.beacon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.testing.ChromiumBodies;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Does url match source list" and the directive fallbacks, against what CSP Level 3 says of each kind of source, and
 * against the web-platform-tests expectations named where one applies.
 */
class CspPolicyTest {

    private static final URI PAGE = URI.create("https://shop.example/cart");

    @Test
    void selfIsThePagesOriginOrItsSecureUpgradeNeverAnotherPortOrHost() {
        assertAllowed("img-src 'self'", "img-src", Map.of(
                "https://shop.example/a.png", true,
                "https://shop.example:443/a.png", true,
                "http://shop.example/a.png", false, // a downgrade
                "https://shop.example:8443/a.png", false, // wpt generic-0_2_2: 'self' fails with a different port
                "https://cdn.shop.example/a.png", false)); // wpt generic-0_2_3: nor a sub-host
        assertTrue(CspPolicy.parse("img-src 'self'").allows("img-src", "https://shop.example/a.png", URI.create("http://shop.example/")),
                "an http page's 'self' allows its https upgrade");
    }

    @Test
    void aDirectiveFallsBackAsTheSpecificationOrdersAndWithoutOneNothingIsRestricted() {
        assertAllowed("default-src 'none'; img-src https:", "img-src", Map.of("https://any.example/a.png", true, "http://any.example/a.png", false));
        assertAllowed("default-src https://fonts.example", "font-src", Map.of("https://fonts.example/f.woff2", true, "https://x.example/f", false));
        assertAllowed("script-src https://js.example; default-src 'none'", "script-src-elem", Map.of("https://js.example/a.js", true));
        assertAllowed("child-src https://w.example; script-src 'none'", "worker-src", Map.of("https://w.example/w.js", true));
        assertAllowed("img-src 'self'", "script-src-elem", Map.of("https://any.example/a.js", true)); // no directive restricts scripts
        assertAllowed("default-src 'self'", "frame-ancestors", Map.of("https://any.example/", true)); // frame-ancestors falls back to nothing
        assertAllowed("img-src 'none'; img-src *", "img-src", Map.of("https://any.example/a.png", false)); // the first of a repeated directive
    }

    @Test
    void hostSourcesMatchWildcardsOnlyBelowTheDomainAndTakeThePagesSchemeWhereTheyNameNone() {
        assertAllowed("img-src *.example.com", "img-src", Map.of(
                "https://a.example.com/x.png", true,
                "https://b.a.example.com/x.png", true,
                "https://example.com/x.png", false, // wpt generic-0_8_1: the bare domain is not below itself
                "http://a.example.com/x.png", false)); // the page is https
        assertAllowed("img-src http://example.com", "img-src", Map.of("https://example.com/x", true, "http://example.com/x", true));
        assertAllowed("img-src EXAMPLE.com.", "img-src", Map.of("https://example.com/x", true));
    }

    @Test
    void portsMatchTheirSchemesDefaultAStarAnyAndEightyAllowsItsSecureUpgrade() {
        assertAllowed("img-src https://example.com", "img-src", Map.of("https://example.com:443/x", true, "https://example.com:8443/x", false));
        assertAllowed("img-src https://example.com:8443", "img-src", Map.of("https://example.com:8443/x", true, "https://example.com/x", false));
        assertAllowed("img-src https://example.com:*", "img-src", Map.of("https://example.com:1/x", true, "https://example.com/x", true));
        assertAllowed("img-src http://example.com:80", "img-src", Map.of("https://example.com/x", true, "http://example.com:81/x", false));
    }

    @Test
    void pathsEndingInASlashArePrefixesAndOthersWholeAfterDecoding() {
        assertAllowed("script-src https://example.com/lib/", "script-src-elem", Map.of(
                "https://example.com/lib/a.js", true, "https://example.com/lib/sub/b.js", true, "https://example.com/other.js", false));
        assertAllowed("script-src https://example.com/lib/a.js", "script-src-elem", Map.of(
                "https://example.com/lib/a.js?v=2", true, "https://example.com/lib/a.js/x", false, "https://example.com/lib/%61.js", true));
        // wpt source-list-wildcard-host-and-port: "*:*" with a path allows that path on any host and port, and nothing else
        assertAllowed("connect-src *:*/support/resource.py", "connect-src", Map.of(
                "https://a.test:8443/support/resource.py", true, "https://b.test/support/other.py", false));
    }

    @Test
    void theStarAllowsNetworkSchemesAndSchemeSourcesTheirUpgrades() {
        assertAllowed("img-src *", "img-src", Map.of("https://x.example/a", true, "wss://x.example/", true, "data", false, "blob:https://x/1", false));
        assertAllowed("img-src data: http:", "img-src", Map.of("data", true, "data:image/png;base64,AAAA", true, "https://x.example/a", true,
                "ftp://x.example/a", false));
    }

    @Test
    void inlineAndEvalAreAllowedByTheirKeywordsUnlessANonceHashOrStrictDynamicDisablesThem() {
        assertAllowed("script-src 'unsafe-inline'", "script-src-elem", Map.of("inline", true, "eval", false));
        assertAllowed("script-src 'unsafe-inline' 'nonce-abc'", "script-src-elem", Map.of("inline", false));
        assertAllowed("script-src 'unsafe-inline' 'sha256-xyz='", "script-src-attr", Map.of("inline", false));
        assertAllowed("script-src 'unsafe-eval'", "script-src", Map.of("eval", true, "wasm-eval", true));
        assertAllowed("script-src 'wasm-unsafe-eval'", "script-src", Map.of("wasm-eval", true, "eval", false));
        assertAllowed("script-src 'strict-dynamic' 'nonce-abc' https:", "script-src-elem", Map.of("https://cdn.example/a.js", false));
        assertAllowed("style-src 'self'", "style-src-attr", Map.of("inline", false, "trusted-types-sink", false));
    }

    @Test
    void aViolationTellsWhetherItsOwnPolicyAllowsWhatItBlocked() {
        String captured = new String(ChromiumBodies.captured("application/csp-report", "chromium-156-csp-report.json").bytes(), StandardCharsets.UTF_8);
        CspViolation real = violation(captured);
        CspViolation impossible = violation(captured.replace("http://127.0.0.1:1/blocked-by-csp.png", "http://127.0.0.1:18850/logo.png"));
        CspViolation level2 = violation("{\"csp-report\":{\"document-uri\":\"https://shop.example/\",\"violated-directive\":\"style-src"
                + " https://cdn.example\",\"original-policy\":\"style-src https://cdn.example\",\"blocked-uri\":\"https://cdn.example/s.css\"}}");
        CspViolation withoutPolicy = violation("{\"csp-report\":{\"document-uri\":\"https://shop.example/\",\"effective-directive\":\"img-src\","
                + "\"blocked-uri\":\"https://shop.example/a.png\"}}");

        assertEquals(List.of(false, true, true, false), List.of(real.isAllowedByItsPolicy(), impossible.isAllowedByItsPolicy(),
                level2.isAllowedByItsPolicy(), withoutPolicy.isAllowedByItsPolicy()), "Chromium's report blocked another port: possible");
    }

    private static void assertAllowed(String policy, String directive, Map<String, Boolean> expected) {
        CspPolicy parsed = CspPolicy.parse(policy);
        Map<String, Boolean> actual = expected.keySet().stream().collect(Collectors.toMap(blocked -> blocked,
                blocked -> parsed.allows(directive, blocked, PAGE)));
        assertEquals(expected, actual, policy + " for " + directive);
    }

    private static CspViolation violation(String legacy) {
        Beacon beacon = Beacon.builder("csp", "/beacon/csp").contentType(ContentType.parse("application/csp-report"))
                .body(legacy.getBytes(StandardCharsets.UTF_8)).build();
        return (CspViolation) ReportReader.read(beacon).reports().get(0);
    }
}
