package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.testing.Polling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class ObserverThreadsTest {

    private static final int BEACONS = 6;

    @Test
    void notifiesAsynchronousObserversOnTheFactorysThreadsEachInARequestContextOfItsOwnAndStopsThemAtShutdown() throws Exception {
        List<Thread> made = new CopyOnWriteArrayList<>();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "observer-thread-" + made.size());
            made.add(thread);
            return thread;
        };
        try (WeldContainer weld = new Weld().disableDiscovery()
                .addBeanClasses(BeaconDeliveryTest.PageViews.class, AsynchronousObserver.class).addExtension(new BeaconExtension()).initialize()) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, () -> ObserverThreads.madeBy(factory, 2),
                    new InFlightBudget(BEACONS, Long.MAX_VALUE), Duration.ofSeconds(10), ReportRules.DELIVER_ALL, BeaconSampling.NONE);
            AsynchronousObserver observer = weld.select(AsynchronousObserver.class).get();
            observer.expect(BEACONS);
            assertTrue(delivery.isReady());

            for (int i = 0; i < BEACONS; i++) {
                Beacon beacon = Beacon.builder("default", "/beacon").build();
                Admission.Ticket ticket = delivery.reserve(beacon);
                assertEquals(InFlightBudget.Reservation.TAKEN, ticket.outcome());
                delivery.deliver(ticket);
            }

            assertTrue(observer.awaitReceived());
            Set<String> threads = observer.threads().stream().collect(Collectors.toSet());
            assertTrue(threads.stream().allMatch(name -> name.startsWith("observer-thread-")), threads::toString);
            assertTrue(made.size() <= 2, () -> made.size() + " threads made for a pool of 2");
            assertEquals(List.of(1, 1, 1, 1, 1, 1), observer.countsSeen(), "each notification had a request context of its own");
            assertEquals(0, delivery.close(), "every beacon reached its observer before the shutdown stopped waiting");
            assertEquals(BEACONS, weld.select(BeaconStatistics.class).get().delivered());
        }
        for (Thread thread : made) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(thread.isAlive(), thread.getName() + " still runs after the shutdown");
        }
    }

    /** Beacons arriving together at start-up: one pool, the one the shutdown stops, and not one per beacon. */
    @Test
    void makesOnePoolHoweverManyBeaconsFindTheContainerTogether() throws Exception {
        AtomicInteger pools = new AtomicInteger();
        CountDownLatch lookingUp = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(new BeaconExtension()).initialize()) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, () -> {
                pools.incrementAndGet();
                lookingUp.countDown();
                awaitQuietly(release);
                return ObserverThreads.CONTAINERS;
            }, new InFlightBudget(BEACONS, Long.MAX_VALUE), Duration.ZERO, ReportRules.DELIVER_ALL, BeaconSampling.NONE);
            FutureTask<Boolean> first = new FutureTask<>(delivery::isReady);
            FutureTask<Boolean> second = new FutureTask<>(delivery::isReady);
            Thread firstThread = new Thread(first);
            Thread secondThread = new Thread(second);

            firstThread.start();
            assertTrue(lookingUp.await(10, TimeUnit.SECONDS));
            secondThread.start();
            Polling.until("the second beacon waiting for the first's look-up", secondThread::getState,
                    state -> state == Thread.State.BLOCKED || state == Thread.State.TERMINATED, Duration.ofSeconds(10));
            release.countDown();

            assertTrue(first.get(10, TimeUnit.SECONDS));
            assertTrue(second.get(10, TimeUnit.SECONDS));
            assertEquals(1, pools.get());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void leavesNotificationsToTheContainersExecutorWhereNoManagedThreadFactoryIsBound() {
        // A plain JVM, like Tomcat with Weld, binds no java:comp/DefaultManagedThreadFactory.
        assertSame(ObserverThreads.CONTAINERS, ObserverThreads.ofTheContainer(4));
    }

    /** Read through its methods: the test holds its client proxy, whose own fields are not the bean's. */
    @ApplicationScoped
    static class AsynchronousObserver {
        private final List<String> threads = new CopyOnWriteArrayList<>();
        private final List<Integer> countsSeen = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch received;

        @Inject
        BeaconDeliveryTest.PageViews pageViews;

        void expect(int beacons) {
            received = new CountDownLatch(beacons);
        }

        boolean awaitReceived() throws InterruptedException {
            return received.await(10, TimeUnit.SECONDS);
        }

        List<String> threads() {
            return threads;
        }

        List<Integer> countsSeen() {
            return countsSeen;
        }

        void onBeacon(@ObservesAsync Beacon beacon) {
            threads.add(Thread.currentThread().getName());
            countsSeen.add(pageViews.increment());
            received.countDown();
        }
    }
}
