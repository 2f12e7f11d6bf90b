package dev.beacon.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.InMemoryRequest;
import dev.beacon.core.intake.BeaconIntake;
import dev.beacon.core.settings.BeaconConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code beacon.answer-when=stored}: an accepted beacon is answered {@code 204} only once every sink has stored it, and
 * refused {@code 503} when one gives up on it or the answer timeout passes first; observers see only what was stored.
 */
class StoredAnswersTest {

    private static final List<String> OBSERVED = new CopyOnWriteArrayList<>();

    private WeldContainer weld;

    @AfterEach
    void stop() {
        OBSERVED.clear();
        weld.shutdown();
    }

    @Test
    void theAnswerWaitsForTheSinkToStoreTheBeaconAndOnlyThenItsObserversReceiveIt() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.ANSWER_WHEN, "stored"), ConfirmingSink.class);
        ConfirmingSink sink = weld.select(ConfirmingSink.class).get();

        Answer answer = intake.answer(beacon("hello", null), "default");

        assertFalse(answer.isSettled(), "no answer before the sink has stored it");
        assertFalse(answer.settled().toCompletableFuture().isDone());
        assertEquals(List.of("hello"), sink.storing(), "handed to the sink before the answer");
        sink.confirmAll();
        Answer settled = answer.awaitSettled();
        assertEquals(204, settled.status());
        assertEquals(List.of(), OBSERVED, "observers come after the answer, as they do without waiting");
        settled.deliver();
        assertEquals(List.of("hello"), OBSERVED);
        assertEquals(List.of(), sink.written(), "stored, never written a second time");
        assertEquals(List.of(1L, 1L, 0L), List.of(statistics().accepted(), statistics().delivered(), statistics().inFlight()));
    }

    @Test
    void aBeaconTheSinkGivesUpOnIsRefused503ReachesNoObserverAndItsResendIsTakenNotADuplicate() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.ANSWER_WHEN, "stored"), ConfirmingSink.class);
        ConfirmingSink sink = weld.select(ConfirmingSink.class).get();

        Answer answer = intake.answer(beacon("hello", "p.1"), "default");
        sink.failAll();
        Answer refused = answer.awaitSettled();
        refused.deliver();
        Answer resent = intake.answer(beacon("hello", "p.1"), "default");
        sink.confirmAll();

        assertEquals(503, refused.status());
        assertEquals("5", refused.headers().get("Retry-After"));
        assertEquals(Optional.empty(), refused.beacon());
        assertEquals(204, resent.awaitSettled().status(), "taken: the refused beacon's id was forgotten");
        resent.awaitSettled().deliver();
        assertEquals(List.of("hello"), OBSERVED, "the resend alone");
        assertEquals(List.of(1L, 0L, 1L), List.of(statistics().accepted(), statistics().duplicates(),
                statistics().rejectedByStatus().get(503)), "the refused beacon counts as refused, not accepted");
        assertEquals(0, statistics().inFlight());
    }

    @Test
    void aBeaconNotStoredWithinTheAnswerTimeoutIsRefused503() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.ANSWER_WHEN, "stored", BeaconConfig.ANSWER_TIMEOUT, "1"), ConfirmingSink.class);

        Answer answer = intake.answer(beacon("hello", null), "default");
        Answer refused = answer.settled().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();

        assertEquals(503, refused.status());
        assertEquals("The beacon could not be stored within 1 s", refused.reason().orElseThrow());
        assertEquals(0, statistics().inFlight(), "its place given back");
    }

    @Test
    void aSinkThatCannotConfirmStorageFailsTheDeploymentNamingItAndTheSetting() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.ANSWER_WHEN, "stored"), ConfirmingSink.class, MemorySink.class);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> intake.answer(beacon("hello", null), "default"));

        assertTrue(refused.getMessage().startsWith("The 'beacon.answer-when' setting is 'stored'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("[" + MemorySink.class.getName() + "]"), refused.getMessage());
    }

    @Test
    void withoutAnySinkStoredAnswersFailTheDeploymentToo() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.ANSWER_WHEN, "stored"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> intake.answer(beacon("hello", null), "default"));

        assertTrue(refused.getMessage().contains("the application has no sink"), refused.getMessage());
    }

    private BeaconIntake intake(Map<String, String> settings, Class<?>... sinks) {
        weld = new Weld().disableDiscovery().addBeanClasses(sinks).addBeanClasses(Observer.class).addExtension(new BeaconExtension()).initialize();
        BeanManager beanManager = weld.select(BeanManager.class).get();
        BeaconConfig config = BeaconConfig.from(settings::get);
        return new BeaconIntake(config, new BeaconDelivery(() -> beanManager, () -> ObserverThreads.CONTAINERS,
                new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, ReportRules.DELIVER_ALL, BeaconSampling.NONE, closed -> { },
                config.answerWhenStored(), Set.of()));
    }

    private BeaconStatistics statistics() {
        return weld.select(BeaconStatistics.class).get();
    }

    private static InMemoryRequest beacon(String text, String id) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        InMemoryRequest request = InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "text/plain", "Content-Length", Integer.toString(body.length)), body);
        return id == null ? request : request.withQuery("beacon-id=" + id);
    }

    /** Stores when the test says so, as Kafka acknowledges when it does. */
    @ApplicationScoped
    public static class ConfirmingSink implements BeaconSink {
        private final List<String> storing = new CopyOnWriteArrayList<>();
        private final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        private final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Reservation> reserve(Beacon beacon) {
            return Optional.of(new Reservation() {
                @Override
                public void write() {
                    written.add(beacon.text());
                }

                @Override
                public void cancel() {
                    // nothing held
                }

                @Override
                public CompletionStage<Void> store() {
                    storing.add(beacon.text());
                    CompletableFuture<Void> stored = new CompletableFuture<>();
                    pending.add(stored);
                    return stored;
                }
            });
        }

        @Override
        public boolean confirmsStorage() {
            return true;
        }

        List<String> storing() {
            return storing;
        }

        List<String> written() {
            return written;
        }

        void confirmAll() {
            pending.forEach(stored -> stored.complete(null));
        }

        void failAll() {
            pending.forEach(stored -> stored.completeExceptionally(new IllegalStateException("the broker refused it")));
        }
    }

    /** Holds beacons in memory only: it cannot say they are stored. */
    @ApplicationScoped
    public static class MemorySink implements BeaconSink {
        @Override
        public Optional<Reservation> reserve(Beacon beacon) {
            return Optional.empty();
        }
    }

    @ApplicationScoped
    public static class Observer {
        void receive(@Observes Beacon beacon) {
            OBSERVED.add(beacon.text());
        }
    }
}
