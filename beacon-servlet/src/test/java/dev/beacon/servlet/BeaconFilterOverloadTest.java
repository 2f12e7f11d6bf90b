package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.BeaconStatistics;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.Polling;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.SlowObserver;
import dev.beacon.testing.TestContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When as many accepted beacons await their observers as the application allows, the next one is
 * refused while it still can be, with 503 and Retry-After, never accepted and then dropped.
 */
class BeaconFilterOverloadTest {

    @Test
    void refusesWith503WhileTheInFlightLimitIsReachedAndAcceptsAgainOnceItIsNot() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(BeaconConfig.MAX_IN_FLIGHT, "1"), context -> { })) {
            SlowObserver slow = container.bean(SlowObserver.class);
            BeaconStatistics statistics = container.bean(BeaconStatistics.class);
            slow.reset();
            // Separate clients: the held beacon keeps its connection busy.
            CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
                    beacon(app.uri("/beacon/" + SlowObserver.ENDPOINT)), HttpResponse.BodyHandlers.ofString());
            try {
                assertEquals(204, held.get(10, TimeUnit.SECONDS).statusCode());
                assertTrue(slow.awaitEntered());

                HttpResponse<String> refused = send(app.uri("/beacon/overflow"));
                assertEquals(503, refused.statusCode());
                assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
                assertEquals(1L, statistics.rejectedByStatus().get(503));
            } finally {
                slow.open();
            }
            // The place comes back after the held beacon's last observer returns, which no observer can signal.
            Polling.until("the held beacon's place in flight to come back", statistics::inFlight, inFlight -> inFlight == 0,
                    Duration.ofSeconds(10));

            assertEquals(204, send(app.uri("/beacon/after")).statusCode());
            assertEquals(1, container.bean(RecordingObservers.class).sync().await("after", 1).size());
            assertEquals(List.of(), container.bean(RecordingObservers.class).sync().of("overflow"));
        }
    }

    private static HttpResponse<String> send(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(beacon(uri), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest beacon(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build();
    }
}
