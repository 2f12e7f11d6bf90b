package dev.beacon.core.intake;

import dev.beacon.core.admission.Admission;
import dev.beacon.core.delivery.Delivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.IncomingRequest;
import dev.beacon.core.exchange.Refusals;
import dev.beacon.core.settings.BeaconConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The answer to an accepted beacon with {@value BeaconConfig#ANSWER_WHEN}{@code =stored}: {@code 204} once every sink
 * has stored it, so that no {@code 204} is lost with the node; {@code 503} with {@code Retry-After} when a sink gives up
 * on it or {@value BeaconConfig#ANSWER_TIMEOUT} passes first. The refused beacon then reaches no observer, and its id
 * or bytes are forgotten, so that the client's retry is taken rather than answered as a duplicate: should the sink
 * store it after all, a consumer drops the copy by its id.
 */
final class StoredAnswers {

    private static final Logger LOGGER = Logger.getLogger(StoredAnswers.class.getName());

    private final Delivery delivery;
    private final Refusals refusals;
    private final Duration timeout;
    /** Once per spell of answers that time out, not once per beacon: reset by the next beacon stored. */
    private final AtomicBoolean lateReported = new AtomicBoolean();

    StoredAnswers(Delivery delivery, Refusals refusals, Duration timeout) {
        this.delivery = delivery;
        this.refusals = refusals;
        this.timeout = timeout;
    }

    /**
     * @param request the beacon's request
     * @param ticket what admission gave the beacon
     * @param corsHeaders the headers its answer carries
     * @param forget forgets the beacon in the duplicate window, should it be refused
     * @return its answer, settled once the sinks have stored it or the timeout has passed
     */
    Answer onceStored(IncomingRequest request, Admission.Ticket ticket, Map<String, String> corsHeaders, Runnable forget) {
        Supplier<Answer> notStored = refusals.notStored(request, timeout, corsHeaders);
        CompletableFuture<Answer> settled = delivery.store(ticket).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((stored, failure) -> {
                    if (failure == null) {
                        lateReported.set(false);
                        return Answer.stored(ticket, corsHeaders, delivery);
                    }
                    reportIfLate(failure);
                    delivery.refuseUnstored(ticket);
                    forget.run();
                    return notStored.get();
                });
        return Answer.unsettled(settled);
    }

    /** A sink that gives up says so itself; only the wait that runs out is the library's to tell. */
    private void reportIfLate(Throwable failure) {
        if (failure instanceof TimeoutException && lateReported.compareAndSet(false, true)) {
            LOGGER.warning(() -> "Beacons are answered 503: the sinks did not store them within " + BeaconConfig.ANSWER_TIMEOUT + " ("
                    + timeout.toSeconds() + " s). Said once until a beacon is stored again.");
        }
    }
}
