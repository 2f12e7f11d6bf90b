package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.it.browser.Browser;
import dev.beacon.it.browser.CspPage;
import dev.beacon.it.browser.DemoPage;
import dev.beacon.it.browser.DemoPage.Target;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real browser against the demo on a real server: what the page sends is what the observers must
 * receive. Each browser runs this contract in its own subclass, which names the facts where browsers
 * differ. The page is served from {@code http://127.0.0.1:PORT}; the cross-origin cases serve it from
 * {@code http://localhost:PORT}, a different origin, which the servers allow.
 */
@ExtendWith(ArquillianExtension.class)
abstract class BrowserContract {

    private final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    private URL appUrl;

    URI app;
    private URI appAtLocalhost;
    Received received;

    @Deployment(testable = false)
    static WebArchive shop() {
        return BeaconOnServerIT.shop();
    }

    /** @return how the browser's multipart boundaries begin */
    abstract String multipartBoundaryPrefix();

    /** @return the {@code Priority} header the browser sends with a beacon, if any */
    abstract Optional<String> beaconPriority();

    @BeforeEach
    void emptyTheLog() throws Exception {
        app = new URI("http", null, "127.0.0.1", appUrl.getPort(), appUrl.getPath(), null, null);
        appAtLocalhost = new URI("http", null, "localhost", appUrl.getPort(), appUrl.getPath(), null, null);
        received = new Received(http, app);
        http.send(HttpRequest.newBuilder(app.resolve("received")).DELETE().build(), BodyHandlers.discarding());
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void everyBodyTheDemoButtonsSendArrivesAsSent(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);
        List<Button> buttons = List.of(
                new Button("String", "text/plain;charset=UTF-8", item -> assertTrue(item.getString("text").matches("\\d{13}"))),
                new Button("JSON Blob", "application/json", item -> assertEquals("click", item.getJsonObject("json").getString("event"))),
                new Button("Blob without type", null, item -> assertEquals(13, item.getInt("bytes"))),
                new Button("FormData with a file", "multipart/form-data; boundary=" + multipartBoundaryPrefix(), item -> {
                    JsonObject form = item.getJsonObject("form");
                    assertTrue(form.getJsonObject("fields").getJsonArray("sentAt").getString(0).matches("\\d{13}"));
                    assertEquals("trace.json", form.getJsonArray("files").getJsonObject(0).getString("filename"));
                    assertEquals("application/json", form.getJsonArray("files").getJsonObject(0).getString("contentType"));
                }),
                new Button("URLSearchParams", "application/x-www-form-urlencoded;charset=UTF-8",
                        item -> assertEquals(List.of(app.getPath()), strings(item.getJsonObject("form").getJsonObject("fields"), "page"))),
                new Button("ArrayBuffer", null, item -> assertEquals(13, item.getInt("bytes"))),
                new Button("No body", null, item -> assertEquals(0, item.getInt("bytes"))),
                new Button("keepalive fetch", "text/plain;charset=UTF-8", item -> assertEquals("cors", item.getString("secFetchMode"))),
                new Button("Image pixel (GET)", "application/x-www-form-urlencoded;charset=UTF-8",
                        item -> assertTrue(strings(item.getJsonObject("form").getJsonObject("fields"), "sentAt").get(0).matches("\\d{13}"))));

        for (int i = 0; i < buttons.size(); i++) {
            Button button = buttons.get(i);
            page.sendWithButton(button.label, target);
            JsonObject item = received.await("", "demo", i + 1).get(i);

            assertEquals(target == Target.FILTER ? "filter" : "jaxrs", item.getString("via"), button.label);
            if (button.contentType == null) {
                assertTrue(item.isNull("contentType"), () -> button.label + " arrived with a Content-Type: " + item);
            } else {
                String contentType = item.getString("contentType");
                assertTrue(normalized(contentType).startsWith(normalized(button.contentType)), button.label + ": " + contentType);
            }
            button.check.accept(item);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void textBlobsAndBytesArriveIntact(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        assertTrue(page.sendBeacon(page.beaconUrl(target, "emoji"), "'visible → hidden 👋'"));
        assertTrue(page.sendBeacon(page.beaconUrl(target, "typed"), "new Blob(['typed'], {type: 'text/plain'})"));
        assertTrue(page.sendBeacon(page.beaconUrl(target, "bytes"), "new Uint8Array([...Array(256).keys()])"));

        JsonObject emoji = received.awaitOne("emoji");
        assertEquals("visible → hidden 👋", emoji.getString("text"));
        assertEquals("text/plain;charset=utf-8", normalized(emoji.getString("contentType")));
        assertEquals("text/plain", received.awaitOne("typed").getString("contentType"));
        JsonObject bytes = received.awaitOne("bytes");
        assertEquals(256, bytes.getInt("bytes"));
        assertTrue(bytes.isNull("contentType"));
    }

    /** The library's client script queues events and sends them as one text/plain JSON beacon when the page is left. */
    @ParameterizedTest
    @EnumSource(Target.class)
    void beaconsCarryTheBrowsersPriorityHint(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        assertTrue(page.sendBeacon(page.beaconUrl(target, "priority"), "'low'"));

        JsonObject item = received.awaitOne("priority");
        assertEquals(beaconPriority(), Optional.ofNullable(item.getString("priority", null)), item::toString);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theClientScriptSendsQueuedEventsWhenThePageIsLeft(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);
        page.run("beacon.configure({endpoint: arguments[0]}).send({type: 'click', n: 1}).send({type: 'click', n: 2});",
                page.beaconUrl(target, "script-left"));
        String pageId = (String) page.run("return beacon.page;");

        page.leaveFor("csp.html");

        JsonObject sent = received.awaitOne("script-left");
        assertEquals(pageId + ".1", sent.getString("id"), "the batch's id: its page and sequence number");
        assertEquals("text/plain;charset=utf-8", normalized(sent.getString("contentType")));
        JsonObject batch = sent.getJsonObject("json");
        assertEquals(pageId, batch.getString("page"));
        assertEquals(1, batch.getInt("seq"));
        assertEquals(List.of(1, 2), batch.getJsonArray("events").stream().map(e -> e.asJsonObject().getInt("n")).toList());
    }

    /** 150 events of 1 KB do not fit the browser's 64 KiB keepalive quota: they go in several beacons, none lost. */
    @Test
    void theClientScriptSplitsWhatExceedsTheKeepaliveQuotaAndLosesNothing(Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        Object sent = page.run("beacon.configure({endpoint: arguments[0]});"
                + "for (let i = 0; i < 150; i++) beacon.send({i: i, pad: 'x'.repeat(1000)});"
                + "return beacon.flush();", page.beaconUrl(Target.FILTER, "script-split"));

        // Three fetches: the first with keepalive, the others without, as the first holds the quota in flight.
        assertEquals(List.of("fetch", "fetch", "fetch"), sent);
        List<JsonObject> beacons = received.await("", "script-split", 3);
        List<Integer> events = new java.util.ArrayList<>();
        for (JsonObject beacon : beacons) {
            assertTrue(beacon.getInt("bytes") < 65_536, beacon.getInt("bytes") + " bytes");
            beacon.getJsonObject("json").getJsonArray("events").forEach(event -> events.add(event.asJsonObject().getInt("i")));
        }
        assertEquals(IntStream.range(0, 150).boxed().toList(), events.stream().sorted().toList());
        assertEquals(Set.of(1, 2, 3), beacons.stream().map(beacon -> beacon.getJsonObject("json").getInt("seq")).collect(Collectors.toSet()));
    }

    /** Leaving, the script sends by sendBeacon; a false from it means: fall back, to a keepalive fetch. */
    @Test
    void theClientScriptFallsBackToAKeepaliveFetchWhenSendBeaconRefusesAsThePageIsLeft(Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        page.run("navigator.sendBeacon = () => false; beacon.configure({endpoint: arguments[0]}).send({type: 'fallback'});"
                + "window.dispatchEvent(new Event('pagehide'));", page.beaconUrl(Target.FILTER, "script-fallback"));

        JsonObject fetched = received.awaitOne("script-fallback");
        assertEquals("cors", fetched.getString("secFetchMode"), "a fetch, not a beacon (no-cors)");
        assertEquals("fallback", fetched.getJsonObject("json").getJsonArray("events").getJsonObject(0).getString("type"));
    }

    /**
     * A batch refused {@code 503} is kept and sent again once its {@code Retry-After} (5 s, as for a sink without room)
     * has passed: arriving 5 s after the flush proves both the refusal and the wait.
     */
    @Test
    void theClientScriptSendsABatchRefused503AgainAfterItsRetryAfter(Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);
        String endpoint = RefusingOnceSink.ENDPOINTS;

        Instant flushed = Instant.now();
        Object sent = page.run("return beacon.configure({endpoint: arguments[0]}).send({n: 1}).flush();", page.beaconUrl(Target.FILTER, endpoint));
        String id = page.run("return beacon.page;") + ".1";

        JsonObject accepted = received.awaitOne(endpoint);
        assertEquals(List.of("fetch"), sent, "a fetch, whose answer the page sees");
        assertEquals(id, accepted.getString("id"));
        Duration waited = Duration.between(flushed, Instant.parse(accepted.getString("receivedAt")));
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) >= 0, waited + ": sent again before its Retry-After");
        awaitConfirmed(page, id);
        assertEquals("{\"unconfirmed\":0,\"lost\":0}", page.run("return JSON.stringify(beacon.status());"));
        assertEquals(1, received.of("", endpoint).size(), "accepted once");
    }

    /**
     * The batch a page goes away with may be lost on the way ({@code sendBeacon} says it is queued, and nothing is sent
     * here): the next page of the origin that loads the script sends it, once, and the one after has nothing left to send.
     */
    @Test
    void aBatchLeftUnconfirmedWhenThePageClosesIsSentAtTheNextLoadOnce(Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);
        String url = page.beaconUrl(Target.FILTER, "script-next-load");
        String id = page.run("navigator.sendBeacon = () => true; beacon.configure({endpoint: arguments[0]}).send({n: 'left'});"
                + "return beacon.page;", url) + ".1";

        page.leaveFor("csp.html");
        assertEquals(List.of(), received.of("", "script-next-load"), "lost on the way");
        DemoPage next = DemoPage.open(browser, app);

        JsonObject resent = received.awaitOne("script-next-load");
        assertEquals(id, resent.getString("id"));
        assertEquals("left", resent.getJsonObject("json").getJsonArray("events").getJsonObject(0).getString("n"));
        awaitConfirmed(next, id);
        DemoPage after = DemoPage.open(browser, app);
        assertEquals(true, after.run("return localStorage.getItem('beacon.unconfirmed.' + arguments[0]) === null;", id), "nothing left to send");
        after.run("beacon.configure({endpoint: arguments[0]}).send({n: 'marker'}).flush();", url);
        List<JsonObject> both = received.await("", "script-next-load", 2);
        assertEquals(List.of("left", "marker"), both.stream()
                .map(beacon -> beacon.getJsonObject("json").getJsonArray("events").getJsonObject(0).getString("n")).sorted().toList());
    }

    /**
     * Without a {@code Retry-After} the waits double from a second, each with up to a second more; a batch sent by
     * {@code sendBeacon} is sent again ten seconds on while the page lives. Read from the timers the script sets, on a
     * clock the test moves, on a page where nothing else sets one.
     */
    @Test
    void theClientScriptWaitsAsDocumentedBeforeSendingAgain(Browser browser) throws Exception {
        browser.open(app.resolve("hello"));

        Object waits = browser.runAsync("""
                const done = arguments[arguments.length - 1];
                Object.keys(localStorage).filter(key => key.startsWith('beacon.unconfirmed.')).forEach(key => localStorage.removeItem(key));
                let now = Date.now();
                Date.now = () => now;
                const waits = [];
                const realTimeout = window.setTimeout.bind(window);
                window.setTimeout = (task, ms) => { waits.push(Math.round(ms)); return realTimeout(() => { now += ms; task(); }, 0); };
                const realFetch = window.fetch.bind(window);
                let offline = 3;
                window.fetch = (url, init) => offline-- > 0 ? Promise.reject(new TypeError('offline')) : realFetch(url, init);
                import(new URL('beacon-module.js', document.baseURI).href).then(module => {
                  const beacon = module.default.configure({endpoint: arguments[0]});
                  beacon.send({n: 'offline'}).flush();
                  (function offlineDone() {
                    if (beacon.status().unconfirmed > 0) return realTimeout(offlineDone, 20);
                    const backoff = waits.splice(0);
                    navigator.sendBeacon = () => true;
                    beacon.send({n: 'left'});
                    window.dispatchEvent(new Event('pagehide'));
                    (function leftDone() {
                      beacon.status().unconfirmed > 0 ? realTimeout(leftDone, 20) : done({backoff: backoff, recheck: waits});
                    })();
                  })();
                });
                """, app.resolve("beacon/script-waits").toString());

        List<Long> backoff = longs(((Map<?, ?>) waits).get("backoff"));
        assertEquals(3, backoff.size(), backoff::toString);
        for (int attempt = 0; attempt < 3; attempt++) {
            long least = 1000L << attempt;
            long wait = backoff.get(attempt);
            assertTrue(wait >= least && wait <= least + 1000, "wait " + attempt + ": " + backoff);
        }
        assertEquals(List.of(10_000L), longs(((Map<?, ?>) waits).get("recheck")));
        assertEquals(List.of("left", "offline"), received.await("", "script-waits", 2).stream()
                .map(beacon -> beacon.getJsonObject("json").getJsonArray("events").getJsonObject(0).getString("n")).sorted().toList());
    }

    /**
     * What is kept is bounded: past 1 MiB of unconfirmed batches the oldest are given up, and a batch kept a day is given
     * up at the next load. A batch refused for good ({@code 404}) is given up too. Each is counted in
     * {@code beacon.status().lost}; every batch still kept has its key in storage, but where storage refuses it, where
     * the batch is kept while the page lives.
     */
    @Test
    void theClientScriptKeepsAtMostAMebibyteOfBatchesNoneADayOldAndGivesUpWhatIsRefusedForGood(Browser browser) throws Exception {
        browser.open(app.resolve("hello"));

        Object kept = browser.runAsync("""
                const done = arguments[arguments.length - 1];
                const keys = () => Object.keys(localStorage).filter(key => key.startsWith('beacon.unconfirmed.')).length;
                Object.keys(localStorage).forEach(key => localStorage.removeItem(key));
                localStorage.setItem('beacon.unconfirmed.old.1', JSON.stringify({u: arguments[0], b: '{}', t: Date.now() - 86400001}));
                window.fetch = () => Promise.reject(new TypeError('offline'));
                import(new URL('beacon-module.js', document.baseURI).href).then(module => {
                  const beacon = module.default.configure({endpoint: arguments[0]});
                  const result = {atLoad: beacon.status()};
                  for (let i = 0; i < 20; i++) beacon.send({n: i, pad: 'x'.repeat(59000)}).flush();
                  result.full = beacon.status();
                  result.fullKeys = keys();
                  window.fetch = () => Promise.resolve({status: 404, headers: {get: () => null}});
                  beacon.send({n: 'refused'}).flush();
                  setTimeout(() => {
                    result.refused = beacon.status();
                    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
                    window.fetch = () => Promise.reject(new TypeError('offline'));
                    beacon.send({n: 'in memory'}).flush();
                    result.inMemory = beacon.status();
                    result.inMemoryKeys = keys();
                    done(result);
                  }, 0);
                });
                """, app.resolve("beacon/script-kept").toString());

        Map<?, ?> result = (Map<?, ?>) kept;
        assertEquals(Map.of("unconfirmed", 0L, "lost", 1L), counts((Map<?, ?>) result.get("atLoad")), "a day old: given up at load");
        // 17 batches of one 59,000-character event fit in 1 MiB: the 3 oldest of 20 are given up
        assertEquals(Map.of("unconfirmed", 17L, "lost", 4L), counts((Map<?, ?>) result.get("full")));
        assertEquals(17L, ((Number) result.get("fullKeys")).longValue(), "each batch kept in storage");
        assertEquals(Map.of("unconfirmed", 17L, "lost", 5L), counts((Map<?, ?>) result.get("refused")), "a 404: given up");
        assertEquals(Map.of("unconfirmed", 18L, "lost", 5L), counts((Map<?, ?>) result.get("inMemory")), "kept while the page lives");
        assertEquals(17L, ((Number) result.get("inMemoryKeys")).longValue(), "storage refused it");
    }

    private static Map<String, Long> counts(Map<?, ?> numbers) {
        Map<String, Long> counts = new TreeMap<>();
        numbers.forEach((name, number) -> counts.put((String) name, ((Number) number).longValue()));
        return counts;
    }

    private static List<Long> longs(Object numbers) {
        return ((List<?>) numbers).stream().map(number -> ((Number) number).longValue()).toList();
    }

    /** Waits until the page has the answer that confirms the batch: it is then no longer kept. */
    private static void awaitConfirmed(DemoPage page, String id) {
        assertEquals(true, page.runAsync("const key = 'beacon.unconfirmed.' + arguments[0];"
                + "(function check() { localStorage.getItem(key) === null ? done(true) : setTimeout(check, 20); })();", id));
    }

    /** The same file serves pages that load it as a module, and it never throws into the page. */
    @Test
    void theClientScriptLoadsAsAnEsModuleAndNeverThrows(Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        Object module = page.runAsync("import(new URL('beacon-module.js', document.baseURI).href)"
                + ".then(m => done(m.default === window.beacon), e => done(String(e)));");
        Object cyclic = page.run("const a = {}; a.self = a; return beacon.send(a).send(undefined).send(() => 1) === beacon;");

        assertEquals(true, module);
        assertEquals(true, cyclic);
    }

    /** The demo takes GET beacons and answers them with a transparent GIF: a tracking pixel, as trackers fall back to. */
    @ParameterizedTest
    @EnumSource(Target.class)
    void anImageBeaconArrivesWithItsQueryAsFormFieldsAndTheImageLoads(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        assertEquals("1", page.loadImage(page.beaconUrl(target, "pixel") + "?e=load&page=%2Fcart&t=1700000000000"));

        JsonObject pixel = received.awaitOne("pixel");
        assertEquals("application/x-www-form-urlencoded;charset=utf-8", normalized(pixel.getString("contentType")));
        assertEquals(List.of("load"), strings(pixel.getJsonObject("form").getJsonObject("fields"), "e"));
        assertEquals(List.of("/cart"), strings(pixel.getJsonObject("form").getJsonObject("fields"), "page"));
        assertEquals(target == Target.FILTER ? "filter" : "jaxrs", pixel.getString("via"));
    }

    /** The demo observes {@code @BeaconEndpoint("vitals") WebVital}: each way a page sends it binds to the record. */
    @ParameterizedTest
    @EnumSource(Target.class)
    void typedObserverReceivesJsonTextJsonBlobsAndUrlSearchParamsBoundToItsRecord(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);
        String url = page.beaconUrl(target, "vitals");
        String id = target.name().toLowerCase(Locale.ROOT) + "-" + System.nanoTime();

        assertTrue(page.sendBeacon(url, "JSON.stringify({id: '" + id + "-text', name: 'TTFB', value: 12.5, delta: 3})"));
        assertTrue(page.sendBeacon(url, "new Blob([JSON.stringify({id: '" + id + "-blob', name: 'TTFB', value: 12.5, delta: 3})],"
                + " {type: 'application/json'})"));
        assertTrue(page.sendBeacon(url, "new URLSearchParams({id: '" + id + "-params', name: 'TTFB', value: '12.5', delta: '3'})"));

        Set<String> ids = Set.of(id + "-text", id + "-blob", id + "-params");
        for (JsonObject vital : received.awaitVitals(ids)) {
            assertEquals("TTFB", vital.getString("name"), vital::toString);
            assertEquals(12.5, vital.getJsonNumber("value").doubleValue(), vital::toString);
            assertEquals(3, vital.getInt("delta"), vital::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void keepaliveFetchArrives(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        assertEquals("204", page.fetchKeepalive(page.beaconUrl(target, "fetched"), "JSON.stringify({event: 'fetched'})"));

        JsonObject item = received.awaitOne("fetched");
        assertEquals("fetched", item.getJsonObject("json").getString("event"));
    }

    @Test
    void beaconsFromVisibilityChangeAndPageHideArriveWhenThePageIsLeftOrClosed(Browser browser) throws Exception {
        DemoPage.open(browser, app).leaveFor("hello");

        assertTrue(received.awaitOne("visibility").getString("text").matches("\\d{13}"));
        assertTrue(received.awaitOne("pagehide").getString("text").matches("\\d{13}"));

        DemoPage.openInNewTab(browser, app).closeTab();

        received.await("", "pagehide", 2);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void crossOriginBeaconsArriveFromAnAllowedOriginOnly(Target target, Browser browser) throws Exception {
        DemoPage allowed = DemoPage.open(browser, appAtLocalhost);
        String collector = app + target.toString().toLowerCase(Locale.ROOT);
        assertTrue(allowed.sendBeacon(at(app, target, "xo-text"), "'cross'"));
        assertTrue(allowed.sendBeacon(at(app, target, "xo-json"), "new Blob(['{\"a\":1}'], {type: 'application/json'})"));

        JsonObject text = received.awaitOne("xo-text");
        assertEquals("http://localhost:" + app.getPort(), text.getString("origin"), collector);
        assertEquals("cross-site", text.getString("secFetchSite"));
        assertEquals("no-cors", text.getString("secFetchMode"), "a safelisted type needs no preflight");
        JsonObject json = received.awaitOne("xo-json");
        assertEquals("cors", json.getString("secFetchMode"), "a JSON Blob is sent in CORS mode, after its preflight");

        DemoPage refused = DemoPage.open(browser, app);
        refused.sendBeacon(at(appAtLocalhost, target, "xo-refused-text"), "'cross'");
        refused.sendBeacon(at(appAtLocalhost, target, "xo-refused-json"), "new Blob(['{\"a\":1}'], {type: 'application/json'})");
        assertTrue(refused.sendBeacon(refused.beaconUrl(target, "xo-marker"), "'marker'"));

        received.awaitOne("xo-marker");
        received.await("/async", "xo-marker", 1);
        for (String log : List.of("", "/async")) {
            assertEquals(List.of(), received.items(log, item -> item.getString("endpoint").startsWith("xo-refused")), log);
        }
    }

    @Test
    void cspViolationReportArrivesAtTheCspEndpointReadable(Browser browser) throws Exception {
        CspPage.open(browser, app);

        JsonObject report = received.await("/csp", "csp", 1).get(0);
        assertEquals("application/csp-report", report.getString("contentType"));
        JsonObject violation = report.getJsonObject("json").getJsonObject("csp-report");
        assertEquals("img-src", violation.getString("effective-directive"));
        assertTrue(violation.getString("document-uri").endsWith("/csp.html"), violation::toString);
        assertTrue(violation.getString("blocked-uri").startsWith("http://localhost:1"), violation::toString);
        JsonObject typed = received.awaitReports(Set.of("csp-violation")).get(0);
        assertEquals("CspViolation", typed.getString("class"));
        assertEquals("img-src", typed.getString("subject"));
        assertEquals("csp", typed.getString("endpoint"));
        assertTrue(typed.getString("url").endsWith("/csp.html"), typed::toString);
    }

    /** Both browsers deliver a CSP violation through the Reporting API from a page served over HTTPS, Firefox with nulls for what it does not know. */
    @Test
    void reportingApiBatchArrivesFromAPageServedOverHttpsAndItsCspViolationTyped(Browser browser) throws Exception {
        CspPage.openReportingApiPage(browser, secureApp());

        // The deprecations go to the resource's endpoint of the same name, in batches of their own that may come first.
        JsonObject batch = received.awaitBatchHolding("filter", "reports", "csp-violation");
        assertEquals("application/reports+json", batch.getString("contentType"));
        JsonObject report = ofType(batch.getJsonArray("json").getValuesAs(JsonObject.class), "csp-violation");
        assertEquals("img-src", report.getJsonObject("body").getString("effectiveDirective"));
        assertTrue(report.getJsonObject("body").getString("blockedURL").startsWith("https://localhost:1"), report::toString);
        JsonObject csp = ofType(received.awaitReports(Set.of("csp-violation")), "csp-violation");
        assertEquals(List.of("CspViolation", "filter", "reports", "img-src"), fields(csp, "class", "via", "endpoint", "subject"));
        assertTrue(csp.getString("blocked").startsWith("https://localhost:1"), csp::toString);
    }

    URI secureApp() throws Exception {
        return new URI("https", null, "127.0.0.1", Integer.getInteger("https.port"), app.getPath(), null, null);
    }

    static JsonObject ofType(List<JsonObject> reports, String type) {
        return reports.stream().filter(report -> report.getString("type").equals(type)).findFirst().orElseThrow();
    }

    static List<String> fields(JsonObject report, String... names) {
        return Arrays.stream(names).map(report::getString).toList();
    }

    private static String at(URI application, Target target, String endpoint) {
        return application.resolve((target == Target.FILTER ? "beacon/" : "api/beacon/") + endpoint).toString();
    }

    static String normalized(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static List<String> strings(JsonObject fields, String name) {
        return fields.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** A demo button, the Content-Type browsers send with its body ({@code null}: none), and what else must hold. */
    private record Button(String label, String contentType, Consumer<JsonObject> check) {
    }
}
