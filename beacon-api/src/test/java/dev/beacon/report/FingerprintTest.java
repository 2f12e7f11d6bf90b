package dev.beacon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.testing.ChromiumBodies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One fault, one fingerprint: from Chromium and Firefox, in the legacy format and the Reporting API's, from a CSP Level
 * 2 browser and a Level 3 one; and two faults, two fingerprints. The bodies are those real browsers sent
 * ({@code src/test/resources/reports}) and the shapes other browsers send.
 */
class FingerprintTest {

    /** The image blocked on {@code csp-uri.html} in the captured reports, as each format and level carries it. */
    private static final String BLOCKED_IMAGE_REPORTING_API = "{\"type\":\"csp-violation\",\"url\":\"http://127.0.0.1:18850/pages/csp-uri.html\","
            + "\"body\":{\"documentURL\":\"http://127.0.0.1:18850/pages/csp-uri.html\",\"blockedURL\":\"http://127.0.0.1:1/blocked-by-csp.png\","
            + "\"effectiveDirective\":\"img-src\",\"lineNumber\":11,\"sample\":\"\"}}";
    private static final String BLOCKED_IMAGE_CSP_LEVEL_2 = "{\"csp-report\":{\"document-uri\":\"http://127.0.0.1:18850/pages/csp-uri.html?session=7\","
            + "\"violated-directive\":\"img-src 'self'\",\"blocked-uri\":\"http://127.0.0.1:1/other-image.png\"}}";

    @Test
    void chromiumAndFirefoxReportsOfOneFaultHaveOneFingerprint() {
        String chromium = legacy(fixture("chromium-156-csp-report.json")).fingerprint();

        assertEquals(chromium, legacy(fixture("firefox-153-csp-report.json")).fingerprint());
        assertTrue(chromium.matches("csp-violation:[0-9a-f]{16}"), chromium);
    }

    @Test
    void theLegacyFormatAndTheReportingApiAndBothCspLevelsGiveOneFingerprint() {
        String legacy = legacy(fixture("chromium-156-csp-report.json")).fingerprint();

        assertEquals(legacy, batch("[" + BLOCKED_IMAGE_REPORTING_API + "]").get(0).fingerprint());
        assertEquals(legacy, legacy(BLOCKED_IMAGE_CSP_LEVEL_2).fingerprint(), "another image of the same origin, the page with a query");
    }

    @Test
    void aFingerprintsPartsAreReadableAndTheSameForEveryShapeOfOneFault() {
        List<String> expected = List.of("img-src", "http://127.0.0.1:1", "http://127.0.0.1:18850/pages/csp-uri.html");

        assertEquals(expected, legacy(fixture("chromium-156-csp-report.json")).fingerprintParts());
        assertEquals(expected, legacy(BLOCKED_IMAGE_CSP_LEVEL_2).fingerprintParts());
        assertEquals(expected, batch("[" + BLOCKED_IMAGE_REPORTING_API + "]").get(0).fingerprintParts());
    }

    /**
     * Kept from release to release, as an application may store fingerprints and group by them across upgrades: the
     * type and the first 8 bytes of the SHA-256 of the type and the documented parts, each after a zero byte.
     */
    @Test
    void aFingerprintIsMadeOfItsDocumentedPartsAlone() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String part : List.of("csp-violation", "\0img-src", "\0http://127.0.0.1:1", "\0http://127.0.0.1:18850/pages/csp-uri.html")) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
        }
        String expected = "csp-violation:" + HexFormat.of().formatHex(Arrays.copyOf(sha256.digest(), 8));

        assertEquals(expected, legacy(fixture("chromium-156-csp-report.json")).fingerprint());
    }

    @Test
    void anotherDirectiveOriginOrPageIsAnotherFault() {
        String fault = legacy(BLOCKED_IMAGE_CSP_LEVEL_2).fingerprint();

        assertNotEquals(fault, legacy(BLOCKED_IMAGE_CSP_LEVEL_2.replace("img-src", "media-src")).fingerprint());
        assertNotEquals(fault, legacy(BLOCKED_IMAGE_CSP_LEVEL_2.replace("127.0.0.1:1", "cdn.example")).fingerprint());
        assertNotEquals(fault, legacy(BLOCKED_IMAGE_CSP_LEVEL_2.replace("csp-uri.html", "cart.html")).fingerprint());
        assertNotEquals(fault, batch("[" + BLOCKED_IMAGE_REPORTING_API.replace("csp-violation", "csp-something-else") + "]").get(0).fingerprint(),
                "another type");
    }

    @Test
    void keywordsAndSchemesStandForTheirResource() {
        String inline = violationBlocking("inline").fingerprint();

        assertEquals(inline, violationBlocking("'inline'").fingerprint());
        assertNotEquals(inline, violationBlocking("eval").fingerprint());
        assertEquals(violationBlocking("data:image/png;base64,AAAA").fingerprint(), violationBlocking("data:image/gif;base64,BBBB").fingerprint());
        assertEquals(violationBlocking("chrome-extension://abc/inject.js").fingerprint(),
                violationBlocking("chrome-extension://abc/other.js?v=2").fingerprint());
        assertNotEquals(violationBlocking("chrome-extension://abc/inject.js").fingerprint(),
                violationBlocking("chrome-extension://xyz/inject.js").fingerprint());
    }

    @Test
    void otherTypesAreIdentifiedByWhatTheirReportsOfOneFaultShare() {
        List<Report> captured = batch(fixture("chromium-156-reports-1-deprecation+intervention.json"));
        Report deprecation = captured.get(0);
        String sameDeprecationElsewhereInTheFile = batch("[{\"type\":\"deprecation\",\"url\":\"" + deprecation.url().orElseThrow()
                + "?visit=2\",\"body\":{\"id\":\"" + deprecation.body().getString("id") + "\",\"sourceFile\":\""
                + deprecation.body().getString("sourceFile") + "\",\"lineNumber\":99}}]").get(0).fingerprint();

        assertEquals(deprecation.fingerprint(), sameDeprecationElsewhereInTheFile);
        assertNotEquals(captured.get(0).fingerprint(), captured.get(captured.size() - 1).fingerprint(), "a deprecation and an intervention");

        String dns = networkError("https://shop.example/cart?id=1", "dns.name_not_resolved");
        assertEquals(dns, networkError("https://shop.example/other", "dns.name_not_resolved"), "one host");
        assertNotEquals(dns, networkError("https://cdn.shop.example/cart", "dns.name_not_resolved"));
        assertNotEquals(dns, networkError("https://shop.example/cart", "tcp.timed_out"));

        String unknown = batch("[{\"type\":\"made-up\",\"url\":\"https://shop.example/a?x=1\",\"body\":{}}]").get(0).fingerprint();
        assertEquals(unknown, batch("[{\"type\":\"made-up\",\"url\":\"https://shop.example/a#top\",\"body\":{\"n\":2}}]").get(0).fingerprint());
    }

    private static CspViolation violationBlocking(String blocked) {
        return legacy("{\"csp-report\":{\"document-uri\":\"https://shop.example/\",\"effective-directive\":\"script-src-elem\","
                + "\"blocked-uri\":\"" + blocked + "\"}}");
    }

    private static String networkError(String url, String type) {
        return batch("[{\"type\":\"network-error\",\"url\":\"" + url + "\",\"body\":{\"phase\":\"dns\",\"type\":\"" + type + "\"}}]")
                .get(0).fingerprint();
    }

    private static CspViolation legacy(String body) {
        return (CspViolation) read("application/csp-report", body).get(0);
    }

    private static List<Report> batch(String body) {
        return read("application/reports+json", body);
    }

    private static List<Report> read(String contentType, String body) {
        Beacon beacon = Beacon.builder("reports", "/beacon/reports").contentType(ContentType.parse(contentType))
                .body(body.getBytes(StandardCharsets.UTF_8)).build();
        ReportReader.Reports read = ReportReader.read(beacon);
        assertEquals(List.of(), read.malformed());
        return read.reports();
    }

    private static String fixture(String name) {
        return new String(ChromiumBodies.captured("application/reports+json", name).bytes(), StandardCharsets.UTF_8);
    }
}
