package dev.beacon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.testing.ChromiumBodies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Reports as real browsers sent them ({@code src/test/resources/reports}, captured from Chromium 156 and
 * Firefox 153), the variants other browsers and versions send, and bodies that are not reports.
 */
class ReportReaderTest {

    private static final String CHROMIUM_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " HeadlessChrome/156.0.0.0 Safari/537.36";
    private static final Instant RECEIVED = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void chromiumReportUriBodyIsOneCspViolation() {
        Report report = single(beacon("application/csp-report", fixture("chromium-156-csp-report.json")));

        CspViolation violation = assertInstanceOf(CspViolation.class, report);
        assertEquals("csp-violation", violation.type());
        assertEquals(Optional.of("http://127.0.0.1:18850/pages/csp-uri.html"), violation.documentURL());
        assertEquals(violation.documentURL(), violation.url());
        assertEquals(Optional.of("http://127.0.0.1:1/blocked-by-csp.png"), violation.blockedURL());
        assertEquals(Optional.of("img-src"), violation.effectiveDirective());
        assertEquals(Optional.of("img-src 'self'; report-uri /beacon/csp"), violation.originalPolicy());
        assertEquals(Optional.of("enforce"), violation.disposition());
        assertEquals(OptionalLong.of(200), violation.statusCode());
        assertEquals(Optional.of(""), violation.sample());
        assertEquals(Optional.empty(), violation.sourceFile());
        assertEquals(OptionalLong.empty(), violation.lineNumber());
        // Sent at once, by the browser whose User-Agent the request carries.
        assertEquals(Duration.ZERO, violation.age());
        assertEquals(RECEIVED, violation.generatedAt());
        assertEquals(Optional.of("Firefox/153.0"), violation.userAgent());
        assertEquals("http://127.0.0.1:18850/pages/csp-uri.html", violation.body().getString("document-uri"));
    }

    @Test
    void firefoxReportUriBodyIsTheSameViolation() {
        CspViolation violation = assertInstanceOf(CspViolation.class,
                single(beacon("application/csp-report", fixture("firefox-153-csp-report.json"))));

        assertEquals(Optional.of("http://127.0.0.1:18850/pages/csp-uri.html"), violation.documentURL());
        assertEquals(Optional.of("http://127.0.0.1:1/blocked-by-csp.png"), violation.blockedURL());
        assertEquals(Optional.of("img-src"), violation.effectiveDirective());
        assertEquals(OptionalLong.of(1), violation.columnNumber());
        assertEquals(OptionalLong.of(200), violation.statusCode());
    }

    @Test
    void chromiumReportToBatchIsACspViolationWithItsSourceLocation() {
        CspViolation violation = assertInstanceOf(CspViolation.class,
                single(beacon("application/reports+json", fixture("chromium-156-reports-2-csp-violation.json"))));

        assertEquals(Optional.of("https://localhost:18851/pages/reports-all.html"), violation.url());
        assertEquals(Optional.of("https://localhost:18851/pages/reports-all.html"), violation.sourceFile());
        assertEquals(OptionalLong.of(11), violation.lineNumber());
        assertEquals(OptionalLong.of(10), violation.columnNumber());
        assertEquals(Optional.of(CHROMIUM_UA), violation.userAgent());
        assertFalse(violation.isCausedByBrowserExtension());
    }

    @Test
    void chromiumBatchOfACspAndAPermissionsPolicyViolationIsTwoTypedReports() {
        List<Report> reports = read(beacon("application/reports+json",
                fixture("chromium-156-reports-3-csp-violation+permissions-policy-violation.json"))).reports();

        assertEquals(2, reports.size());
        CspViolation csp = assertInstanceOf(CspViolation.class, reports.get(0));
        assertEquals(Optional.of("inline"), csp.blockedURL());
        assertEquals(Optional.of("report"), csp.disposition());
        assertEquals(Optional.of("script-src-elem"), csp.effectiveDirective());
        assertEquals(Duration.ofMillis(197), csp.age());
        assertEquals(RECEIVED.minusMillis(197), csp.generatedAt());
        PermissionsPolicyViolation permissions = assertInstanceOf(PermissionsPolicyViolation.class, reports.get(1));
        assertEquals(Optional.of("geolocation"), permissions.featureId(), "Chromium's policyId");
        assertEquals(Optional.of("enforce"), permissions.disposition());
        assertTrue(permissions.message().orElseThrow().startsWith("Permissions policy violation: Geolocation"));
        assertEquals(OptionalLong.of(9), permissions.lineNumber());
        assertEquals(OptionalLong.of(29), permissions.columnNumber());
    }

    @Test
    void chromiumBatchOfDeprecationsAndAnInterventionKeepsItsOrder() {
        List<Report> reports = read(beacon("application/reports+json", fixture("chromium-156-reports-1-deprecation+intervention.json"))).reports();

        assertEquals(List.of("deprecation", "deprecation", "intervention"), reports.stream().map(Report::type).toList());
        DeprecationReport xhr = assertInstanceOf(DeprecationReport.class, reports.get(0));
        assertEquals(Optional.of("XMLHttpRequestSynchronousInNonWorkerOutsideBeforeUnload"), xhr.id());
        assertEquals(OptionalLong.of(7), xhr.lineNumber());
        assertEquals(Optional.empty(), xhr.anticipatedRemoval());
        assertEquals(Optional.of("UnloadHandler"), assertInstanceOf(DeprecationReport.class, reports.get(1)).id());
        InterventionReport vibrate = assertInstanceOf(InterventionReport.class, reports.get(2));
        assertEquals(Optional.of("NavigatorVibrate"), vibrate.id());
        assertEquals(OptionalLong.of(61), vibrate.columnNumber());
        assertEquals(Duration.ofMillis(79), vibrate.age());
    }

    /** Older Firefox and WebKit: the legacy body, sent as application/json, with line numbers as strings. */
    @Test
    void legacyReportSentAsApplicationJsonWithNumbersAsStringsIsACspViolation() {
        String body = "{\"csp-report\":{\"document-uri\":\"https://shop.example/cart\",\"violated-directive\":\"script-src 'self'\","
                + "\"blocked-uri\":\"eval\",\"line-number\":\"42\",\"column-number\":\" 7 \",\"source-file\":\"https://shop.example/app.js\","
                + "\"script-sample\":\"eval(x)\",\"status-code\":\"200\"}}";

        CspViolation violation = assertInstanceOf(CspViolation.class, single(beacon("application/json", body)));

        assertEquals(Optional.of("eval"), violation.blockedURL());
        assertEquals(Optional.of("script-src"), violation.effectiveDirective(), "violated-directive's name when nothing else is sent");
        assertEquals(OptionalLong.of(42), violation.lineNumber());
        assertEquals(OptionalLong.of(7), violation.columnNumber());
        assertEquals(OptionalLong.of(200), violation.statusCode());
        assertEquals(Optional.of("eval(x)"), violation.sample());
    }

    @Test
    void otherJsonHoldsNoReport() {
        for (String json : List.of("{\"page\":\"/cart\"}", "[1,2]", "{\"note\":\"csp-report\"}", "{\"csp-report\":\"not an object\"}")) {
            assertEquals(new ReportReader.Reports(List.of(), List.of()), read(beacon("application/json", json)), json);
        }
        assertEquals(new ReportReader.Reports(List.of(), List.of()), read(beacon("text/plain", "[{\"type\":\"csp-violation\",\"body\":{}}]")));
    }

    @Test
    void fieldsThatAreMissingOrOfTheWrongKindReadAsAbsentAndTheReportIsStillDelivered() {
        String batch = "[{\"type\":\"csp-violation\",\"body\":{\"lineNumber\":\"abc\",\"columnNumber\":[1],\"blockedURL\":{},"
                + "\"statusCode\":1e999999999,\"sample\":null,\"disposition\":true,\"unknownField\":1}}]";

        CspViolation violation = assertInstanceOf(CspViolation.class, single(beacon("application/reports+json", batch)));

        assertEquals(OptionalLong.empty(), violation.lineNumber());
        assertEquals(OptionalLong.empty(), violation.columnNumber());
        assertEquals(Optional.empty(), violation.blockedURL());
        assertEquals(OptionalLong.empty(), violation.statusCode());
        assertEquals(Optional.empty(), violation.sample());
        assertEquals(Optional.of("true"), violation.disposition());
        assertEquals(Optional.empty(), violation.url());
        assertEquals(Duration.ZERO, violation.age());
        assertEquals(1, violation.body().getInt("unknownField"));
    }

    @Test
    void aTypeTheLibraryDoesNotKnowArrivesAsAReportAndAMissingBodyAsAnEmptyOne() {
        List<Report> reports = read(beacon("application/reports+json",
                "[{\"type\":\"document-policy-violation\",\"url\":\"https://a.example/\",\"age\":-5,\"body\":{\"featureId\":\"x\"}},"
                        + "{\"type\":\"csp-violation\"}]")).reports();

        assertSame(Report.class, reports.get(0).getClass());
        assertEquals("document-policy-violation", reports.get(0).type());
        assertEquals("x", reports.get(0).body().getString("featureId"));
        assertEquals(Duration.ZERO, reports.get(0).age(), "a negative age reads as none");
        assertEquals(Optional.empty(), assertInstanceOf(CspViolation.class, reports.get(1)).documentURL());
        assertTrue(reports.get(1).body().isEmpty());
    }

    @Test
    void aBatchWithMalformedReportsKeepsItsValidOnesAndNamesEachMalformedOne() {
        ReportReader.Reports read = read(beacon("application/reports+json",
                "[7, {\"type\":\"deprecation\",\"body\":{\"id\":\"A\"}}, {\"body\":{}}, {\"type\":3}, {\"type\":\"crash\",\"body\":\"oom\"},"
                        + " {\"type\":\"intervention\",\"body\":{\"id\":\"B\"}}]"));

        assertEquals(List.of("deprecation", "intervention"), read.reports().stream().map(Report::type).toList());
        assertEquals(List.of("a report that is not a JSON object", "a report without a \"type\" string",
                "a report without a \"type\" string", "a report whose \"body\" is not a JSON object"), read.malformed());
    }

    @Test
    void aLegacyBodyWithoutItsCspReportObjectIsMalformed() {
        assertEquals(List.of("an application/csp-report body without a \"csp-report\" object"),
                read(beacon("application/csp-report", "{\"document-uri\":\"https://a.example/\"}")).malformed());
    }

    @Test
    void violationsOfBrowserExtensionsAreRecognisedInEitherFormatAndCase() {
        assertTrue(violation("{\"type\":\"csp-violation\",\"body\":{\"sourceFile\":\"chrome-extension://abc/content.js\"}}").isCausedByBrowserExtension());
        assertTrue(violation("{\"type\":\"csp-violation\",\"body\":{\"blockedURL\":\"MOZ-EXTENSION://x/y.css\"}}").isCausedByBrowserExtension());
        assertTrue(assertInstanceOf(CspViolation.class, single(beacon("application/csp-report",
                "{\"csp-report\":{\"blocked-uri\":\"safari-web-extension://id/i.png\"}}"))).isCausedByBrowserExtension());
        assertFalse(violation("{\"type\":\"csp-violation\",\"body\":{\"blockedURL\":\"https://chrome-extension.example/\"}}").isCausedByBrowserExtension());
    }

    /** Bodies as the specs define them: Network Error Logging, Crash Reporting, COEP, COOP, Integrity Policy. */
    @Test
    void otherSpecifiedTypesReadTheirSpecsFieldNames() {
        List<Report> reports = read(beacon("application/reports+json", "["
                + "{\"type\":\"network-error\",\"url\":\"https://a.example/api\",\"age\":1000,\"body\":{\"sampling_fraction\":0.5,"
                + "\"elapsed_time\":45,\"phase\":\"connection\",\"type\":\"tcp.timed_out\",\"server_ip\":\"192.0.2.1\",\"protocol\":\"h2\","
                + "\"referrer\":\"https://a.example/\",\"method\":\"GET\",\"status_code\":0}},"
                + "{\"type\":\"crash\",\"body\":{\"reason\":\"oom\",\"is_top_level\":true}},"
                + "{\"type\":\"coep\",\"body\":{\"type\":\"corp\",\"blockedURL\":\"https://b.example/i.png\",\"destination\":\"image\",\"disposition\":\"enforce\"}},"
                + "{\"type\":\"coop\",\"body\":{\"type\":\"navigation-to-response\",\"disposition\":\"reporting\",\"effectivePolicy\":\"same-origin\","
                + "\"previousResponseURL\":\"https://c.example/\"}},"
                + "{\"type\":\"integrity-violation\",\"body\":{\"documentURL\":\"https://a.example/\",\"blockedURL\":\"https://cdn.example/x.js\","
                + "\"destination\":\"script\",\"reportOnly\":false}}]")).reports();

        NetworkErrorReport nel = assertInstanceOf(NetworkErrorReport.class, reports.get(0));
        assertEquals(OptionalDouble.of(0.5), nel.samplingFraction());
        assertEquals(OptionalLong.of(45), nel.elapsedTime());
        assertEquals(Optional.of("tcp.timed_out"), nel.errorType());
        assertEquals(Optional.of("192.0.2.1"), nel.serverIp());
        assertEquals(OptionalLong.of(0), nel.statusCode());
        assertEquals(Optional.of("GET"), nel.method());
        CrashReport crash = assertInstanceOf(CrashReport.class, reports.get(1));
        assertEquals(Optional.of("oom"), crash.reason());
        assertEquals(Optional.of(true), crash.isTopLevel());
        CoepViolation coep = assertInstanceOf(CoepViolation.class, reports.get(2));
        assertEquals(Optional.of("corp"), coep.violationType());
        assertEquals(Optional.of("image"), coep.destination());
        CoopViolation coop = assertInstanceOf(CoopViolation.class, reports.get(3));
        assertEquals(Optional.of("same-origin"), coop.effectivePolicy());
        assertEquals(Optional.of("https://c.example/"), coop.previousResponseURL());
        IntegrityViolation integrity = assertInstanceOf(IntegrityViolation.class, reports.get(4));
        assertEquals(Optional.of(false), integrity.reportOnly());
        assertEquals(Optional.of("https://cdn.example/x.js"), integrity.blockedURL());
    }

    /**
     * The shapes of the violated directive browsers send: CSP Level 3's bare name; CSP Level 2's directive with its
     * source list, in {@code violated-directive} alone (older Firefox and Safari, and many tutorials' samples) or in
     * {@code effective-directive} too; a word that is no directive; names in capitals. One fault, one name.
     */
    @Test
    void effectiveDirectiveIsTheBareNameOfADirectiveWhateverTheShapeSent() {
        assertEquals(Optional.of("style-src"), legacy("\"violated-directive\":\"style-src http://cdn.example.com\""));
        assertEquals(Optional.of("style-src"), legacy("\"effective-directive\":\"style-src http://cdn.example.com 'self'\","
                + "\"violated-directive\":\"style-src http://cdn.example.com 'self'\""));
        assertEquals(Optional.of("default-src"), legacy("\"violated-directive\":\"default-src 'none'\""));
        assertEquals(Optional.of("img-src"), legacy("\"effective-directive\":\"inline\",\"violated-directive\":\"img-src 'self'\""),
                "a word that is no directive: the violated directive's name instead");
        assertEquals(Optional.of("script-src-elem"), legacy("\"effective-directive\":\"SCRIPT-SRC-ELEM\",\"violated-directive\":\"script-src\""));
        assertEquals(Optional.of("frame-ancestors"), legacy("\"violated-directive\":\"  frame-ancestors  'none'\""));
        assertEquals(Optional.empty(), legacy("\"effective-directive\":\"eval\",\"violated-directive\":\"\""), "no directive named");
        assertEquals(Optional.empty(), legacy("\"blocked-uri\":\"eval\""), "none sent");
        assertEquals(Optional.of("img-src"), violation("{\"type\":\"csp-violation\",\"body\":{\"effectiveDirective\":\"img-src\"}}")
                .effectiveDirective());
    }

    private static Optional<String> legacy(String fields) {
        return assertInstanceOf(CspViolation.class, single(beacon("application/csp-report", "{\"csp-report\":{" + fields + "}}")))
                .effectiveDirective();
    }

    private static CspViolation violation(String report) {
        return assertInstanceOf(CspViolation.class, single(beacon("application/reports+json", "[" + report + "]")));
    }

    private static Report single(Beacon beacon) {
        ReportReader.Reports read = read(beacon);
        assertEquals(List.of(), read.malformed());
        assertEquals(1, read.reports().size(), read::toString);
        assertSame(beacon, read.reports().get(0).beacon());
        return read.reports().get(0);
    }

    private static ReportReader.Reports read(Beacon beacon) {
        return ReportReader.read(beacon);
    }

    private static Beacon beacon(String contentType, String body) {
        return Beacon.builder("csp", "/beacon/csp").contentType(ContentType.parse(contentType))
                .body(body.getBytes(StandardCharsets.UTF_8)).receivedAt(RECEIVED)
                .headers(name -> name.equalsIgnoreCase("User-Agent") ? "Firefox/153.0" : null).build();
    }

    private static String fixture(String name) {
        return new String(ChromiumBodies.captured("application/reports+json", name).bytes(), StandardCharsets.UTF_8);
    }
}
