package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.report.ReportReader;
import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.Compressed;
import dev.beacon.testing.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo application, built as a user builds theirs (its own servlet, resources, CSRF filter and
 * {@code web.xml}, with the beacon jars in {@code WEB-INF/lib}), deployed on a real server and sent
 * beacons over real HTTP. Each test runs against the servlet filter ({@code beacon}) and the JAX-RS
 * resource ({@code api/beacon}).
 */
@ExtendWith(ArquillianExtension.class)
class BeaconOnServerIT {

    /** {@code beacon.max-body-size} as the servers run the demo: the default, 1 MiB. */
    private static final int MAX_BODY_SIZE = 1_048_576;

    /** More than WildFly's request threads (16 per core) and Payara Micro's. */
    private static final int TRICKLING_CLIENTS = 250;
    private static final int ROUNDS_READ_WITHOUT_BLOCKING = 20;

    private static final AtomicInteger ENDPOINTS = new AtomicInteger();

    @ArquillianResource
    private URL appUrl;

    private Shop shop;
    private URI app;
    private HttpClient http;
    private Received received;

    /**
     * The WAR exactly as the build packaged it (the beacon jars are in it as jars, not as classes), plus
     * a gated observer the tests control.
     */
    @Deployment(testable = false)
    static WebArchive shop() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("beacon.war")))
                .addClasses(GatedObserver.class, GateServlet.class, JmxServlet.class, RefusingOnceSink.class,
                        RequestScopedObserver.class, RequestScopedObserver.Visits.class, RequestScopeServlet.class);
    }

    @BeforeEach
    void locate() throws Exception {
        shop = Shop.at(appUrl);
        app = shop.app();
        http = shop.http();
        received = shop.received();
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void receivesEveryBodyExactlyAsChromiumSendsIt(String via) throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        Map<String, BrowserBody> bodies = Map.of(
                "string", ChromiumBodies.string("hidden at 1700000000000 👋"),
                "textblob", ChromiumBodies.textBlob("plain"),
                "jsonblob", ChromiumBodies.jsonBlob("{\"event\":\"click\"}"),
                "untyped", ChromiumBodies.untypedBlob("untyped".getBytes(StandardCharsets.UTF_8)),
                "arraybuffer", ChromiumBodies.arrayBuffer(everyByte),
                "empty", ChromiumBodies.empty(),
                "params", ChromiumBodies.urlSearchParams(),
                "formdata", ChromiumBodies.formDataWithFile("{\"frames\":[]}"),
                "reports", ChromiumBodies.reportsJson(),
                "octets", new BrowserBody("application/octet-stream", new byte[] {1, 2, 3}));
        Map<String, String> endpoints = new HashMap<>();
        for (Map.Entry<String, BrowserBody> body : bodies.entrySet()) {
            String endpoint = uniqueEndpoint(body.getKey());
            endpoints.put(body.getKey(), endpoint);
            assertEquals(204, shop.post(via, endpoint, body.getValue()).statusCode(), body.getKey());
        }

        for (Map.Entry<String, BrowserBody> body : bodies.entrySet()) {
            JsonObject item = received.awaitOne(endpoints.get(body.getKey()));
            assertEquals(via.equals("beacon") ? "filter" : "jaxrs", item.getString("via"), body.getKey());
            assertEquals(body.getValue().bytes().length, item.getInt("bytes"), body.getKey());
            if (body.getValue().contentType() == null) {
                assertTrue(item.isNull("contentType"), () -> body.getKey() + " arrived with a Content-Type: " + item);
            } else {
                assertEquals(body.getValue().contentType().toLowerCase().replace(" ", ""),
                        item.getString("contentType").toLowerCase().replace(" ", ""), body.getKey());
            }
        }
        assertEquals("hidden at 1700000000000 👋", received.awaitOne(endpoints.get("string")).getString("text"));
        assertEquals("click", received.awaitOne(endpoints.get("jsonblob")).getJsonObject("json").getString("event"));
        assertEquals(List.of("unload"), strings(received.awaitOne(endpoints.get("params")).getJsonObject("form").getJsonObject("fields"), "event"));
        assertEquals(List.of("👋"), strings(received.awaitOne(endpoints.get("params")).getJsonObject("form").getJsonObject("fields"), "emoji"));
        JsonObject form = received.awaitOne(endpoints.get("formdata")).getJsonObject("form");
        assertEquals(List.of("unload"), strings(form.getJsonObject("fields"), "event"));
        assertEquals("trace.json", form.getJsonArray("files").getJsonObject(0).getString("filename"));
        assertEquals("csp-violation", received.awaitOne(endpoints.get("reports")).getJsonArray("json").getJsonObject(0).getString("type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void deliversEachBeaconOnceToSynchronousAndAsynchronousObservers(String via) throws Exception {
        String endpoint = uniqueEndpoint("once");
        shop.post(via, endpoint, ChromiumBodies.string("once"));
        awaitMarker(via);
        assertEquals(1, received.of("", endpoint).size());
        assertEquals(1, received.of("/async", endpoint).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void routesCspReportsToTheQualifiedObserver(String via) throws Exception {
        String other = uniqueEndpoint("notcsp");
        shop.post(via, other, ChromiumBodies.cspReport());
        assertEquals(204, shop.post(via, "csp", ChromiumBodies.cspReport()).statusCode());

        received.awaitOne(other);
        JsonObject report = received.await("/csp", "csp", 1).get(0).getJsonObject("json").getJsonObject("csp-report");
        assertEquals("img-src", report.getString("violated-directive"));
        assertEquals(List.of(), received.of("/csp", other));
    }

    /** Through both ways in, so that one of the demo's ten-second windows serves both: one fault, counted six times. */
    @Test
    void rollsUpAFaultsReportsFromTheFilterAndTheResourceIntoTheDemosWindowsCountingEachOnce() throws Exception {
        // Shaped as every CSP report the demo's endpoint gets: another test reads the first it received.
        String host = uniqueEndpoint("fault").toLowerCase(Locale.ROOT) + ".example";
        BrowserBody violation = new BrowserBody("application/csp-report", ("{\"csp-report\":{\"document-uri\":\"http://127.0.0.1/page\","
                + "\"violated-directive\":\"img-src\",\"effective-directive\":\"img-src\",\"original-policy\":\"img-src 'none'\","
                + "\"blocked-uri\":\"http://" + host
                + "/x.png\"}}").getBytes(StandardCharsets.UTF_8));
        for (String via : List.of("beacon", "api/beacon")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(204, shop.post(via, "csp", violation).statusCode(), via);
            }
        }
        String fingerprint = ReportReader.read(Beacon.builder("csp", "/beacon/csp").contentType(ContentType.parse(violation.contentType()))
                .body(violation.bytes()).build()).reports().get(0).fingerprint();

        List<JsonObject> rollups = received.awaitRollups(fingerprint, 6);

        assertEquals(List.of(6L, 6L), List.of(rollups.stream().mapToLong(rollup -> rollup.getJsonNumber("count").longValue()).sum(),
                rollups.stream().mapToLong(rollup -> rollup.getJsonNumber("delivered").longValue()).sum()), rollups::toString);
        assertTrue(rollups.stream().allMatch(rollup -> rollup.getString("endpoint").equals("csp")), rollups::toString);
    }

    @Test
    void theDemoServesItsConsoleToThisMachineWithItsRollupWindow() throws Exception {
        HttpResponse<String> page = shop.get("beacon-console/");
        HttpResponse<String> data = shop.get("beacon-console/data");

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"), page.headers().map()::toString);
        assertEquals(200, data.statusCode(), data.body());
        try (JsonReader reader = Json.createReader(new StringReader(data.body()))) {
            assertEquals(10, reader.readObject().getInt("rollupWindowSeconds"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void carriesTheRequestMetadataObserversNeed(String via) throws Exception {
        String endpoint = uniqueEndpoint("meta");
        shop.post(via, endpoint, ChromiumBodies.string("meta"),
                "Referer", app + "index.html",
                "User-Agent", "Mozilla/5.0 Chrome/156",
                "Sec-Fetch-Mode", "no-cors",
                "Cookie", "session=secret-session-id");

        JsonObject item = received.awaitOne(endpoint);
        assertEquals(shop.origin(), item.getString("origin"));
        assertEquals(app + "index.html", item.getString("referer"));
        assertEquals("Mozilla/5.0 Chrome/156", item.getString("userAgent"));
        assertEquals("same-origin", item.getString("secFetchSite"));
        assertEquals("no-cors", item.getString("secFetchMode"));
        assertEquals(List.of("session"), strings(item, "cookies"));
        assertFalse(item.toString().contains("secret-session-id"), () -> "a cookie value published: " + item);
        assertEquals("127.0.0.1", item.getString("clientAddress"));
        assertEquals(app.getPath() + via + "/" + endpoint, item.getString("path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsUnlistedMediaTypeWith415NamingTheAcceptedOnes(String via) throws Exception {
        String endpoint = uniqueEndpoint("xml");
        HttpResponse<String> xml = shop.post(via, endpoint, new BrowserBody("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));

        assertEquals(415, xml.statusCode(), xml.body());
        assertTrue(xml.headers().firstValue("Accept-Post").orElseThrow().contains("application/csp-report"), () -> xml.headers().map().toString());
        assertNothingReceived(via, endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsJsonThatDoesNotParseWith400(String via) throws Exception {
        String endpoint = uniqueEndpoint("brokenjson");
        HttpResponse<String> brokenJson = shop.post(via, endpoint, new BrowserBody("application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8)));

        assertEquals(400, brokenJson.statusCode(), brokenJson.body());
        assertTrue(brokenJson.body().startsWith("Body not readable as its media type"), brokenJson.body());
        assertNothingReceived(via, endpoint);
    }

    /** Parsson reads a number as a BigDecimal, which refuses an exponent beyond an int: that is the client's fault. */
    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsJsonNumberBeyondAnyDecimalWith400(String via) throws Exception {
        String endpoint = uniqueEndpoint("hugeexponent");
        HttpResponse<String> hugeExponent = shop.post(via, endpoint, new BrowserBody("application/json", "[1e9999999999]".getBytes(StandardCharsets.UTF_8)));

        assertEquals(400, hugeExponent.statusCode(), hugeExponent.body());
        assertNothingReceived(via, endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsTruncatedMultipartWith400(String via) throws Exception {
        String endpoint = uniqueEndpoint("truncatedform");
        HttpResponse<String> truncatedForm = shop.post(via, endpoint, new BrowserBody("multipart/form-data; boundary=" + ChromiumBodies.BOUNDARY,
                Arrays.copyOf(ChromiumBodies.formDataWithFile("{}").bytes(), 60)));

        assertEquals(400, truncatedForm.statusCode(), truncatedForm.body());
        assertNothingReceived(via, endpoint);
    }

    /**
     * The filter and the resource give the library's one answer: the resource's runtime does not answer for it.
     * The demo takes GET beacons ({@code beacon.get}), so GET is not among the methods refused.
     */
    @ParameterizedTest
    @CsvSource({"beacon, PATCH", "beacon, PUT", "beacon, DELETE", "api/beacon, PATCH", "api/beacon, PUT", "api/beacon, DELETE"})
    void answersOtherMethodsWith405AllowAndAOneLineReason(String via, String method) throws Exception {
        String endpoint = uniqueEndpoint(method.toLowerCase(Locale.ROOT));
        int counted = shop.statistics().getJsonObject("rejectedByStatus").getInt("405", 0);

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(shop.uri(via, endpoint)).method(method, BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());

        assertAll(
                () -> assertEquals(405, refused.statusCode(), refused.body()),
                () -> assertEquals(Set.of("GET", "POST", "OPTIONS"), Arrays.stream(refused.headers().firstValue("Allow").orElse("").split(","))
                        .map(String::strip).collect(Collectors.toSet()), () -> refused.headers().map().toString()),
                () -> assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                        () -> refused.headers().map().toString()),
                () -> assertEquals(List.of("Beacons are sent with POST or GET"), refused.body().lines().toList()),
                () -> assertEquals(counted + 1, shop.statistics().getJsonObject("rejectedByStatus").getInt("405", 0), "405 counted in /statistics"));
        assertNothingReceived(via, endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsCrossSiteBeaconFromAnUnlistedOriginWith403(String via) throws Exception {
        String endpoint = uniqueEndpoint("foreign");
        HttpResponse<String> foreign = shop.post(via, endpoint, ChromiumBodies.string("x"), "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");

        assertEquals(403, foreign.statusCode(), foreign.body());
        assertNothingReceived(via, endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsDeclaredLengthOverTheLimitWith413BeforeReadingIt(String via) throws Exception {
        String endpoint = uniqueEndpoint("declaredtoolarge");
        try (RawHttp raw = new RawHttp(app)) {
            raw.send(shop.head(via, endpoint, "Content-Length: " + (MAX_BODY_SIZE + 1)));
            assertEquals(413, RawHttp.status(raw.readHead()));
        }
        assertNothingReceived(via, endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsChunkedBodyOverTheLimitWith413(String via) throws Exception {
        String endpoint = uniqueEndpoint("chunkedtoolarge");
        try (RawHttp raw = new RawHttp(app)) {
            raw.send(shop.head(via, endpoint, "Transfer-Encoding: chunked"));
            try {
                for (int sent = 0; sent < MAX_BODY_SIZE; sent += 65_536) {
                    raw.chunk(new byte[65_536]);
                }
                raw.chunk(new byte[1]); // one byte past the limit, and no last chunk: the answer cannot wait for the end
            } catch (IOException closedEarly) {
                // A server may answer and close before the last byte, as it may once past the limit: the answer is read below.
            }
            assertEquals(413, RawHttp.status(raw.readHead()));
        }
        assertNothingReceived(via, endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void refusesABodyCutShortOfItsContentLength(String via) throws Exception {
        String cutShort = uniqueEndpoint("cutshort");
        try (RawHttp raw = new RawHttp(app)) {
            raw.send(shop.head(via, cutShort, "Content-Length: 10") + "abc");
            raw.stopSending();
            // Grizzly (Payara) takes a client that stops sending for one that has gone, and closes without a word.
            String answer = raw.readHead();
            assertTrue(answer.isEmpty() || RawHttp.status(answer) == 400, answer);
        }
        assertNothingReceived(via, cutShort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void readsPipelinedBeaconsEachToItsContentLength(String via) throws Exception {
        String first = uniqueEndpoint("first");
        String second = uniqueEndpoint("second");
        try (RawHttp raw = new RawHttp(app)) {
            raw.send(shop.head(via, first, "Content-Length: 3") + "abc" + shop.head(via, second, "Content-Length: 2") + "de");
            assertEquals(204, RawHttp.status(raw.readHead()));
            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals("abc", received.awaitOne(first).getString("text"));
        assertEquals("de", received.awaitOne(second).getString("text"));
    }

    /**
     * A chunked body is read without blocking, and answered on another thread than the one that saw the headers: the
     * beacon's id, in its query, and its path come with it. Liberty keeps a request's query and URI for the thread that
     * dispatches it, so that the thread finishing the read answers with those of the request it dispatched last; each
     * round has another beacon, with an id of its own, dispatched meanwhile.
     */
    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void aBeaconReadWithoutBlockingKeepsItsIdAndPath(String via) throws Exception {
        String trickled = uniqueEndpoint("trickled-id");
        String meanwhile = uniqueEndpoint("meanwhile");
        for (int round = 0; round < ROUNDS_READ_WITHOUT_BLOCKING; round++) {
            try (RawHttp raw = new RawHttp(app)) {
                raw.send(shop.head(via, trickled, "Transfer-Encoding: chunked").replaceFirst(" HTTP/1.1", "?beacon-id=t." + round + " HTTP/1.1"));
                raw.chunk("t.".getBytes(StandardCharsets.US_ASCII));
                // Another beacon answered meanwhile: the server has had the first one's headers, and waits for the rest of its body.
                HttpRequest other = shop.beacon(via, meanwhile + "?beacon-id=m." + round, ChromiumBodies.string("m." + round)).build();
                assertEquals(204, http.send(other, BodyHandlers.discarding()).statusCode());
                raw.chunk(String.valueOf(round).getBytes(StandardCharsets.US_ASCII)).lastChunk();
                assertEquals(204, RawHttp.status(raw.readHead()));
            }
        }
        List<JsonObject> items = received.await("", trickled, ROUNDS_READ_WITHOUT_BLOCKING);
        for (JsonObject item : items) {
            assertEquals(item.getString("text"), item.getString("id", null), item::toString);
            assertEquals(shop.uri(via, trickled).getPath(), item.getString("path"), item::toString);
        }
        assertEquals(ROUNDS_READ_WITHOUT_BLOCKING, items.size(), "each accepted once, none taken for another's duplicate");
    }

    /**
     * Through the filter and the resource, read at once and read without blocking (a chunked body sent in two parts,
     * its second after the headers were answered to): the latter is delivered from a container thread outside any
     * request, where the library activates a request context for the observers, and keeps the controller for the next.
     * Run in the filter's order: the resource last, since the observer's counts are kept for the whole deployment.
     */
    @Test
    void aSynchronousObserverHasARequestContextOfItsOwnForEveryBeaconHoweverItWasRead() throws Exception {
        int beacons = 0;
        for (String via : List.of("beacon", "api/beacon")) {
            for (int round = 0; round < 5; round++) {
                assertEquals(204, http.send(shop.beacon(via, RequestScopedObserver.ENDPOINT, ChromiumBodies.string("at once " + round)).build(),
                        BodyHandlers.discarding()).statusCode());
                try (RawHttp raw = new RawHttp(app)) {
                    raw.send(shop.head(via, RequestScopedObserver.ENDPOINT, "Transfer-Encoding: chunked"));
                    raw.chunk("trickled ".getBytes(StandardCharsets.US_ASCII));
                    raw.chunk(String.valueOf(round).getBytes(StandardCharsets.US_ASCII)).lastChunk();
                    assertEquals(204, RawHttp.status(raw.readHead()));
                }
                beacons += 2;
            }
        }
        HttpResponse<String> counts = http.send(HttpRequest.newBuilder(app.resolve("request-scope?await=" + beacons)).build(), BodyHandlers.ofString());
        assertEquals(String.join(" ", Collections.nCopies(beacons, "1")), counts.body(), "each beacon counted once, in a request of its own");
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void takesABodyWithoutLengthOrChunkingAsEmptyAndAnswersAtOnce(String via) throws Exception {
        String unframed = uniqueEndpoint("unframed");
        try (RawHttp raw = new RawHttp(app)) {
            // Neither Content-Length nor Transfer-Encoding: an empty body, answered at once, not after the read timeout.
            raw.send(shop.head(via, unframed));
            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals("", received.awaitOne(unframed).getString("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void readsAChunkedBodyToItsLastChunk(String via) throws Exception {
        String chunked = uniqueEndpoint("chunked");
        try (RawHttp raw = new RawHttp(app)) {
            raw.send(shop.head(via, chunked, "Transfer-Encoding: chunked"));
            raw.chunk("abc".getBytes(StandardCharsets.US_ASCII));
            raw.chunk("de".getBytes(StandardCharsets.US_ASCII)).lastChunk();
            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals("abcde", received.awaitOne(chunked).getString("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void answersExpectContinueWith100ThenReadsTheBody(String via) throws Exception {
        String continued = uniqueEndpoint("continued");
        try (RawHttp raw = new RawHttp(app)) {
            raw.send(shop.head(via, continued, "Content-Length: 5", "Expect: 100-continue"));
            assertEquals(100, RawHttp.status(raw.readHead()));
            raw.send("hello");
            assertEquals(204, RawHttp.status(raw.readHead()));
        }
        assertEquals("hello", received.awaitOne(continued).getString("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void answersExpectContinueOverTheLimitWith413(String via) throws Exception {
        String tooLarge = uniqueEndpoint("toolarge");
        try (RawHttp raw = new RawHttp(app)) {
            raw.send(shop.head(via, tooLarge, "Content-Length: " + (MAX_BODY_SIZE + 1), "Expect: 100-continue"));
            assertEquals(413, RawHttp.status(raw.readFinalHead()));
        }
        assertNothingReceived(via, tooLarge);
    }

    /** The servers run with {@code beacon.content-encodings=gzip}, see {@code arquillian.xml}. */
    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void decodesAGzippedBodyWhenGzipIsConfigured(String via) throws Exception {
        String gzipped = uniqueEndpoint("gzipped");
        byte[] json = "{\"event\":\"unload\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = shop.post(via, gzipped, new BrowserBody("application/json", Compressed.gzip(json)), "Content-Encoding", "gzip");

        assertEquals(204, accepted.statusCode(), accepted.body());
        assertEquals("{\"event\":\"unload\"}", received.awaitOne(gzipped).getString("text"));
    }

    /** The servers run with {@code beacon.content-encodings=gzip}, see {@code arquillian.xml}. */
    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsAContentCodingNotConfiguredWith415NamingTheConfiguredOnes(String via) throws Exception {
        String deflated = uniqueEndpoint("deflated");
        byte[] json = "{\"event\":\"unload\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> notConfigured = shop.post(via, deflated, new BrowserBody("application/json", Compressed.deflate(json)),
                "Content-Encoding", "deflate");

        assertEquals(415, notConfigured.statusCode(), notConfigured.body());
        assertEquals(Optional.of("identity, gzip"), notConfigured.headers().firstValue("Accept-Encoding"));
        assertNothingReceived(via, deflated);
    }

    /** A few kilobytes on the wire that decode to 16 MiB: the limit holds for the decoded body. */
    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void rejectsAGzipBombPastTheLimitWith413(String via) throws Exception {
        String bomb = uniqueEndpoint("bomb");
        HttpResponse<String> tooLarge = shop.post(via, bomb, new BrowserBody("text/plain", Compressed.gzip(new byte[16 * 1024 * 1024])),
                "Content-Encoding", "gzip");

        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertNothingReceived(via, bomb);
    }

    /**
     * More clients trickling their bodies than either server has request threads: read blocking, each
     * would hold one, and the prompt beacons would wait behind them.
     */
    @Test
    void filterAnswersPromptBeaconsWhileManyClientsTrickleTheirBodies() throws Exception {
        String trickle = uniqueEndpoint("trickle");
        String prompt = uniqueEndpoint("prompt");
        List<RawHttp> trickling = new ArrayList<>();
        try {
            for (int i = 0; i < TRICKLING_CLIENTS; i++) {
                trickling.add(new RawHttp(app).send(shop.head("beacon", trickle, "Content-Length: 2") + "a"));
            }
            for (int i = 0; i < 10; i++) {
                HttpRequest beacon = shop.beacon("beacon", prompt, ChromiumBodies.string("prompt")).timeout(Duration.ofSeconds(5)).build();
                assertEquals(204, http.send(beacon, BodyHandlers.discarding()).statusCode());
            }
            assertEquals(10, received.await("", prompt, 10).size());

            int accepted = 0;
            for (RawHttp raw : trickling) {
                raw.send("b");
            }
            for (RawHttp raw : trickling) {
                // A slow machine may take longer than the read timeout to get here: 408 is an answer too.
                int status = RawHttp.status(raw.readHead());
                assertTrue(status == 204 || status == 408, "status " + status);
                accepted += status == 204 ? 1 : 0;
            }
            awaitMarker("beacon");
            assertEquals(accepted, received.of("", trickle).size());
            // Every place in flight taken is given back: none was taken for an answer that was then not given.
            JsonObject settled = shop.awaitNothingInFlight();
            assertEquals(settled.getInt("accepted"), settled.getInt("delivered"), settled::toString);
        } finally {
            for (RawHttp raw : trickling) {
                raw.close();
            }
        }
    }

    @Test
    void filterAnswersABodyStalledPastTheReadTimeoutWith408() throws Exception {
        String stalled = uniqueEndpoint("stalled");
        try (RawHttp raw = new RawHttp(app)) {
            // arquillian.xml sets beacon.read-timeout to 3 s
            raw.send(shop.head("beacon", stalled, "Content-Length: 2") + "a");
            assertEquals(408, RawHttp.status(raw.readHead()));
        }

        assertNothingReceived("beacon", stalled);
    }

    /** The servers run with {@code beacon.content-encodings=gzip}: a cross-origin beacon may then name its coding. */
    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void answersAPreflightFromAnAllowedOriginWithItsCorsHeaders(String via) throws Exception {
        HttpResponse<String> allowed = preflight(via, "https://allowed.example");

        assertEquals(204, allowed.statusCode(), allowed.body());
        assertEquals(Optional.of("https://allowed.example"), allowed.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("true"), allowed.headers().firstValue("Access-Control-Allow-Credentials"));
        assertEquals(Optional.of("POST"), allowed.headers().firstValue("Access-Control-Allow-Methods"));
        Set<String> allowedHeaders = Arrays.stream(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        assertTrue(allowedHeaders.containsAll(Set.of("content-type", "content-encoding")), allowedHeaders::toString);
        assertTrue(allowed.headers().firstValue("Access-Control-Max-Age").isPresent(), () -> allowed.headers().map().toString());
        assertTrue(allowed.headers().allValues("Vary").stream().anyMatch(vary -> vary.contains("Origin")), () -> allowed.headers().map().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void refusesAPreflightFromAnUnlistedOriginWith403AndNoCorsHeaders(String via) throws Exception {
        HttpResponse<String> refused = preflight(via, "https://evil.example");

        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.headers().map().keySet().stream().noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")),
                () -> "CORS headers in a refusal: " + refused.headers().map());
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void answers204BeforeASlowObserverFinishes(String via) throws Exception {
        try {
            // Had the 204 waited for the observer, which holds for 30 s, it would not come within 10 s.
            assertEquals(204, shop.sendHeldBeacon(via).statusCode());
            assertEquals("1 holding", shop.awaitGateEntered());
            // The held observer has a thread of its own: more new connections than the server has I/O threads
            // are all answered meanwhile.
            for (int i = 0; i < 8; i++) {
                HttpRequest other = HttpRequest.newBuilder(app.resolve("gate")).timeout(Duration.ofSeconds(5)).GET().build();
                assertEquals("1 holding", HttpClient.newHttpClient().send(other, BodyHandlers.ofString()).body());
            }
        } finally {
            shop.openGate();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void countsForTheApplicationWhatItAcceptedAndRefused(String via) throws Exception {
        JsonObject before = shop.statistics();
        String endpoint = uniqueEndpoint("counted");
        shop.post(via, endpoint, ChromiumBodies.string("counted"));
        shop.post(via, endpoint, new BrowserBody("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        received.await("/async", endpoint, 1);

        JsonObject after = shop.statistics();
        assertEquals(before.getInt("accepted") + 1, after.getInt("accepted"));
        assertEquals(before.getJsonObject("rejectedByStatus").getInt("415", 0) + 1, after.getJsonObject("rejectedByStatus").getInt("415"));
    }

    @Test
    void beaconToTheFilterNeverReachesTheApplicationsCsrfFilter() throws Exception {
        // The application's CSRF filter on /* refuses every POST without a token: a 204 means it never saw the beacon.
        String endpoint = uniqueEndpoint("csrf");
        assertEquals(204, shop.post("beacon", endpoint, ChromiumBodies.string("x")).statusCode());
        received.awaitOne(endpoint);
    }

    /** The server's own JMX shows the application's counters, as its monitoring would read them. */
    @Test
    void publishesTheApplicationsCountersOverJmx() throws Exception {
        String endpoint = uniqueEndpoint("jmx");
        assertEquals(204, shop.post("beacon", endpoint, ChromiumBodies.string("x")).statusCode());
        received.awaitOne(endpoint);

        HttpResponse<String> jmx = shop.get("jmx");
        long accepted = shop.statistics().getJsonNumber("accepted").longValue();

        assertEquals(200, jmx.statusCode(), jmx.body());
        assertEquals("accepted=" + accepted, jmx.body().split(" ")[0], "the same counter as /statistics");
    }

    /** Where the server has MicroProfile Metrics (Payara Micro, Open Liberty; WildFly has none), as gauges. */
    @Test
    @EnabledIfSystemProperty(named = "server", matches = "payara-micro|open-liberty", disabledReason = "WildFly has no MicroProfile Metrics")
    void publishesTheApplicationsCountersAsMicroProfileMetricsWhereTheServerHasThem() throws Exception {
        String endpoint = uniqueEndpoint("metrics");
        assertEquals(204, shop.post("beacon", endpoint, ChromiumBodies.string("x")).statusCode());
        received.awaitOne(endpoint);

        String metrics = shop.get("/metrics?scope=application").body();
        long accepted = shop.statistics().getJsonNumber("accepted").longValue();

        // The value as the exposition format writes it: Payara Micro "3", Open Liberty "3.0".
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("beacon_accepted{")
                && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) == accepted), metrics);
        assertTrue(metrics.contains("# HELP beacon_inFlight"), metrics);
    }

    /** From the jar's META-INF/resources, as JavaScript: what a module import requires of its type. */
    @ParameterizedTest
    @ValueSource(strings = {"beacon.js", "beacon-module.js"})
    void servesTheClientScriptFromTheLibrarysJar(String script) throws Exception {
        HttpResponse<String> served = shop.get(script);

        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("Content-Type").orElse("").contains("javascript"), () -> served.headers().map().toString());
        assertTrue(served.body().startsWith("/*! " + script), served.body());
    }

    @Test
    void applicationsOwnServletAndResourceStillAnswer() throws Exception {
        assertEquals("hello from the shop's own servlet: GET", shop.get("hello").body());
        assertEquals("hello from the shop's own resource", shop.get("api/greeting").body());
    }

    @Test
    void applicationsCsrfFilterStillGuardsItsOwnPosts() throws Exception {
        assertEquals(403, http.send(HttpRequest.newBuilder(app.resolve("hello")).POST(BodyPublishers.ofString("x")).build(),
                BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(app.resolve("hello")).header("X-CSRF-Token", "t")
                .POST(BodyPublishers.ofString("x")).build(), BodyHandlers.ofString()).statusCode());
    }

    @Test
    void applicationsStaticPagesAreStillServed() throws Exception {
        assertTrue(shop.get("index.html").body().contains("beacon demo"));
    }

    // --- helpers ---

    /** Neither observer received a beacon for the endpoint, once a marker sent after it has reached both. */
    private void assertNothingReceived(String via, String endpoint) throws Exception {
        awaitMarker(via);
        assertEquals(List.of(), received.of("", endpoint), endpoint);
        assertEquals(List.of(), received.of("/async", endpoint), endpoint);
    }

    /**
     * Sends a beacon and waits until both observers have it: what was sent before it on this connection
     * and was going to be delivered has been by then.
     */
    private void awaitMarker(String via) throws Exception {
        String marker = uniqueEndpoint("marker");
        shop.post(via, marker, ChromiumBodies.string("marker"));
        received.await("", marker, 1);
        received.await("/async", marker, 1);
    }

    private static String uniqueEndpoint(String what) {
        return what + "-" + ENDPOINTS.incrementAndGet();
    }

    private HttpResponse<String> preflight(String via, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(shop.uri(via, "csp")).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), BodyHandlers.ofString());
    }

    private static List<String> strings(JsonObject fields, String name) {
        return fields.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
