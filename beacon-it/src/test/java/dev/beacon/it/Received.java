package dev.beacon.it;

import dev.beacon.testing.Polling;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the demo's observers received, read from {@code GET /received}, {@code GET /received-reports},
 * {@code GET /received-rollups} and {@code GET /received-vitals} on the server under test.
 */
final class Received {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI app;

    Received(HttpClient http, URI app) {
        this.http = http;
        this.app = app;
    }

    /**
     * @param log {@code ""} for the {@code @Observes Beacon} observer, {@code "/async"}, {@code "/csp"}
     * @param endpoint the endpoint to look for
     * @param count how many to wait for
     * @return the items for that endpoint, once there are {@code count}
     * @throws AssertionError when they do not arrive within 15 seconds
     */
    List<JsonObject> await(String log, String endpoint, int count) throws Exception {
        return Polling.until(count + " beacon(s) to endpoint " + endpoint + " in /received" + log, () -> of(log, endpoint),
                found -> found.size() >= count, PATIENCE);
    }

    /**
     * @return what the observer of {@code log} received for {@code endpoint}, without waiting
     */
    List<JsonObject> of(String log, String endpoint) throws Exception {
        return items(log, item -> item.getString("endpoint").equals(endpoint));
    }

    JsonObject awaitOne(String endpoint) throws Exception {
        return await("", endpoint, 1).get(0);
    }

    /**
     * @param via {@code filter} or {@code jaxrs}
     * @param endpoint the endpoint the batches are sent to
     * @param type a report type, e.g. {@code csp-violation}
     * @return the first Reporting API batch received through {@code via} at {@code endpoint} that holds a report of {@code type};
     *         a browser batches reports as it likes, and the batches of two endpoints arrive in any order
     * @throws AssertionError when none arrives within 15 seconds
     */
    JsonObject awaitBatchHolding(String via, String endpoint, String type) throws Exception {
        return Polling.until("a batch at " + endpoint + " through the " + via + " holding a " + type + " report",
                () -> items("", item -> item.getString("endpoint").equals(endpoint) && item.getString("via").equals(via)
                        && item.get("json") instanceof JsonArray reports
                        && reports.stream().anyMatch(report -> type.equals(report.asJsonObject().getString("type", null)))),
                found -> !found.isEmpty(), PATIENCE).get(0);
    }

    /**
     * @param types report types, e.g. {@code csp-violation}
     * @return every report the demo's {@code @Observes Report} observer received, once there is one of each type
     * @throws AssertionError when they do not arrive within 15 seconds
     */
    List<JsonObject> awaitReports(Set<String> types) throws Exception {
        return Polling.until("reports of types " + types + " in /received-reports", () -> read("received-reports", item -> true),
                found -> found.stream().map(item -> item.getString("type")).collect(Collectors.toSet()).containsAll(types), PATIENCE);
    }

    /**
     * @param fingerprint a fault's fingerprint
     * @return the report rollups of that fault the demo's observer received, once their counts add up to at least the count
     * @throws AssertionError when they do not within 30 seconds: three of the demo's windows
     */
    List<JsonObject> awaitRollups(String fingerprint, long count) throws Exception {
        return Polling.until(count + " reports of " + fingerprint + " in /received-rollups",
                () -> read("received-rollups", item -> item.getString("fingerprint").equals(fingerprint)),
                found -> found.stream().mapToLong(item -> item.getJsonNumber("count").longValue()).sum() >= count, Duration.ofSeconds(30));
    }

    /**
     * @param ids the page ids the web vitals carry
     * @return the web vitals the demo's typed observer received with those ids, once there is one of each
     * @throws AssertionError when they do not arrive within 15 seconds
     */
    List<JsonObject> awaitVitals(Set<String> ids) throws Exception {
        return Polling.until("web vitals " + ids + " in /received-vitals", () -> read("received-vitals", item -> ids.contains(item.getString("id"))),
                found -> found.size() >= ids.size(), PATIENCE);
    }

    List<JsonObject> items(String log, Predicate<JsonObject> filter) throws Exception {
        return read("received" + log, filter);
    }

    private List<JsonObject> read(String path, Predicate<JsonObject> filter) throws Exception {
        String body = http.send(HttpRequest.newBuilder(app.resolve(path)).GET().build(), BodyHandlers.ofString()).body();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonArray items = reader.readArray();
            return items.stream().map(JsonObject.class::cast).filter(filter).toList();
        }
    }
}
