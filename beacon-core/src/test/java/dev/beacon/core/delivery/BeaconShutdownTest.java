package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.cdi.Deliveries;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.InMemoryRequest;
import dev.beacon.core.intake.BeaconIntake;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.Polling;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What happens to accepted beacons when the application shuts down while an observer still works on
 * them: the shutdown waits for them, up to its timeout, and says how many it could not wait for.
 */
class BeaconShutdownTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    private WeldContainer weld;
    private LogRecords log;
    private final InFlightBudget budget = new InFlightBudget(10, Long.MAX_VALUE);

    @BeforeEach
    void start() {
        GatedAsyncObserver.reset();
        weld = new Weld().disableDiscovery()
                .addBeanClasses(GatedAsyncObserver.class)
                .addExtension(new BeaconExtension())
                .initialize();
        log = LogRecords.of(Deliveries.class);
    }

    @AfterEach
    void stop() {
        GatedAsyncObserver.gate.countDown();
        if (weld.isRunning()) {
            weld.shutdown();
        }
        log.close();
    }

    @Test
    void shutdownWaitsForAcceptedBeaconsToReachTheirObserversBeforeDestroyingThem() throws Exception {
        BeaconIntake intake = intakeWithShutdownTimeout(LONG_ENOUGH);
        acceptAndDeliver(intake);
        assertTrue(GatedAsyncObserver.entered.await(10, TimeUnit.SECONDS));

        Thread shutdown = new Thread(weld::shutdown, "shutdown");
        shutdown.start();
        assertTrue(log.await(Level.INFO, "delivering 1 accepted beacon", LONG_ENOUGH), log::toString);
        // Opened only once the shutdown waits for the place: one that did not wait would have destroyed the observer by then.
        Polling.until("the shutdown to wait for the beacon's place", budget::isClosing, waiting -> waiting, LONG_ENOUGH);
        GatedAsyncObserver.gate.countDown();
        shutdown.join(LONG_ENOUGH.toMillis());

        assertFalse(shutdown.isAlive());
        assertEquals(1, GatedAsyncObserver.finished.get());
        assertEquals(1, GatedAsyncObserver.finishedWhenDestroyed.get(), "the observer finished before its bean was destroyed");
        assertEquals(0, log.at(Level.SEVERE).size(), log::toString);
    }

    @Test
    void shutdownStopsWaitingAtItsTimeoutAndLogsHowManyBeaconsAreLost() throws Exception {
        BeaconIntake intake = intakeWithShutdownTimeout(Duration.ZERO);
        acceptAndDeliver(intake);
        acceptAndDeliver(intake);
        assertTrue(GatedAsyncObserver.entered.await(10, TimeUnit.SECONDS));

        weld.shutdown();

        assertEquals(1, log.at(Level.SEVERE).size(), log::toString);
        assertTrue(log.at(Level.SEVERE).get(0).startsWith("2 accepted beacon(s) had not reached their observers"), log::toString);
    }

    @Test
    void beaconsArrivingDuringShutdownAreRefusedWith503() throws Exception {
        BeaconDelivery delivery = new BeaconDelivery(weld::getBeanManager, new InFlightBudget(10, Long.MAX_VALUE), LONG_ENOUGH, false);
        BeaconIntake intake = new BeaconIntake(BeaconConfig.defaults(), delivery);
        assertTrue(delivery.isReady());

        assertEquals(0, delivery.close());
        Answer answer = intake.answer(beacon(), GatedAsyncObserver.ENDPOINT);

        assertEquals(503, answer.status());
        assertEquals("The application is shutting down", answer.reason().orElseThrow());
        assertTrue(answer.beacon().isEmpty());
        assertEquals(Map.of(503, 1L), delivery.statisticsIfReached().rejectedByStatus(), "counted, as every refusal is");
    }

    /**
     * A server stopping may still pass requests to the application once its beans are destroyed (Payara Micro
     * did, under load, in the scaling-out test): counting the refusal must not fail it into a 500.
     */
    @Test
    void beaconsArrivingOnceTheApplicationsBeansAreDestroyedAreStillRefusedWith503() {
        BeaconDelivery delivery = new BeaconDelivery(weld::getBeanManager, new InFlightBudget(10, Long.MAX_VALUE), LONG_ENOUGH, false);
        BeaconIntake intake = new BeaconIntake(BeaconConfig.defaults(), delivery);
        assertTrue(delivery.isReady());

        weld.shutdown();
        Answer answer = intake.answer(beacon(), GatedAsyncObserver.ENDPOINT);

        assertEquals(503, answer.status());
        assertEquals("The application is shutting down", answer.reason().orElseThrow());
        assertEquals(Map.of(503, 1L), delivery.statisticsIfReached().rejectedByStatus(), "counted, the beans gone");
    }

    /**
     * The same, when the application stops between the intake's look at the delivery and the beacon's admission:
     * 17 beacons got a 500 so in one run of the scaling-out test.
     */
    @Test
    void aBeaconWhoseApplicationStopsWhileItIsAdmittedIsRefusedWith503() {
        BeaconIntake intake = new BeaconIntake(BeaconConfig.defaults(), new StoppingMidAdmission());

        Answer answer = intake.answer(beacon(), GatedAsyncObserver.ENDPOINT);

        assertEquals(503, answer.status());
        assertEquals("The application is shutting down", answer.reason().orElseThrow());
    }

    /** A delivery whose container stops, its beans gone, just as a beacon's payload types are looked up. */
    private static final class StoppingMidAdmission implements Delivery {
        private volatile boolean closed;

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public List<Class<?>> payloadTypesOf(String endpoint) {
            closed = true;
            throw new IllegalStateException("the container has shut down, as Weld says of a destroyed bean's proxy");
        }

        @Override
        public Admission.Ticket reserve(Beacon beacon) {
            throw new AssertionError("not reached: the container stopped before");
        }

        @Override
        public void deliver(Admission.Ticket ticket) {
            throw new AssertionError("not reached: the container stopped before");
        }

        @Override
        public CompletableFuture<Void> store(Admission.Ticket ticket) {
            throw new AssertionError("not reached: the container stopped before");
        }

        @Override
        public void deliverStored(Admission.Ticket ticket) {
            throw new AssertionError("not reached: the container stopped before");
        }

        @Override
        public void refuseUnstored(Admission.Ticket ticket) {
            throw new AssertionError("not reached: the container stopped before");
        }

        @Override
        public Set<String> namedEndpoints() {
            throw new AssertionError("not reached: unknown endpoints are delivered");
        }

        @Override
        public boolean isTakenBySink(String endpoint) {
            throw new AssertionError("not reached: unknown endpoints are delivered");
        }

        @Override
        public void countDuplicate() {
            throw new AssertionError("not reached: duplicates are off");
        }

        @Override
        public void countRejected(int status) {
            // closed: nothing to count in
        }

        @Override
        public BeaconStatistics statisticsIfReached() {
            return null;
        }
    }

    private BeaconIntake intakeWithShutdownTimeout(Duration timeout) {
        return new BeaconIntake(BeaconConfig.defaults(), new BeaconDelivery(weld::getBeanManager, budget, timeout, false));
    }

    private static void acceptAndDeliver(BeaconIntake intake) {
        Answer answer = intake.answer(beacon(), GatedAsyncObserver.ENDPOINT);
        assertEquals(204, answer.status(), answer.reason()::toString);
        answer.deliver();
    }

    private static InMemoryRequest beacon() {
        return InMemoryRequest.post("http://127.0.0.1:8080", Map.of("Content-Type", "text/plain", "Content-Length", "1"),
                "x".getBytes(StandardCharsets.UTF_8));
    }

    /** An asynchronous observer that holds every beacon until the test opens its gate. */
    @ApplicationScoped
    static class GatedAsyncObserver {

        static final String ENDPOINT = "gated";

        static volatile CountDownLatch entered;
        static volatile CountDownLatch gate;
        static final AtomicInteger finished = new AtomicInteger();
        static final AtomicInteger finishedWhenDestroyed = new AtomicInteger(-1);

        static void reset() {
            entered = new CountDownLatch(1);
            gate = new CountDownLatch(1);
            finished.set(0);
            finishedWhenDestroyed.set(-1);
        }

        void hold(@ObservesAsync @BeaconEndpoint(ENDPOINT) Beacon beacon) throws InterruptedException {
            entered.countDown();
            gate.await(30, TimeUnit.SECONDS);
            finished.incrementAndGet();
        }

        @PreDestroy
        void destroyed() {
            finishedWhenDestroyed.set(finished.get());
        }
    }
}
