package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.Polling;
import java.io.File;
import java.net.URL;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a real server: the application's counters are published from its start, an observer with a bug under load
 * has every failure counted while the server's log gets a few lines, not one per beacon, and each line names the
 * observer's class and method, synchronous or asynchronous.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObserverFailuresIT {

    private static final int BEACONS = 10_000;
    private static final int CLIENTS = 8;
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive shopWithAFailingObserver() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("beacon.war")))
                .addClasses(FailingObserver.class, LibraryLogServlet.class, JmxServlet.class);
    }

    /** First: this class's application is its own, freshly deployed. */
    @Test
    @Order(1)
    void theCountersArePublishedOverJmxFromTheStartBeforeAnyBeacon() throws Exception {
        HttpResponse<String> jmx = Shop.at(appUrl).get("jmx");

        assertEquals(200, jmx.statusCode(), jmx.body());
        assertEquals("accepted=0 delivered=0", jmx.body());
    }

    @Test
    @Order(2)
    void anObserverThatThrowsOnTenThousandBeaconsLeavesAFewLogLinesAndEveryFailureCounted() throws Exception {
        Shop shop = Shop.at(appUrl);
        long failuresBefore = shop.statistics().getJsonNumber("observerFailures").longValue();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> unexpected = new AtomicReference<>();
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            sent.add(clients.submit(() -> {
                for (int i = 0; i < BEACONS / CLIENTS; i++) {
                    HttpResponse<String> answer = shop.post("beacon", FailingObserver.ENDPOINT, ChromiumBodies.string("beacon " + i));
                    statuses.computeIfAbsent(answer.statusCode(), key -> new LongAdder()).increment();
                    if (answer.statusCode() != 204 && answer.statusCode() != 503) {
                        unexpected.compareAndSet(null, answer.statusCode() + " " + answer.headers().map() + " "
                                + answer.body().substring(0, Math.min(200, answer.body().length())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : sent) {
            client.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS);
        }
        clients.shutdown();

        // The shop's other observers are slower than the intake on some servers: past beacon.max-in-flight, a 503.
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 204 || status == 503), () -> statuses + ", first: " + unexpected);
        long accepted = statuses.get(204).sum();
        assertTrue(accepted > BEACONS / 2, statuses::toString);
        Polling.until("every failure counted", () -> shop.statistics().getJsonNumber("observerFailures").longValue(),
                failures -> failures == failuresBefore + accepted, LONG_ENOUGH);
        String log = shop.get("library-log?from=FailureLog").body();
        long records = log.lines().count();
        // The first failure whole, and at most one line summing up the rest, the test lasting well under two minutes.
        assertTrue(records >= 1 && records <= 2, log);
    }

    @Test
    @Order(3)
    void aFailingObserverIsNamedByItsClassAndMethodOnceWhetherSynchronousOrAsynchronous() throws Exception {
        Shop shop = Shop.at(appUrl);
        long failuresBefore = shop.statistics().getJsonNumber("observerFailures").longValue();

        for (String endpoint : List.of(FailingObserver.ASYNCHRONOUS_ENDPOINT, FailingObserver.ASYNCHRONOUS_ENDPOINT, FailingObserver.ENDPOINT)) {
            assertEquals(204, shop.post("beacon", endpoint, ChromiumBodies.string("a beacon to " + endpoint)).statusCode());
        }

        Polling.until("the three failures counted", () -> shop.statistics().getJsonNumber("observerFailures").longValue(),
                failures -> failures == failuresBefore + 3, LONG_ENOUGH);
        String observer = "Beacon observer " + FailingObserver.class.getName();
        String asynchronous = observer + "#failLater failed on a beacon to endpoint '" + FailingObserver.ASYNCHRONOUS_ENDPOINT + "'";
        String synchronous = observer + "#fail failed on a beacon to endpoint '" + FailingObserver.ENDPOINT + "'";
        // Each failure is counted, then logged: the lines follow the count.
        List<String> log = Polling.until("both observers named", () -> shop.get("library-log?from=FailureLog").body().lines().toList(),
                lines -> lines.stream().anyMatch(line -> line.contains(asynchronous)) && lines.stream().anyMatch(line -> line.contains(synchronous)),
                LONG_ENOUGH);
        assertEquals(1, log.stream().filter(line -> line.contains(asynchronous)).count(), log::toString);
    }
}
