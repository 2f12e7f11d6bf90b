package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconConfig;
import dev.beacon.BeaconStatistics;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.TestContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * A few seconds of concurrent beacons against a small in-flight limit, so that some are refused: every
 * beacon answered 204 reaches every observer exactly once, and the only refusals are 503s.
 */
class BeaconFilterLoadTest {

    private static final int CLIENTS = 8;
    private static final int BEACONS_PER_CLIENT = 400;
    private static final long MAX_SECONDS = 20;

    @Test
    void everyBeaconAnswered204IsDeliveredExactlyOnceUnderLoad() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(BeaconConfig.MAX_IN_FLIGHT, "4"), context -> { })) {
            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = 0; i < BEACONS_PER_CLIENT && System.nanoTime() < deadline; i++) {
                        HttpRequest beacon = HttpRequest.newBuilder(app.uri("/beacon/load"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("beacon " + sequence.incrementAndGet())).build();
                        int status = http.send(beacon, HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
                    }
                    return null;
                });
            }
            clients.shutdown();
            assertTrue(clients.awaitTermination(MAX_SECONDS + 10, TimeUnit.SECONDS));

            long answered204 = statuses.getOrDefault(204, new LongAdder()).sum();
            assertTrue(statuses.keySet().stream().allMatch(status -> status == 204 || status == 503), statuses::toString);
            // Else every delivery assertion below would hold with zero beacons: a filter refusing all would pass.
            assertTrue(answered204 > 0, statuses::toString);
            RecordingObservers observers = container.bean(RecordingObservers.class);
            int expected = Math.toIntExact(answered204);
            assertEquals(expected, observers.sync().await("load", expected).size());
            assertEquals(expected, observers.async().await("load", expected).size());
            assertEquals(expected, observers.sync().of("load").stream().map(Beacon::text).distinct().count(), "a beacon delivered twice");
            BeaconStatistics statistics = container.bean(BeaconStatistics.class);
            assertEquals(answered204, statistics.accepted());
            assertEquals(statuses.getOrDefault(503, new LongAdder()).sum(), statistics.rejectedByStatus().getOrDefault(503, 0L));
            System.out.printf("load: %s (status: count); accepted %d, delivered to each observer once%n", statuses, answered204);
        }
    }
}
