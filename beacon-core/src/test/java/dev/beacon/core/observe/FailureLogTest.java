package dev.beacon.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.delivery.BeaconDelivery;
import dev.beacon.testing.LogRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class FailureLogTest {

    private final BeaconCounters statistics = new BeaconCounters();
    private final AtomicLong now = new AtomicLong();
    private final FailureLog failures = new FailureLog(statistics, now::get);

    @Test
    void logsTheFirstFailureOfAKindWholeAndCountsEveryOne() {
        try (LogRecords log = LogRecords.of(FailureLog.class)) {
            for (int i = 0; i < 10_000; i++) {
                failures.failed("Beacon observer com.shop.Analytics", "a beacon to endpoint 'vitals'", "the others still received it",
                        new IllegalStateException("bug " + i));
            }

            assertEquals(1, log.at(Level.WARNING).size(), log::toString);
            assertTrue(log.at(Level.WARNING).get(0).startsWith("Beacon observer com.shop.Analytics failed on a beacon to endpoint 'vitals'"),
                    log::toString);
        }
        assertEquals(10_000, statistics.observerFailures());
    }

    @Test
    void sumsUpAKindThatKeepsFailingOncePerIntervalWithTheCountSinceTheLastLine() {
        try (LogRecords log = LogRecords.of(FailureLog.class)) {
            fail(500);
            now.addAndGet(FailureLog.SUMMARY_INTERVAL.toNanos());
            fail(1 + 299); // the first after the interval sums up the 500 before it and itself
            now.addAndGet(FailureLog.SUMMARY_INTERVAL.toNanos() / 2);
            fail(100); // within the interval: no line
            now.addAndGet(FailureLog.SUMMARY_INTERVAL.toNanos() / 2);
            fail(1);

            assertEquals(3, log.at(Level.WARNING).size(), log::toString);
            assertTrue(log.at(Level.WARNING).get(1).contains("500 more time(s) in the last 60 s, 501 in all"), log::toString);
            assertTrue(log.at(Level.WARNING).get(2).contains("400 more time(s) in the last 60 s, 901 in all"), log::toString);
        }
        assertEquals(901, statistics.observerFailures());
    }

    @Test
    void keepsEachObserverAndExceptionApart() {
        try (LogRecords log = LogRecords.of(FailureLog.class)) {
            failures.failed("Beacon observer A", "a beacon", "ok", new IllegalStateException());
            failures.failed("Beacon observer A", "a beacon", "ok", new IllegalArgumentException());
            failures.failed("Beacon observer B", "a beacon", "ok", new IllegalStateException());
            failures.failed("Beacon observer B", "a beacon", "ok", new IllegalStateException());

            assertEquals(3, log.at(Level.WARNING).size(), log::toString);
        }
    }

    /** What the README promises of an observer with a bug under load: a few lines, and every failure counted. */
    @Test
    void anObserverThatThrowsOnTenThousandBeaconsLeavesOneLogLineAndItsCount() {
        try (WeldContainer weld = new Weld().disableDiscovery().addBeanClasses(BuggyObserver.class).addExtension(new BeaconExtension()).initialize();
             LogRecords log = LogRecords.of(FailureLog.class)) {
            BeanManager beanManager = weld.select(BeanManager.class).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, false);
            for (int i = 0; i < 10_000; i++) {
                Beacon beacon = Beacon.builder("buggy", "/beacon/buggy").build();
                Admission.Ticket ticket = delivery.reserve(beacon);
                assertEquals(InFlightBudget.Reservation.TAKEN, ticket.outcome());
                delivery.deliver(ticket);
            }

            assertEquals(1, log.at(Level.WARNING).size(), log::toString);
            assertEquals(10_000, weld.select(BeaconStatistics.class).get().observerFailures());
            assertEquals(10_000, weld.select(BuggyObserver.class).get().calls());
        }
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            failures.failed("Beacon observer A", "a beacon", "ok", new IllegalStateException());
        }
    }

    @ApplicationScoped
    static class BuggyObserver {
        private final AtomicInteger calls = new AtomicInteger();

        int calls() {
            return calls.get();
        }

        void fail(@Observes @BeaconEndpoint("buggy") Beacon beacon) {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug");
        }
    }
}
