package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.Polling;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.SlowObserver;
import dev.beacon.testing.TestContainer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Concurrent beacons against a small in-flight limit: every beacon answered 204 reaches every observer exactly
 * once, and the only refusals are 503s. The limit is first held full by beacons to a gated observer, so that
 * refusals are certain, not a matter of timing; once one is seen, the gate opens and the clients' beacons go through.
 */
class BeaconFilterLoadTest {

    private static final int MAX_IN_FLIGHT = 4;
    private static final int CLIENTS = 8;
    private static final int ACCEPTED_PER_CLIENT = 50;
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @Test
    void everyBeaconAnswered204IsDeliveredExactlyOnceUnderLoadAndTheRestAreRefused503() throws Exception {
        try (TestContainer container = TestContainer.start();
             JettyApp app = JettyApp.start(Map.of(BeaconConfig.MAX_IN_FLIGHT, Integer.toString(MAX_IN_FLIGHT)), context -> { })) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            BeaconStatistics statistics = container.bean(BeaconStatistics.class);
            SlowObserver slow = container.bean(SlowObserver.class);
            slow.reset();
            ExecutorService threads = Executors.newFixedThreadPool(MAX_IN_FLIGHT + CLIENTS);
            List<Future<Integer>> holding = new ArrayList<>();
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                holding.add(threads.submit(() -> send(http, app, SlowObserver.ENDPOINT, "held")));
            }
            Polling.until("every place held by a beacon the gate keeps", statistics::inFlight, held -> held == MAX_IN_FLIGHT, LONG_ENOUGH);

            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            AtomicInteger sequence = new AtomicInteger();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(threads.submit(() -> {
                    int accepted = 0;
                    while (accepted < ACCEPTED_PER_CLIENT) {
                        int status = send(http, app, "load", "beacon " + sequence.incrementAndGet());
                        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
                        accepted += status == 204 ? 1 : 0;
                    }
                    return null;
                }));
            }
            Polling.until("a beacon refused while every place is held", () -> count(statuses, 503), refused -> refused > 0, LONG_ENOUGH);
            slow.open();
            for (Future<?> client : clients) {
                client.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS); // a client that failed fails the test
            }
            for (Future<Integer> held : holding) {
                assertEquals(204, held.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS));
            }
            threads.shutdown();

            long answered204 = count(statuses, 204);
            assertTrue(statuses.keySet().stream().allMatch(status -> status == 204 || status == 503), statuses::toString);
            assertEquals(CLIENTS * ACCEPTED_PER_CLIENT, answered204);
            RecordingObservers observers = container.bean(RecordingObservers.class);
            int expected = Math.toIntExact(answered204);
            assertEquals(expected, observers.sync().await("load", expected).size());
            assertEquals(expected, observers.async().await("load", expected).size());
            assertEquals(expected, observers.sync().of("load").stream().map(Beacon::text).distinct().count(), "a beacon delivered twice");
            assertEquals(answered204 + MAX_IN_FLIGHT, statistics.accepted(), "the clients' and the held ones");
            assertEquals(count(statuses, 503), statistics.rejectedByStatus().getOrDefault(503, 0L));
            System.out.printf("load: %s (status: count); accepted %d, delivered to each observer once%n", statuses, answered204);
        }
    }

    private static int send(HttpClient http, JettyApp app, String endpoint, String text) throws Exception {
        HttpRequest beacon = HttpRequest.newBuilder(app.uri("/beacon/" + endpoint)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
        return http.send(beacon, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long count(Map<Integer, LongAdder> statuses, int status) {
        LongAdder counted = statuses.get(status);
        return counted == null ? 0 : counted.sum();
    }
}
