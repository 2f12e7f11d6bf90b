package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.BeaconStatistics;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.TestContainer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The client rules over real HTTP, behind a trusted proxy (the test's loopback client, which forwards
 * an address of its choosing): the rate limit's {@code 429} on the wire, and duplicates answered but
 * not delivered.
 */
class BeaconFilterClientRulesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientPastItsShareGets429WithRetryAfterOnTheWireAndOthersGoOn() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(BeaconConfig.TRUSTED_PROXIES, "127.0.0.1, ::1", BeaconConfig.RATE_LIMIT, "0.01",
                     BeaconConfig.RATE_LIMIT_BURST, "1"), context -> { })) {
            assertEquals(204, post(app, "rated", "198.51.100.1", "first").statusCode());
            HttpResponse<String> refused = post(app, "rated", "198.51.100.1", "second");
            assertEquals(204, post(app, "rated", "198.51.100.2", "third").statusCode());

            assertEquals(429, refused.statusCode());
            assertEquals(Optional.of("100"), refused.headers().firstValue("Retry-After"));
            assertEquals("Too many beacons from this client", refused.body().strip());
            RecordingObservers observers = container.bean(RecordingObservers.class);
            assertEquals(2, observers.sync().await("rated", 2).size());
            assertEquals("198.51.100.2", observers.sync().of("rated").get(1).clientAddress().orElseThrow());
            assertEquals(1L, container.bean(BeaconStatistics.class).rejectedByStatus().get(429));
        }
    }

    @Test
    void aDuplicateIsAnswered204ButDeliveredOnce() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(BeaconConfig.DUPLICATE_WINDOW, "60"), context -> { })) {
            assertEquals(204, post(app, "unload", null, "{\"page\":\"p1\",\"seq\":7}").statusCode());
            assertEquals(204, post(app, "unload", null, "{\"page\":\"p1\",\"seq\":7}").statusCode());
            assertEquals(204, post(app, "unload", null, "{\"page\":\"p1\",\"seq\":8}").statusCode());

            RecordingObservers observers = container.bean(RecordingObservers.class);
            assertEquals(2, observers.sync().await("unload", 2).size());
            assertEquals(1, container.bean(BeaconStatistics.class).duplicates());
            assertEquals(2, observers.sync().of("unload").size(), "the duplicate was never delivered");
        }
    }

    private HttpResponse<String> post(JettyApp app, String endpoint, String forwardedFor, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri("/beacon/" + endpoint)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
