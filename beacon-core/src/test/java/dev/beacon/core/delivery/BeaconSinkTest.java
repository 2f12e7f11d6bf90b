package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.InMemoryRequest;
import dev.beacon.core.intake.BeaconIntake;
import dev.beacon.core.observe.FailureLog;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.LogRecords;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application's {@link BeaconSink}s take part in admission: a beacon one of them has no room for is
 * refused before its answer, and an accepted one is written to each, before any observer sees it.
 */
class BeaconSinkTest {

    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private WeldContainer weld;
    private BeaconIntake intake;

    @BeforeEach
    void start() {
        EVENTS.clear();
        weld = new Weld().disableDiscovery()
                .addBeanClasses(FirstSink.class, SecondSink.class, Observer.class)
                .addExtension(new BeaconExtension())
                .initialize();
        BeanManager beanManager = weld.select(BeanManager.class).get();
        intake = new BeaconIntake(BeaconConfig.defaults(),
                new BeaconDelivery(() -> beanManager, new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, false));
    }

    @AfterEach
    void stop() {
        weld.shutdown();
    }

    @Test
    void writesAnAcceptedBeaconToEverySinkBeforeAnyObserverIsNotified() {
        Answer answer = intake.answer(beacon("hello"), "default");
        assertEquals(204, answer.status());
        answer.deliver();

        // The sinks' own order is the container's; every reservation comes before every write, and every write before the observer.
        assertEquals(Set.of("first reserves hello", "second reserves hello"), Set.copyOf(EVENTS.subList(0, 2)));
        assertEquals(Set.of("first writes hello", "second writes hello"), Set.copyOf(EVENTS.subList(2, 4)));
        assertEquals(List.of("observer receives hello"), EVENTS.subList(4, EVENTS.size()));
        assertEquals(1, statistics().delivered());
    }

    @Test
    void aBeaconSampledOutAtItsEndpointIsStillWrittenToEverySinkAndCountedButReachesNoObserver() {
        BeanManager beanManager = weld.select(BeanManager.class).get();
        double[] draws = {0.5, 0.05};
        int[] drawn = {0};
        BeaconIntake sampling = new BeaconIntake(BeaconConfig.defaults(), new BeaconDelivery(() -> beanManager, () -> ObserverThreads.CONTAINERS,
                new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, ReportRules.DELIVER_ALL,
                new BeaconSampling(Map.of("clicks", 0.1), () -> draws[drawn[0]++])));

        for (String text : List.of("left out", "drawn", "elsewhere")) {
            Answer answer = sampling.answer(beacon(text), text.equals("elsewhere") ? "default" : "clicks");
            assertEquals(204, answer.status());
            answer.deliver();
        }

        assertEquals(List.of("observer receives drawn", "observer receives elsewhere"),
                EVENTS.stream().filter(event -> event.startsWith("observer")).toList(), "one in ten at clicks; every one elsewhere");
        assertEquals(3, EVENTS.stream().filter(event -> event.startsWith("first writes")).count(), "the sinks keep every accepted beacon");
        assertEquals(List.of(1L, 3L, 0L), List.of(statistics().beaconsSampledOut(), statistics().delivered(), statistics().inFlight()));
    }

    @Test
    void aSinkWithoutRoomGetsTheBeaconRefused503AndTheSinksThatHeldRoomGetItBack() {
        weld.select(SecondSink.class).get().full = true;

        Answer answer = intake.answer(beacon("hello"), "default");
        answer.deliver();

        assertEquals(503, answer.status());
        assertEquals("5", answer.headers().get("Retry-After"));
        assertTrue(EVENTS.contains("second reserves hello"), EVENTS::toString);
        assertEquals(EVENTS.contains("first reserves hello"), EVENTS.contains("first cancels hello"), "the first sink's room came back");
        assertTrue(EVENTS.stream().noneMatch(event -> event.contains("writes") || event.contains("observer")), EVENTS::toString);
        assertEquals(0, statistics().accepted());
        assertEquals(0, statistics().inFlight(), "the beacon's place was given back");
        assertEquals(Map.of(503, 1L), statistics().rejectedByStatus());
    }

    @Test
    void aSinkThatFailsToReserveGetsTheBeaconRefused503AndIsLoggedNeverA500() {
        weld.select(SecondSink.class).get().failing = true;

        try (LogRecords log = LogRecords.of(FailureLog.class)) {
            Answer answer = intake.answer(beacon("hello"), "default");
            Answer again = intake.answer(beacon("hello"), "default");

            assertEquals(503, answer.status());
            assertEquals(503, again.status());
            assertEquals(EVENTS.contains("first reserves hello"), EVENTS.contains("first cancels hello"), "the first sink's room came back");
            assertTrue(EVENTS.stream().noneMatch(event -> event.contains("writes") || event.contains("observer")), EVENTS::toString);
            assertEquals(1, log.at(Level.WARNING).size(), "once, however many beacons it fails: " + log);
            assertTrue(log.at(Level.WARNING).get(0).contains("Beacon sink " + SecondSink.class.getName() + " (reserve room for) failed"),
                    log::toString);
        }
        assertEquals(2, statistics().observerFailures());
    }

    @Test
    void aSinkThatFailsToWriteLeavesTheOtherSinkAndTheObserversTheBeacon() {
        Answer answer = intake.answer(beacon("hello"), "default");
        weld.select(FirstSink.class).get().failing = true;

        try (LogRecords log = LogRecords.of(FailureLog.class)) {
            answer.deliver();
            assertEquals(1, log.at(Level.WARNING).size(), log::toString);
            assertTrue(log.at(Level.WARNING).get(0).startsWith("Beacon sink " + FirstSink.class.getName() + " (write) failed"), log::toString);
        }

        assertEquals(List.of("second writes hello", "observer receives hello"), EVENTS.subList(2, EVENTS.size()));
        assertEquals(1, statistics().observerFailures());
        assertEquals(0, statistics().inFlight());
    }

    @Test
    void admissionCountsFullWhileASinkSaysItIsSoThatReadinessTurnsDown() {
        BeaconExtension extension = weld.select(BeaconExtension.class).get();
        assertEquals(204, intake.answer(beacon("hello"), "default").status()); // reaches the container, and its sinks
        assertFalse(extension.isAdmissionFull());

        weld.select(SecondSink.class).get().full = true;

        assertTrue(extension.isAdmissionFull());
    }

    private BeaconStatistics statistics() {
        return weld.select(BeaconStatistics.class).get();
    }

    private static InMemoryRequest beacon(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "text/plain", "Content-Length", Integer.toString(body.length)), body);
    }

    /** Records what it is asked, in the order shared with the observer; full or failing when a test says so. */
    abstract static class RecordingSink implements BeaconSink {
        volatile boolean full;
        volatile boolean failing;

        abstract String name();

        @Override
        public Optional<Reservation> reserve(Beacon beacon) {
            failIfAsked();
            EVENTS.add(name() + " reserves " + beacon.text());
            return full ? Optional.empty() : Optional.of(new Reservation() {
                @Override
                public void write() {
                    failIfAsked();
                    EVENTS.add(name() + " writes " + beacon.text());
                }

                @Override
                public void cancel() {
                    EVENTS.add(name() + " cancels " + beacon.text());
                }
            });
        }

        @Override
        public boolean isFull() {
            return full;
        }

        private void failIfAsked() {
            if (failing) {
                throw new IllegalStateException(name() + " fails, as the test asked");
            }
        }
    }

    @Singleton
    static class FirstSink extends RecordingSink {
        @Override
        String name() {
            return "first";
        }
    }

    @Singleton
    static class SecondSink extends RecordingSink {
        @Override
        String name() {
            return "second";
        }
    }

    @Singleton
    static class Observer {
        void onBeacon(@Observes Beacon beacon) {
            EVENTS.add("observer receives " + beacon.text());
        }
    }
}
