package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.cdi.Deliveries;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.Polling;
import dev.beacon.testing.RawHttp;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.TestContainer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle their bodies hold connections, not request threads: beacons sent meanwhile are
 * answered, and a body not complete within the read timeout gets 408.
 */
class BeaconFilterSlowClientTest {

    /** More trickling clients than the server has threads: blocking reads would hold every one of them. */
    private static final int TRICKLING = 40;
    private static final int PROMPT = 10;

    @Test
    void tricklingClientsDoNotKeepOtherBeaconsFromBeingAnswered() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(new QueuedThreadPool(16, 4), Map.of(BeaconConfig.READ_TIMEOUT, "60"), context -> { })) {
            RecordingObservers observers = container.bean(RecordingObservers.class);
            List<RawHttp> trickling = new ArrayList<>();
            try {
                for (int i = 0; i < TRICKLING; i++) {
                    trickling.add(new RawHttp(app.uri("/beacon")).send(head(app, "trickle", 2) + "a"));
                }

                HttpClient client = HttpClient.newHttpClient();
                for (int i = 0; i < PROMPT; i++) {
                    // The timeout only turns a server that cannot answer into a failure rather than a hang.
                    HttpRequest beacon = HttpRequest.newBuilder(app.uri("/beacon/prompt")).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("prompt")).build();
                    assertEquals(204, client.send(beacon, HttpResponse.BodyHandlers.discarding()).statusCode());
                }
                assertEquals(PROMPT, observers.sync().await("prompt", PROMPT).size());
                assertEquals(List.of(), observers.sync().of("trickle"), "no trickling body is complete yet");

                for (RawHttp raw : trickling) {
                    raw.send("b");
                }
                for (RawHttp raw : trickling) {
                    assertEquals(204, RawHttp.status(raw.readHead()));
                }
                assertEquals(TRICKLING, observers.sync().await("trickle", TRICKLING).size());
            } finally {
                for (RawHttp raw : trickling) {
                    raw.close();
                }
            }
        }
    }

    @Test
    void bodyNotCompleteWithinTheReadTimeoutGets408AndNoEvent() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(BeaconConfig.READ_TIMEOUT, "1"), context -> { });
             RawHttp raw = new RawHttp(app.uri("/beacon"))) {
            raw.send(head(app, "stalled", 2) + "a");

            String answer = raw.readHead();
            assertEquals(408, RawHttp.status(answer));
            assertTrue(answer.contains("Connection: close"), answer);

            HttpRequest marker = HttpRequest.newBuilder(app.uri("/beacon/marker"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("m")).build();
            assertEquals(204, HttpClient.newHttpClient().send(marker, HttpResponse.BodyHandlers.discarding()).statusCode());
            RecordingObservers observers = container.bean(RecordingObservers.class);
            observers.sync().await("marker", 1);
            assertEquals(List.of(), observers.sync().of("stalled"));
        }
    }

    /**
     * A place in flight taken for an answer that is then not the one given would never be given back,
     * and shutdown would wait for it in vain.
     */
    @Test
    void everyTrickledBeaconGivesBackItsPlaceInFlight() throws Exception {
        TestContainer container = TestContainer.start();
        try (LogRecords shutdown = LogRecords.of(Deliveries.class)) {
            try (JettyApp app = JettyApp.start(Map.of(BeaconConfig.SHUTDOWN_TIMEOUT, "2"), context -> { })) {
                for (int i = 1; i <= 5; i++) {
                    try (RawHttp raw = new RawHttp(app.uri("/beacon"))) {
                        raw.send(head(app, "trickled", 2) + "a").send("b");
                        raw.stopSending();

                        assertEquals(204, RawHttp.status(raw.readHead()), "beacon " + i);
                    }
                }
                assertEquals(5, container.bean(RecordingObservers.class).async().await("trickled", 5).size());
            } finally {
                container.close(); // waits for every place taken, up to the shutdown timeout
            }
            assertEquals(List.of(), shutdown.at(Level.SEVERE));
        }
    }

    /**
     * A client that stops sending early makes the read fail inside the container's callback; answered
     * from another thread, Jetty got there first with a 500 about one time in eighty.
     */
    @Test
    void bodyCutShortIsAnswered400ByTheFilterEveryTime() throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(), context -> { })) {
            for (int i = 0; i < 400; i++) {
                try (RawHttp raw = new RawHttp(app.uri("/beacon"))) {
                    raw.send(head(app, "cut-short", 10) + "abc");
                    raw.stopSending();
                    statuses.merge(RawHttp.status(raw.readHead()), 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of(400, 400), statuses);
    }

    /**
     * The filter's deadline thread is the library's own: were it left running at undeploy, every
     * redeployment would leak one, holding the old application's classes.
     */
    @Test
    void readDeadlineThreadEndsWhenTheApplicationIsUndeployedAndTheBodyItAwaitedIsRefused() throws Exception {
        Set<Thread> before = deadlineThreads();
        Thread ours;
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(BeaconConfig.READ_TIMEOUT, "60"), context -> { });
             RawHttp stalled = new RawHttp(app.uri("/beacon"))) {
            stalled.send(head(app, "stalled", 2) + "a");
            Set<Thread> started = Polling.until("the deadline thread to start", BeaconFilterSlowClientTest::deadlineThreads,
                    threads -> !before.containsAll(threads), Duration.ofSeconds(10));
            started.removeAll(before);
            assertEquals(1, started.size(), started::toString);
            ours = started.iterator().next();

            app.close();
            // Undeployed, the body is no longer waited for: refused at once, not after the 60 s timeout. Jetty fails the
            // read as it stops (400) or the deadline is ended with the filter (408), whichever comes first.
            int status = RawHttp.status(stalled.readHead());
            assertTrue(status == 400 || status == 408, "status " + status);
        }
        ours.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(ours.isAlive(), () -> ours + " still runs after undeploy");
    }

    private static Set<Thread> deadlineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(ReadDeadlines.THREAD_NAME))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String head(JettyApp app, String endpoint, int contentLength) {
        return RawHttp.postHead(app.uri("/beacon/" + endpoint), contentLength);
    }
}
