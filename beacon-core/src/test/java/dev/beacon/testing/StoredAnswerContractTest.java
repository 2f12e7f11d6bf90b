package dev.beacon.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.beacon.core.settings.BeaconConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code beacon.answer-when=stored} at every entry point: a beacon is answered {@code 204} once its sink has stored it,
 * and only then observed; past {@code beacon.answer-timeout}, it is refused {@code 503} with {@code Retry-After}.
 */
public abstract class StoredAnswerContractTest extends EntryPointContract {

    protected StoredAnswerContractTest(EntryPoint entryPoint) {
        super(entryPoint);
    }

    @Test
    void aBeaconIsAnswered204OnlyOnceItsSinkHasStoredItAndOnlyThenObserved() throws Exception {
        URI beacons = start(Map.of(BeaconConfig.ANSWER_WHEN, "stored", BeaconConfig.GET, "true", BeaconConfig.GET_RESPONSE, "gif"));
        RecordingSink sink = sink();
        RecordingObservers observers = observers();

        CompletableFuture<HttpResponse<Void>> posted = http.sendAsync(post(beacons, RecordingSink.HELD + "post"), HttpResponse.BodyHandlers.discarding());
        CompletableFuture<HttpResponse<byte[]>> pixel = http.sendAsync(HttpRequest.newBuilder(URI.create(beacons + "/" + RecordingSink.HELD + "pixel?e=1"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        sink.storing().awaitOne(RecordingSink.HELD + "post");
        sink.storing().awaitOne(RecordingSink.HELD + "pixel");

        assertFalse(posted.isDone(), "no answer before the sink has stored it");
        assertFalse(pixel.isDone(), "nor to a GET beacon");
        assertEquals(List.of(), observers.sync().of(RecordingSink.HELD + "post"), "nor any observer");
        sink.storeHeld();
        assertEquals(204, posted.join().statusCode());
        assertEquals(200, pixel.join().statusCode());
        assertArrayEquals(new byte[] {'G', 'I', 'F'}, Arrays.copyOf(pixel.join().body(), 3), "its image, once stored");
        observers.sync().awaitOne(RecordingSink.HELD + "post");
        observers.sync().awaitOne(RecordingSink.HELD + "pixel");
    }

    @Test
    void aBeaconNotStoredWithinTheAnswerTimeoutIsRefused503WithRetryAfterAndNeverObserved() throws Exception {
        URI beacons = start(Map.of(BeaconConfig.ANSWER_WHEN, "stored", BeaconConfig.ANSWER_TIMEOUT, "1"));

        HttpResponse<String> refused = http.send(post(beacons, RecordingSink.HELD + "late"), HttpResponse.BodyHandlers.ofString());

        assertEquals(503, refused.statusCode());
        assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
        assertEquals("The beacon could not be stored within 1 s", refused.body().strip());
        assertEquals(List.of(), observers().sync().of(RecordingSink.HELD + "late"));
    }

    private static HttpRequest post(URI beacons, String endpoint) {
        // The timeout only turns a server that cannot answer into a failure rather than a hang.
        return HttpRequest.newBuilder(URI.create(beacons + "/" + endpoint)).timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("stored")).build();
    }
}
