package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.RawHttp;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.RecordingSink;
import dev.beacon.testing.TestContainer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * With {@code beacon.answer-when=stored}, a beacon awaiting its storage holds no thread of the filter's, whether its body
 * came whole or trickled in ({@link BeaconFilterStoredAnswerTest} holds the rest of the contract).
 */
class BeaconFilterStoredAnswersWithoutThreadsTest {

    /** More beacons awaiting their storage than the server has threads: waiting on a thread would hold every one. */
    private static final int AWAITING = 40;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void beaconsAwaitingTheirStorageHoldNoThreadAndAreAnsweredOnceStored() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(new QueuedThreadPool(16, 4), Map.of(BeaconConfig.ANSWER_WHEN, "stored"), context -> { });
             RawHttp trickled = new RawHttp(app.uri("/beacon"))) {
            RecordingSink sink = container.bean(RecordingSink.class);
            RecordingObservers observers = container.bean(RecordingObservers.class);
            List<CompletableFuture<HttpResponse<Void>>> awaiting = new ArrayList<>();
            for (int i = 0; i < AWAITING; i++) {
                awaiting.add(http.sendAsync(post(app, RecordingSink.HELD + "whole"), HttpResponse.BodyHandlers.discarding()));
            }
            trickled.send(RawHttp.postHead(app.uri("/beacon/" + RecordingSink.HELD + "trickled"), 2) + "a").send("b");
            sink.storing().await(RecordingSink.HELD + "whole", AWAITING);
            sink.storing().awaitOne(RecordingSink.HELD + "trickled");

            HttpResponse<Void> prompt = http.send(post(app, "prompt"), HttpResponse.BodyHandlers.discarding());

            assertEquals(204, prompt.statusCode(), "answered while " + AWAITING + " beacons await their storage");
            assertTrue(awaiting.stream().noneMatch(CompletableFuture::isDone), "none answered before it is stored");
            assertEquals(List.of(), observers.sync().of(RecordingSink.HELD + "whole"), "nor observed");
            sink.storeHeld();
            for (CompletableFuture<HttpResponse<Void>> answer : awaiting) {
                assertEquals(204, answer.join().statusCode());
            }
            assertEquals(204, RawHttp.status(trickled.readHead()));
            assertEquals(AWAITING, observers.sync().await(RecordingSink.HELD + "whole", AWAITING).size());
            observers.sync().awaitOne(RecordingSink.HELD + "trickled");
            assertEquals(List.of(), sink.written().of(RecordingSink.HELD + "whole"), "stored, never written a second time");
        }
    }

    private static HttpRequest post(JettyApp app, String endpoint) {
        // The timeout only turns a server that cannot answer into a failure rather than a hang.
        return HttpRequest.newBuilder(app.uri("/beacon/" + endpoint)).timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("stored")).build();
    }
}
