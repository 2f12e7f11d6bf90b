package dev.beacon.cluster;

import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Sends beacons, each carrying an id of its own, from several threads at once, and keeps what each was
 * answered: the status, {@link #BARE_503} for a {@code 503} not from the library, or {@link #CONNECTION_ERROR}.
 */
final class BeaconLoad implements AutoCloseable {

    /**
     * A {@code 503} not from the library: the balancer's own, with no node ready (it says {@code X-Balancer}), or a
     * stopping server's, without {@code Retry-After}, before its application is undeployed.
     */
    static final int BARE_503 = 0;
    /** The connection failed before an answer came. */
    static final int CONNECTION_ERROR = -1;

    /** Beacons rotate over these endpoints; {@code csp} has a topic of its own. */
    static final List<String> ENDPOINTS = List.of("analytics", "csp", "vitals");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService threads;
    private final int threadCount;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, Integer> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger refusedByNodes = new AtomicInteger();

    BeaconLoad(int threadCount) {
        this.threadCount = threadCount;
        this.threads = Executors.newFixedThreadPool(threadCount);
    }

    /**
     * Sends from every thread until {@code done}, each waiting for its answer before sending again.
     *
     * @param port the balancer's port to send to
     * @param done when to stop
     * @return how many beacons were answered {@code 204}
     */
    int run(int port, BooleanSupplier done) throws Exception {
        List<Future<Integer>> senders = new ArrayList<>();
        for (int thread = 0; thread < threadCount; thread++) {
            senders.add(threads.submit(() -> {
                int accepted = 0;
                while (!done.getAsBoolean()) {
                    accepted += send(port) == 204 ? 1 : 0;
                }
                return accepted;
            }));
        }
        int accepted = 0;
        for (Future<Integer> sender : senders) {
            accepted += sender.get();
        }
        return accepted;
    }

    private int send(int port) throws InterruptedException {
        int id = nextId.getAndIncrement();
        String endpoint = ENDPOINTS.get(id % ENDPOINTS.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cluster/beacon/" + endpoint))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(bodyOf(id))).build();
        int outcome;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            outcome = response.statusCode();
            if (outcome == 503 && (response.headers().firstValue("Retry-After").isEmpty()
                    || response.headers().firstValue("X-Balancer").isPresent())) {
                outcome = BARE_503;
            } else if (outcome == 503) {
                refusedByNodes.incrementAndGet();
            }
        } catch (IOException e) {
            outcome = CONNECTION_ERROR;
        }
        outcomes.put(id, outcome);
        return outcome;
    }

    /**
     * @param id a beacon's id
     * @return its body: a page's event, and the id that finds it again in Kafka
     */
    static String bodyOf(int id) {
        return "{\"id\":" + id + ",\"event\":\"click\",\"page\":\"/products/" + (id % 97) + "\"}";
    }

    /**
     * @param body a record's value
     * @return the id of the beacon it holds
     */
    static int idOf(String body) {
        return Integer.parseInt(body.substring("{\"id\":".length(), body.indexOf(',')));
    }

    /**
     * @return how many beacons have been sent, or are being sent
     */
    int sent() {
        return nextId.get();
    }

    /**
     * @return how many beacons a node answered {@code 503}
     */
    int refusedByNodes() {
        return refusedByNodes.get();
    }

    /**
     * @return each beacon's id and what it was answered
     */
    Map<Integer, Integer> outcomes() {
        return outcomes;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
