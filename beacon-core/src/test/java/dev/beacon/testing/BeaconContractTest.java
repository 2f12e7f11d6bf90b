package dev.beacon.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconForm;
import dev.beacon.BeaconStatistics;
import dev.beacon.ContentType;
import dev.beacon.FilePart;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.report.CspViolation;
import dev.beacon.report.PermissionsPolicyViolation;
import dev.beacon.report.Report;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every beacon entry point keeps, proven over real HTTP against a real CDI container. The
 * servlet filter and the JAX-RS resource each run this same contract against their own server.
 */
public abstract class BeaconContractTest {

    /**
     * What each entry point under test is configured with. The in-flight budget holds one body of the
     * largest size, and one byte less than a second.
     */
    public static final Map<String, String> SETTINGS = Map.of(
            BeaconConfig.ALLOWED_ORIGINS, "https://allowed.example, https://*.example.org",
            BeaconConfig.CORS_MAX_AGE, "600",
            BeaconConfig.CONTENT_ENCODINGS, "gzip, deflate",
            BeaconConfig.MAX_IN_FLIGHT_BYTES, Long.toString(2 * BeaconConfig.DEFAULT_MAX_BODY_SIZE - 1));

    private static final AtomicInteger ENDPOINTS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    protected RecordingObservers observers;

    /**
     * @return the bare beacon path of the entry point under test, e.g. {@code http://127.0.0.1:8080/app/beacon}
     */
    protected abstract URI beaconUri();

    /**
     * @return the CDI container the entry point delivers to
     */
    protected abstract TestContainer container();

    @BeforeEach
    void findObservers() {
        observers = container().bean(RecordingObservers.class);
    }

    @Test
    void acceptsStringAsTextPlainUtf8() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, ChromiumBodies.string("visible→hidden 👋"));

        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals("visible→hidden 👋", beacon.text());
        assertEquals("text/plain", beacon.contentType().orElseThrow().essence());
        assertEquals(Optional.of(StandardCharsets.UTF_8), beacon.contentType().orElseThrow().charset());
        assertEquals(Optional.empty(), beacon.json());
    }

    @Test
    void acceptsTextBlobWithoutCharset() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.textBlob("1700000000000"));

        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals("text/plain", beacon.contentType().orElseThrow().toString());
        assertEquals("1700000000000", beacon.text());
    }

    @Test
    void readsJsonSentAsTextPlain() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.string("{\"event\":\"click\",\"x\":3}"));

        JsonObject json = observers.sync().awaitOne(endpoint).json().orElseThrow().asJsonObject();
        assertEquals("click", json.getString("event"));
        assertEquals(3, json.getInt("x"));
    }

    @Test
    void acceptsJsonBlob() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.jsonBlob("[1,2,3]"));

        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals("application/json", beacon.contentType().orElseThrow().essence());
        assertEquals(3, beacon.json().orElseThrow().asJsonArray().size());
    }

    @Test
    void acceptsUntypedBlobWithoutContentType() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.untypedBlob("untyped".getBytes(StandardCharsets.UTF_8)));

        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals(Optional.empty(), beacon.contentType());
        assertEquals("untyped", beacon.text());
    }

    @Test
    void acceptsArrayBufferWithoutContentTypeByteForByte() throws Exception {
        String endpoint = uniqueEndpoint();
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        post(endpoint, ChromiumBodies.arrayBuffer(everyByte));

        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals(Optional.empty(), beacon.contentType());
        assertArrayEquals(everyByte, beacon.body());
    }

    @Test
    void acceptsBeaconWithoutBody() throws Exception {
        String endpoint = uniqueEndpoint();
        assertEquals(204, post(endpoint, ChromiumBodies.empty()).statusCode());

        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals(0, beacon.size());
        assertEquals(Optional.empty(), beacon.contentType());
        assertEquals(Optional.empty(), beacon.form());
    }

    @Test
    void acceptsUrlSearchParamsAsFormFields() throws Exception {
        String endpoint = uniqueEndpoint();
        assertEquals(204, post(endpoint, ChromiumBodies.urlSearchParams()).statusCode());

        BeaconForm form = observers.sync().awaitOne(endpoint).form().orElseThrow();
        assertEquals(Optional.of("unload"), form.first("event"));
        assertEquals(Optional.of("/a b?c=d"), form.first("page"));
        assertEquals(Optional.of("👋"), form.first("emoji"));
    }

    @Test
    void acceptsFormDataWithFieldAndFile() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.formDataWithFile("{\"frames\":[]}"));

        BeaconForm form = observers.sync().awaitOne(endpoint).form().orElseThrow();
        assertEquals(List.of("unload"), form.values("event"));
        FilePart file = form.files().get(0);
        assertEquals("trace", file.name());
        assertEquals("trace.json", file.filename());
        assertEquals("application/json", file.contentType().orElseThrow().essence());
        assertEquals("{\"frames\":[]}", new String(file.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void acceptsCspReportAndReadsItsFields() throws Exception {
        post("csp", ChromiumBodies.cspReport());

        JsonObject report = observers.csp().awaitOne("csp").json().orElseThrow().asJsonObject().getJsonObject("csp-report");
        assertEquals("img-src", report.getString("violated-directive"));
        assertEquals("http://127.0.0.1/x.png", report.getString("blocked-uri"));
    }

    @Test
    void acceptsReportingApiBatch() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.reportsJson());

        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals("application/reports+json", beacon.contentType().orElseThrow().essence());
        assertEquals("csp-violation", beacon.json().orElseThrow().asJsonArray().getJsonObject(0).getString("type"));
    }

    @Test
    void deliversEachReportOfAChromiumBatchAsItsType() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.captured("application/reports+json",
                "chromium-156-reports-3-csp-violation+permissions-policy-violation.json"));

        List<Report> reports = observers.reports().await(endpoint, 2);
        CspViolation csp = assertInstanceOf(CspViolation.class, reports.get(0));
        assertEquals(Optional.of("script-src-elem"), csp.effectiveDirective());
        assertEquals(Optional.of("geolocation"), assertInstanceOf(PermissionsPolicyViolation.class, reports.get(1)).featureId());
        assertEquals(endpoint, csp.endpoint());
        assertSame(observers.sync().awaitOne(endpoint), csp.beacon(), "the batch's beacon, delivered too");
    }

    @Test
    void deliversALegacyCspReportAsACspViolation() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.captured("application/csp-report", "firefox-153-csp-report.json"), "User-Agent", "Firefox/153.0");

        CspViolation violation = assertInstanceOf(CspViolation.class, observers.reports().awaitOne(endpoint));
        assertEquals(Optional.of("http://127.0.0.1:1/blocked-by-csp.png"), violation.blockedURL());
        assertEquals(Optional.of("Firefox/153.0"), violation.userAgent());
    }

    @Test
    void bindsBeaconsToTheClassObservedAtTheirEndpointFromJsonTextBlobsAndForms() throws Exception {
        String page = uniqueEndpoint();
        Map<String, BrowserBody> bodies = Map.of(
                page + "-text", ChromiumBodies.string(vital(page + "-text", "1234.5")),
                page + "-blob", ChromiumBodies.jsonBlob(vital(page + "-blob", "1234.5")),
                page + "-params", new BrowserBody("application/x-www-form-urlencoded;charset=UTF-8",
                        ("id=" + page + "-params&name=LCP&value=1234.5&delta=12").getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, BrowserBody> body : bodies.entrySet()) {
            assertEquals(204, post("vitals", body.getValue()).statusCode(), body.getKey());
        }

        for (String id : bodies.keySet()) {
            assertEquals(new WebVital(id, "LCP", 1234.5, 12), observers.vitals().awaitOne(id));
        }
    }

    @Test
    void refusesABodyThatDoesNotBindToTheClassObservedWith400NamingItAndTheField() throws Exception {
        String page = uniqueEndpoint();

        HttpResponse<String> response = post("vitals", ChromiumBodies.jsonBlob(vital(page, "\"fast\"")));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("Body not bindable to WebVital: "), response.body());
        assertTrue(response.body().contains("'value'"), response.body());
        assertEquals(1, response.body().strip().lines().count(), response.body());
        // An endpoint whose observers want no class binds nothing: the same body is a good beacon there.
        String elsewhere = uniqueEndpoint();
        assertEquals(204, post(elsewhere, ChromiumBodies.jsonBlob(vital(page, "\"fast\""))).statusCode());
        observers.sync().awaitOne(elsewhere);
        assertEquals(List.of(), observers.vitals().of(page));
        assertEquals(List.of(), observers.sync().matching(beacon -> beacon.endpoint().equals("vitals") && beacon.text().contains(page)));
    }

    /** What the README promised and JSON-B alone did not keep: a misnamed property or a lossy number is refused, not bound as zero. */
    @Test
    void refusesAPropertyTheClassDoesNotDeclareAndANumberItsIntegralPropertyCannotHoldNamingThem() throws Exception {
        String page = uniqueEndpoint();

        HttpResponse<String> misnamed = post("vitals", ChromiumBodies.string("{\"id\":\"" + page + "\",\"metric\":\"LCP\",\"val\":1.5}"));
        HttpResponse<String> lossy = post("vitals", ChromiumBodies.string("{\"id\":\"" + page + "\",\"name\":\"CLS\",\"delta\":1.7}"));
        HttpResponse<String> extraField = post("vitals", new BrowserBody("application/x-www-form-urlencoded;charset=UTF-8",
                ("id=" + page + "&name=LCP&value=1&delta=1&utm_source=x").getBytes(StandardCharsets.UTF_8)));

        assertEquals(400, misnamed.statusCode());
        assertTrue(misnamed.body().startsWith("Body not bindable to WebVital: property 'metric' is not one WebVital declares"), misnamed.body());
        assertEquals(400, lossy.statusCode());
        assertTrue(lossy.body().startsWith("Body not bindable to WebVital: property 'delta' is '1.7', which int cannot hold"), lossy.body());
        assertEquals(400, extraField.statusCode());
        assertTrue(extraField.body().contains("property 'utm_source' is not one WebVital declares"), extraField.body());
        assertEquals(204, post("vitals", ChromiumBodies.string(vital(page, "1.5"))).statusCode());
        assertEquals(new WebVital(page, "LCP", 1.5, 12), observers.vitals().awaitOne(page));
        assertEquals(1, observers.vitals().of(page).size()); // the refused three never reached it
    }

    private static String vital(String id, String value) {
        return "{\"id\":\"" + id + "\",\"name\":\"LCP\",\"value\":" + value + ",\"delta\":12}";
    }

    @Test
    void acceptsOctetStream() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, new BrowserBody("application/octet-stream", new byte[] {1, 2, 3}));

        assertArrayEquals(new byte[] {1, 2, 3}, observers.sync().awaitOne(endpoint).body());
    }

    @Test
    void matchesMediaTypeIgnoringCaseAndParameters() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, new BrowserBody("Text/PLAIN; Charset=utf-8; foo=bar", "x".getBytes(StandardCharsets.UTF_8)));

        assertEquals(204, response.statusCode());
        ContentType received = observers.sync().awaitOne(endpoint).contentType().orElseThrow();
        assertEquals("text/plain", received.essence());
        assertEquals(Optional.of(StandardCharsets.UTF_8), received.charset());
        assertEquals(Optional.of("bar"), received.parameter("FOO"));
    }

    @Test
    void rejectsUnlistedMediaTypeWith415AndAcceptPost() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, new BrowserBody("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));

        assertEquals(415, response.statusCode());
        List<String> acceptPost = Arrays.stream(response.headers().firstValue("Accept-Post").orElseThrow().split(","))
                .map(String::strip).toList();
        assertEquals(List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json",
                "application/reports+json", "application/csp-report", "application/octet-stream"), acceptPost);
        assertNothingDelivered(endpoint);
    }

    @Test
    void rejectsBodiesNotReadableAsTheirMediaTypeWith400AndAReason() throws Exception {
        Map<String, BrowserBody> unreadable = Map.of(
                "json", new BrowserBody("application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8)),
                "reports", new BrowserBody("application/reports+json", "{\"type\":\"csp-violation\"}".getBytes(StandardCharsets.UTF_8)),
                "csp", new BrowserBody("application/csp-report", "not json".getBytes(StandardCharsets.UTF_8)),
                "exponent", new BrowserBody("application/json", "[1e9999999999]".getBytes(StandardCharsets.UTF_8)),
                "deep", new BrowserBody("application/json", ("[".repeat(1000) + "]".repeat(1000)).getBytes(StandardCharsets.UTF_8)),
                "longnumber", new BrowserBody("application/json", ("[" + "9".repeat(1200) + "]").getBytes(StandardCharsets.UTF_8)),
                "percent", new BrowserBody("application/x-www-form-urlencoded", "a=%ZZ".getBytes(StandardCharsets.US_ASCII)),
                "noboundary", new BrowserBody("multipart/form-data", ChromiumBodies.formDataWithFile("{}").bytes()),
                "truncated", new BrowserBody("multipart/form-data; boundary=" + ChromiumBodies.BOUNDARY,
                        Arrays.copyOf(ChromiumBodies.formDataWithFile("{}").bytes(), 60)));
        Map<String, String> endpoints = new HashMap<>();
        for (Map.Entry<String, BrowserBody> body : unreadable.entrySet()) {
            String endpoint = uniqueEndpoint();
            endpoints.put(body.getKey(), endpoint);
            HttpResponse<String> response = post(endpoint, body.getValue());

            assertEquals(400, response.statusCode(), body.getKey());
            assertEquals(1, response.body().strip().lines().count(), () -> body.getKey() + ": " + response.body());
        }
        for (String endpoint : endpoints.values()) {
            assertNothingDelivered(endpoint);
        }
    }

    @Test
    void rejectsUnknownCharsetWith415() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, new BrowserBody("text/plain; charset=klingon-8", "x".getBytes(StandardCharsets.UTF_8)));

        assertEquals(415, response.statusCode());
        assertNothingDelivered(endpoint);
    }

    @Test
    void decodesConfiguredContentCodingsBeforeObserversSeeTheBody() throws Exception {
        byte[] report = "[{\"type\":\"csp-violation\",\"body\":{}}]".getBytes(StandardCharsets.UTF_8);
        String gzipped = uniqueEndpoint();
        String deflated = uniqueEndpoint();
        assertEquals(204, post(gzipped, new BrowserBody("application/reports+json", Compressed.gzip(report)),
                "Content-Encoding", "gzip").statusCode());
        assertEquals(204, post(deflated, new BrowserBody("application/reports+json", Compressed.deflate(report)),
                "Content-Encoding", "deflate").statusCode());

        for (String endpoint : List.of(gzipped, deflated)) {
            Beacon beacon = observers.sync().awaitOne(endpoint);
            assertArrayEquals(report, beacon.body());
            assertEquals(1, beacon.json().orElseThrow().asJsonArray().size());
        }
    }

    @Test
    void rejectsContentCodingNotConfiguredWith415AndAcceptEncoding() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, ChromiumBodies.string("x"), "Content-Encoding", "br");

        assertEquals(415, response.statusCode());
        assertEquals(Optional.of("identity, gzip, deflate"), response.headers().firstValue("Accept-Encoding"));
        assertNothingDelivered(endpoint);
    }

    @Test
    void rejectsBodyInflatingPastTheLimitWith413() throws Exception {
        String endpoint = uniqueEndpoint();
        byte[] bomb = Compressed.gzip(new byte[16 * 1024 * 1024]);
        HttpResponse<String> response = post(endpoint, new BrowserBody("text/plain", bomb), "Content-Encoding", "gzip");

        assertEquals(413, response.statusCode(), response.body());
        assertNothingDelivered(endpoint);
    }

    @Test
    void rejectsBodyNotValidInItsContentCodingWith400() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, ChromiumBodies.string("not gzip"), "Content-Encoding", "gzip");

        assertEquals(400, response.statusCode());
        assertEquals("Body not valid gzip", response.body().strip());
        assertNothingDelivered(endpoint);
    }

    @Test
    void rejectsRepeatedContentTypeWith400() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: text/plain", "Content-Type: application/json", "Content-Length: 1") + "x");

            assertEquals(400, RawHttp.status(raw.readHead()));
        }
        assertNothingDelivered(endpoint);
    }

    @Test
    void acceptsABodyOfExactlyTheDefaultLimitOf1MiB() throws Exception {
        String endpoint = uniqueEndpoint();
        byte[] largest = new byte[(int) BeaconConfig.DEFAULT_MAX_BODY_SIZE];
        Arrays.fill(largest, (byte) 'a');
        assertEquals(204, post(endpoint, ChromiumBodies.textBlob(new String(largest, StandardCharsets.US_ASCII))).statusCode());

        assertArrayEquals(largest, observers.sync().awaitOne(endpoint).body());
    }

    @Test
    void rejectsDeclaredLengthOverLimitWith413WithoutReadingTheBody() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            // The body never follows: a server that waited for it would not answer, and the read would time out.
            raw.send(head(endpoint, "Content-Type: text/plain", "Content-Length: " + (BeaconConfig.DEFAULT_MAX_BODY_SIZE + 1)));

            assertEquals(413, RawHttp.status(raw.readHead()));
        }
        assertNothingDelivered(endpoint);
    }

    @Test
    void rejectsChunkedBodyWith413AsSoonAsItCrossesTheLimit() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: text/plain", "Transfer-Encoding: chunked"));
            byte[] chunk = new byte[16_384];
            for (int sent = 0; sent <= BeaconConfig.DEFAULT_MAX_BODY_SIZE; sent += chunk.length) {
                raw.chunk(chunk);
            }
            // No last chunk: the 413 must come while the body is still open.
            assertEquals(413, RawHttp.status(raw.readHead()));
        }
        assertNothingDelivered(endpoint);
    }

    @Test
    void takesAPostWithNeitherLengthNorChunksAsAnEmptyBeaconAtOnce() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: text/plain"));

            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals(0, observers.sync().awaitOne(endpoint).size());
    }

    /**
     * A form whose body comes after its head: Jersey reads a byte of such a body ahead, to see whether
     * the form has one, and a resource reading the servlet's own stream would lose it.
     */
    @Test
    void acceptsAFormWhoseBodyFollowsItsHeadSeparately() throws Exception {
        String endpoint = uniqueEndpoint();
        byte[] form = "event=unload&page=%2Fcart".getBytes(StandardCharsets.US_ASCII);
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: application/x-www-form-urlencoded;charset=UTF-8", "Content-Length: " + form.length));
            raw.send(new String(form, StandardCharsets.US_ASCII));

            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        BeaconForm received = observers.sync().awaitOne(endpoint).form().orElseThrow();
        assertEquals(Optional.of("unload"), received.first("event"));
        assertEquals(Optional.of("/cart"), received.first("page"));
    }

    @Test
    void acceptsChunkedBodySentInPieces() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: text/plain", "Transfer-Encoding: chunked"));
            raw.chunk("abc".getBytes(StandardCharsets.US_ASCII));
            raw.chunk("de".getBytes(StandardCharsets.US_ASCII)).lastChunk();

            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals("abcde", observers.sync().awaitOne(endpoint).text());
    }

    @Test
    void rejectsBodyEndingBeforeItsContentLengthWith400() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: text/plain", "Content-Length: 10") + "abc");
            raw.stopSending();

            assertEquals(400, RawHttp.status(raw.readHead()));
        }
        assertNothingDelivered(endpoint);
    }

    @Test
    void readsNoFurtherThanContentLengthAndTakesWhatFollowsAsTheNextRequest() throws Exception {
        String first = uniqueEndpoint();
        String second = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(first, "Content-Type: text/plain", "Content-Length: 3") + "abc"
                    + head(second, "Content-Type: text/plain", "Content-Length: 2") + "de");

            assertEquals(204, RawHttp.status(raw.readHead()));
            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals("abc", observers.sync().awaitOne(first).text());
        assertEquals("de", observers.sync().awaitOne(second).text());
    }

    @Test
    void asksForTheBodyOfAnExpect100ContinueBeacon() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: text/plain", "Content-Length: 5", "Expect: 100-continue"));
            assertEquals(100, RawHttp.status(raw.readHead()));
            raw.send("hello");

            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals("hello", observers.sync().awaitOne(endpoint).text());
    }

    @Test
    void refusesAnExpect100ContinueBeaconOverTheLimitWithoutAskingForItsBody() throws Exception {
        String endpoint = uniqueEndpoint();
        try (RawHttp raw = new RawHttp(beaconUri())) {
            raw.send(head(endpoint, "Content-Type: text/plain", "Content-Length: " + (BeaconConfig.DEFAULT_MAX_BODY_SIZE + 1),
                    "Expect: 100-continue"));

            assertEquals(413, RawHttp.status(raw.readHead()));
        }
        assertNothingDelivered(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void answersOtherMethodsWith405AllowAndAReasonAndCountsThem(String method) throws Exception {
        BeaconStatistics statistics = container().bean(BeaconStatistics.class);
        long refused = statistics.rejectedByStatus().getOrDefault(405, 0L);
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(endpoint)).method(method, BodyPublishers.noBody()));

        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("POST, OPTIONS"), response.headers().firstValue("Allow"));
        assertEquals("Beacons are sent with POST\n", response.body());
        assertEquals(refused + 1, statistics.rejectedByStatus().get(405));
    }

    @Test
    void answersHeadWith405AndAllowWithoutABody() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(endpoint)).method("HEAD", BodyPublishers.noBody()));

        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("POST, OPTIONS"), response.headers().firstValue("Allow"));
        assertEquals("", response.body());
    }

    @Test
    void refusesWith503AndRetryAfterABeaconThatWouldOverrunTheInFlightBytesAndDeliversNothingOfIt() throws Exception {
        SlowObserver slow = container().bean(SlowObserver.class);
        BeaconStatistics statistics = container().bean(BeaconStatistics.class);
        slow.reset();
        String overrun = uniqueEndpoint();
        byte[] largest = new byte[(int) BeaconConfig.DEFAULT_MAX_BODY_SIZE];
        Arrays.fill(largest, (byte) 'a');
        try {
            // On a connection of its own: the held observer keeps its connection busy until it returns.
            CompletableFuture<HttpResponse<String>> held = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(
                    request(SlowObserver.ENDPOINT, ChromiumBodies.textBlob(new String(largest, StandardCharsets.US_ASCII))).build(),
                    BodyHandlers.ofString());
            assertEquals(204, held.get(10, TimeUnit.SECONDS).statusCode());
            assertTrue(slow.awaitEntered());

            // The held beacon's bytes and these exceed the budget by one byte, whatever else is in flight.
            HttpResponse<String> refused = post(overrun, ChromiumBodies.textBlob(new String(largest, StandardCharsets.US_ASCII)));

            assertEquals(503, refused.statusCode());
            assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
            assertEquals("Too many bytes awaiting delivery\n", refused.body());
        } finally {
            slow.open();
        }
        assertNothingDelivered(overrun);
        // The held beacon's place comes back once its last observer returns; later tests need the whole budget.
        Polling.until("no beacon in flight", statistics::inFlight, inFlight -> inFlight == 0, Duration.ofSeconds(15));
        assertEquals(204, post(overrun, ChromiumBodies.textBlob(new String(largest, StandardCharsets.US_ASCII))).statusCode());
    }

    @Test
    void answersPreflightFromAllowedOriginAllowingContentEncodingWhileDecoding() throws Exception {
        HttpResponse<String> response = preflight("https://shop.example.org");

        assertEquals(204, response.statusCode());
        assertEquals(Optional.of("https://shop.example.org"), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("true"), response.headers().firstValue("Access-Control-Allow-Credentials"));
        assertEquals(Optional.of("POST"), response.headers().firstValue("Access-Control-Allow-Methods"));
        assertEquals(Optional.of("Content-Type, Content-Encoding"), response.headers().firstValue("Access-Control-Allow-Headers"));
        assertEquals(Optional.of("600"), response.headers().firstValue("Access-Control-Max-Age"));
        assertEquals(Optional.of("Origin"), response.headers().firstValue("Vary"));
    }

    @Test
    void refusesPreflightFromOtherOriginWith403AndNoCorsHeaders() throws Exception {
        HttpResponse<String> response = preflight("https://evil.example");

        assertEquals(403, response.statusCode());
        assertTrue(response.headers().map().keySet().stream().noneMatch(name -> name.toLowerCase().startsWith("access-control-")),
                () -> "CORS headers in a refusal: " + response.headers().map());
        assertEquals(Optional.of("Origin"), response.headers().firstValue("Vary"));
    }

    @Test
    void refusesCrossOriginBeaconFromOriginNotAllowed() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, ChromiumBodies.string("x"), "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");

        assertEquals(403, response.statusCode());
        assertEquals(Optional.of("close"), response.headers().firstValue("Connection"));
        assertNothingDelivered(endpoint);
    }

    @Test
    void acceptsCrossOriginBeaconFromAllowedOriginWithCorsHeaders() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = post(endpoint, ChromiumBodies.string("x"), "Origin", "https://allowed.example", "Sec-Fetch-Site", "cross-site");

        assertEquals(204, response.statusCode());
        assertEquals(Optional.of("https://allowed.example"), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("Retry-After"), response.headers().firstValue("Access-Control-Expose-Headers"),
                "a page retrying a 429 or 503 may read how long to wait");
        assertEquals("https://allowed.example", observers.sync().awaitOne(endpoint).origin().orElseThrow());
    }

    @Test
    void acceptsSameOriginBeaconByItsOriginAlone() throws Exception {
        String endpoint = uniqueEndpoint();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(endpoint))
                .header("Origin", "http://" + authority())
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("same")));

        assertEquals(204, response.statusCode());
        assertEquals("same", observers.sync().awaitOne(endpoint).text());
    }

    @Test
    void writesEachAcceptedBeaconOnceToTheSinksBeforeItsObservers() throws Exception {
        RecordingSink sink = container().bean(RecordingSink.class);
        String endpoint = uniqueEndpoint();

        assertEquals(204, post(endpoint, ChromiumBodies.string("to the sink")).statusCode());

        // The synchronous observer runs on the thread that wrote to the sinks, after them: once it has the beacon, the sink has.
        Beacon observed = observers.sync().awaitOne(endpoint);
        assertEquals(1, sink.reserved().of(endpoint).size());
        assertEquals(1, sink.written().of(endpoint).size());
        assertSame(observed, sink.written().of(endpoint).get(0));
        assertEquals(List.of(), sink.cancelled().of(endpoint));
    }

    @Test
    void refusesWith503AndRetryAfterABeaconASinkHasNoRoomForAndDeliversNothingOfIt() throws Exception {
        RecordingSink sink = container().bean(RecordingSink.class);
        String endpoint = RecordingSink.NO_ROOM + uniqueEndpoint();

        HttpResponse<String> refused = post(endpoint, ChromiumBodies.string("no room"));

        assertEquals(503, refused.statusCode());
        assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
        assertEquals("A beacon sink has no room now\n", refused.body());
        assertNothingDelivered(endpoint);
        assertEquals(List.of(), sink.written().of(endpoint));
    }

    @Test
    void deliversToSynchronousAndAsynchronousObserversExactlyOnce() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.string("once"));
        observers.sync().awaitOne(endpoint);
        observers.async().awaitOne(endpoint);
        // Asynchronous observers run in any order: a second delivery would have had the marker's time to show.
        String marker = uniqueEndpoint();
        post(marker, ChromiumBodies.string("marker"));

        observers.sync().awaitOne(marker);
        observers.async().awaitOne(marker);
        assertEquals(1, observers.sync().of(endpoint).size());
        assertEquals(1, observers.async().of(endpoint).size());
        assertEquals("once", observers.async().of(endpoint).get(0).text());
    }

    @Test
    void routesByEndpointQualifier() throws Exception {
        observers.csp().clear();
        String other = uniqueEndpoint();
        post(other, ChromiumBodies.cspReport());
        post("csp", ChromiumBodies.cspReport());
        post(null, ChromiumBodies.string("to the default endpoint"));

        assertEquals("csp", observers.csp().awaitOne("csp").endpoint());
        Beacon atDefault = observers.sync().awaitOne(BeaconEndpoint.DEFAULT);
        assertEquals(beaconUri().getPath(), atDefault.path());
        observers.sync().awaitOne(other);
        assertEquals(List.of(), observers.csp().matching(beacon -> !beacon.endpoint().equals("csp")));
    }

    @Test
    void throwingObserverChangesNothingForTheClientOrOtherObservers() throws Exception {
        FaultyObservers faulty = container().bean(FaultyObservers.class);
        observers.sync().clear();
        observers.async().clear();
        int failuresBefore = faulty.calls();
        HttpResponse<String> response = post(FaultyObservers.ENDPOINT, ChromiumBodies.string("still delivered"));

        assertEquals(204, response.statusCode());
        assertEquals("still delivered", observers.sync().awaitOne(FaultyObservers.ENDPOINT).text());
        assertEquals("still delivered", observers.async().awaitOne(FaultyObservers.ENDPOINT).text());
        assertEquals(failuresBefore + 2, faulty.awaitCalls(failuresBefore + 2));
    }

    @Test
    void countsAcceptedDeliveredRejectedAndObserverFailuresForTheApplication() throws Exception {
        BeaconStatistics statistics = container().bean(BeaconStatistics.class);
        // The counters are the application's, shared with the tests before: their beacons settled first, the counts are exact.
        Polling.until("the earlier tests' beacons delivered", statistics::inFlight, inFlight -> inFlight == 0, Duration.ofSeconds(15));
        long accepted = statistics.accepted();
        long delivered = statistics.delivered();
        long failures = statistics.observerFailures();
        long refused = statistics.rejectedByStatus().getOrDefault(415, 0L);
        String endpoint = uniqueEndpoint();

        post(endpoint, ChromiumBodies.string("counted"));
        post(FaultyObservers.ENDPOINT, ChromiumBodies.string("counted, and its observers fail"));
        post(endpoint, new BrowserBody("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        observers.async().awaitOne(endpoint);

        assertEquals(accepted + 2, statistics.accepted());
        assertEquals(refused + 1, statistics.rejectedByStatus().get(415));
        // Counted when the last asynchronous observer returns, just after it records.
        Polling.until("both beacons delivered", statistics::inFlight, inFlight -> inFlight == 0, Duration.ofSeconds(15));
        assertEquals(delivered + 2, statistics.delivered());
        Polling.until("the two observer failures counted", statistics::observerFailures, count -> count >= failures + 2,
                Duration.ofSeconds(15));
        assertEquals(failures + 2, statistics.observerFailures());
    }

    @Test
    void blockingObserverDoesNotDelayThe204() throws Exception {
        SlowObserver slow = container().bean(SlowObserver.class);
        slow.reset();
        try {
            CompletableFuture<HttpResponse<String>> response = http.sendAsync(
                    request(SlowObserver.ENDPOINT, ChromiumBodies.string("slow")).build(), BodyHandlers.ofString());

            // The observer is still holding when the 204 arrives; had the 204 waited for it, get() would time out.
            assertEquals(204, response.get(10, TimeUnit.SECONDS).statusCode());
            assertTrue(slow.awaitEntered());
            assertTrue(slow.isHolding());
        } finally {
            slow.open();
        }
    }

    @Test
    void carriesRequestMetadata() throws Exception {
        String endpoint = uniqueEndpoint();
        post(endpoint, ChromiumBodies.string("meta"),
                "Referer", "http://" + authority() + "/app/page?x=1",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0",
                "Sec-Fetch-Mode", "no-cors",
                "Sec-Fetch-Dest", "empty",
                "Priority", "u=6",
                "Cookie", "session=abc; theme=dark");

        Beacon beacon = observers.sync().awaitOne(endpoint);
        assertEquals(Optional.of("http://" + authority()), beacon.origin());
        assertEquals(Optional.of("http://" + authority() + "/app/page?x=1"), beacon.referer());
        assertEquals(Optional.of("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0"), beacon.userAgent());
        assertEquals(Optional.of("same-origin"), beacon.secFetchSite());
        assertEquals(Optional.of("no-cors"), beacon.secFetchMode());
        assertEquals(Optional.of("empty"), beacon.secFetchDest());
        assertEquals(Optional.of("u=6"), beacon.priority());
        assertEquals(Map.of("session", "abc", "theme", "dark"), beacon.cookies());
        assertEquals(Optional.of("127.0.0.1"), beacon.clientAddress());
        assertEquals(path(endpoint), beacon.path());
        assertFalse(beacon.receivedAt().isAfter(Instant.now()));
    }

    // --- helpers ---

    protected static String uniqueEndpoint() {
        return "t" + ENDPOINTS.incrementAndGet();
    }

    protected URI uri(String endpoint) {
        return URI.create(beaconUri() + (endpoint == null ? "" : "/" + endpoint));
    }

    protected String path(String endpoint) {
        return uri(endpoint).getPath();
    }

    /** A same-origin beacon's request line and headers, up to the blank line that ends them. */
    protected String head(String endpoint, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(path(endpoint)).append(" HTTP/1.1\r\nHost: ").append(authority())
                .append("\r\nOrigin: http://").append(authority()).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    protected String authority() {
        return beaconUri().getAuthority();
    }

    /** A beacon as Chromium sends it same-origin, from a page of the server under test. */
    protected HttpRequest.Builder request(String endpoint, BrowserBody body, String... headers) {
        return body.postTo(uri(endpoint), "http://" + authority(), headers);
    }

    protected HttpResponse<String> post(String endpoint, BrowserBody body, String... headers) throws IOException, InterruptedException {
        return send(request(endpoint, body, headers));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("csp"))
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
    }

    /**
     * Proves that a rejected beacon reached no observer: a later accepted beacon is delivered, and the
     * rejected one is not there before it.
     */
    protected void assertNothingDelivered(String endpoint) throws Exception {
        String marker = uniqueEndpoint();
        post(marker, ChromiumBodies.string("marker"));
        observers.sync().awaitOne(marker);
        observers.async().awaitOne(marker);
        assertEquals(List.of(), observers.sync().of(endpoint));
        assertEquals(List.of(), observers.async().of(endpoint));
    }
}
