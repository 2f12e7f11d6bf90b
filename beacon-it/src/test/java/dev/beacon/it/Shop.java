package dev.beacon.it;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.Polling;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The demo shop deployed on the server under test, as the tests reach it over HTTP: beacons as
 * Chromium sends them from one of its pages, its counters, and the gate of the {@link GatedObserver}.
 */
final class Shop {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI app;

    private Shop(URI app) {
        this.app = app;
    }

    /**
     * @param deployed the application's URL as Arquillian reports it
     */
    static Shop at(URL deployed) throws URISyntaxException {
        // The servers listen on loopback only; Payara Micro reports the machine's address all the same.
        return new Shop(new URI("http", null, "127.0.0.1", deployed.getPort(), deployed.getPath(), null, null));
    }

    /** The application's root, ending in {@code /}. */
    URI app() {
        return app;
    }

    HttpClient http() {
        return http;
    }

    Received received() {
        return new Received(http, app);
    }

    URI uri(String via, String endpoint) {
        return app.resolve(via + "/" + endpoint);
    }

    /** The origin of the shop's own pages. */
    String origin() {
        return app.getScheme() + "://" + app.getAuthority();
    }

    /** A beacon as Chromium sends it same-origin. */
    HttpRequest.Builder beacon(String via, String endpoint, BrowserBody body, String... headers) {
        return body.postTo(uri(via, endpoint), origin(), headers);
    }

    HttpResponse<String> post(String via, String endpoint, BrowserBody body, String... headers) throws Exception {
        return http.send(beacon(via, endpoint, body, headers).build(), BodyHandlers.ofString());
    }

    /** A same-origin text beacon's request line and headers, up to the blank line that ends them. */
    String head(String via, String endpoint, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(uri(via, endpoint).getPath()).append(" HTTP/1.1\r\nHost: ")
                .append(app.getAuthority()).append("\r\nOrigin: ").append(origin()).append("\r\nContent-Type: text/plain\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.resolve(path)).GET().build(), BodyHandlers.ofString());
    }

    /** The demo's {@code GET /statistics}: the application's {@code BeaconStatistics}. */
    JsonObject statistics() throws Exception {
        try (JsonReader reader = Json.createReader(new StringReader(get("statistics").body()))) {
            return reader.readObject();
        }
    }

    /**
     * @return the statistics once no accepted beacon awaits an observer
     * @throws AssertionError when one still does after 10 seconds
     */
    JsonObject awaitNothingInFlight() throws Exception {
        // A place comes back after the last observer returns, which no observer can signal: ask, with back-off.
        return Polling.until("no beacon in flight in /statistics", this::statistics, statistics -> statistics.getInt("inFlight") == 0,
                Duration.ofSeconds(10));
    }

    /**
     * Closes the gate, then sends a beacon that the {@link GatedObserver} will hold until it opens, on a
     * client of its own: its connection may stay busy meanwhile.
     *
     * @return the beacon's answer
     * @throws java.util.concurrent.TimeoutException when the answer takes 10 seconds: it waited for the observer
     */
    HttpResponse<String> sendHeldBeacon(String via) throws Exception {
        resetGate();
        HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return own.sendAsync(beacon(via, GatedObserver.ENDPOINT, ChromiumBodies.string("held")).build(), BodyHandlers.ofString())
                .get(10, TimeUnit.SECONDS);
    }

    /** Closes the gate of the {@link GatedObserver} and forgets what entered it. */
    void resetGate() throws Exception {
        http.send(HttpRequest.newBuilder(app.resolve("gate")).DELETE().build(), BodyHandlers.discarding());
    }

    /** Opens the gate: the held observers return. */
    void openGate() throws Exception {
        http.send(HttpRequest.newBuilder(app.resolve("gate")).header("X-CSRF-Token", "test").POST(BodyPublishers.noBody()).build(),
                BodyHandlers.discarding());
    }

    /**
     * Waits, on the server, for a beacon to enter the {@link GatedObserver} since the gate was reset.
     *
     * @return the gate's state then, {@code 1 holding} when one beacon entered and is held
     */
    String awaitGateEntered() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(app.resolve("gate?await=entered"))
                .timeout(Duration.ofSeconds(GateServlet.PATIENCE_SECONDS + 5)).GET().build();
        return http.send(request, BodyHandlers.ofString()).body();
    }
}
