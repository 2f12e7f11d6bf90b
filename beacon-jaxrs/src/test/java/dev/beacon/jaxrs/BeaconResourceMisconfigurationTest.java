package dev.beacon.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.BeaconConfig;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.TestContainer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * A resource cannot fail its application's deployment over a bad setting: it refuses beacons with 503
 * instead of a 500, and says why once.
 */
class BeaconResourceMisconfigurationTest {

    @Test
    void invalidSettingRefusesBeaconsWith503AndLogsTheSettingOnce() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (TestContainer container = TestContainer.start();
             JerseyApp app = JerseyApp.start(Map.of(BeaconConfig.MAX_BODY_SIZE, "64k"));
             LogRecords log = LogRecords.of(BeaconResource.class)) {
            HttpRequest beacon = HttpRequest.newBuilder(app.beaconUri()).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build();

            HttpResponse<String> first = http.send(beacon, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = http.send(beacon, HttpResponse.BodyHandlers.ofString());

            assertEquals(503, first.statusCode());
            assertEquals(503, second.statusCode());
            assertEquals(Optional.of("60"), first.headers().firstValue("Retry-After"));
            assertEquals("Beacon endpoint misconfigured\n", first.body());
            assertEquals(1, log.at(Level.SEVERE).size(), log::toString);
            assertTrue(log.at(Level.SEVERE).get(0).contains("'beacon.max-body-size'"), log::toString);
        }
    }
}
