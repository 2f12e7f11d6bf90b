package dev.beacon.core.exchange;

import dev.beacon.Beacon;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.delivery.Delivery;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * What to answer a request to a beacon path: a status, headers, for a rejection a one-line reason,
 * and for an accepted beacon the beacon to {@link #deliver()} once the answer is sent.
 * <p>
 * With {@code beacon.answer-when=stored}, the answer to an accepted beacon is not known yet: it is
 * {@linkplain #isSettled() unsettled}, and {@link #settled()} becomes the {@code 204} once the sinks have stored the
 * beacon, or the {@code 503} that refuses it. Only {@link #settled()} and {@link #whenSettled} may be asked of it.
 */
public final class Answer {

    private final int status;
    private final Map<String, String> headers;
    private final String reason;
    private final byte[] gif;
    private final Admission.Ticket ticket;
    private final Delivery delivery;
    private final boolean stored;
    private final CompletableFuture<Answer> settled;

    private Answer(int status, Map<String, String> headers, String reason, byte[] gif, Admission.Ticket ticket, Delivery delivery,
                   boolean stored) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(headers);
        this.reason = reason;
        this.gif = gif;
        this.ticket = ticket;
        this.delivery = delivery;
        this.stored = stored;
        this.settled = null;
    }

    private Answer(CompletableFuture<Answer> settled) {
        this.status = 0;
        this.headers = Map.of();
        this.reason = null;
        this.gif = null;
        this.ticket = null;
        this.delivery = null;
        this.stored = false;
        this.settled = settled;
    }

    // The header maps are the intake's own, built for this answer or constant: taken, not copied.

    public static Answer accepted(Admission.Ticket ticket, Map<String, String> headers, Delivery delivery) {
        return new Answer(204, headers, null, null, ticket, delivery, false);
    }

    /** The {@code 204} of a beacon its sinks have stored: delivering it only notifies its observers. */
    public static Answer stored(Admission.Ticket ticket, Map<String, String> headers, Delivery delivery) {
        return new Answer(204, headers, null, null, ticket, delivery, true);
    }

    /**
     * The answer to a beacon whose sinks are storing it: what {@code settled} completes with. Sinks that stored it already
     * settle it now, so that the request's own thread sends it: Payara Micro, answered from another thread while the
     * request's dispatch was still returning, was seen to send {@code 200} for one such {@code 204} in two thousand.
     */
    public static Answer unsettled(CompletableFuture<Answer> settled) {
        return settled.isDone() && !settled.isCompletedExceptionally() ? settled.join() : new Answer(settled);
    }

    public static Answer noContent(Map<String, String> headers) {
        return new Answer(204, headers, null, null, null, null, false);
    }

    static Answer rejected(int status, String reason, Map<String, String> headers) {
        return new Answer(status, headers, reason, null, null, null, false);
    }

    /**
     * @return the same answer as a {@code 200} with a GIF, for a {@code GET} beacon sent as an image
     */
    public Answer asGif(byte[] image) {
        return new Answer(200, headers, null, image, ticket, delivery, stored);
    }

    /**
     * @return whether the answer is known: always, but for an accepted beacon whose sinks are storing it
     */
    public boolean isSettled() {
        return settled == null;
    }

    /**
     * @return this answer, once settled; for an unsettled one, the answer it becomes
     */
    public CompletionStage<Answer> settled() {
        return settled == null ? CompletableFuture.completedFuture(this) : settled;
    }

    /**
     * @return this answer, once settled; for an unsettled one, the answer it becomes, waited for on this thread
     */
    public Answer awaitSettled() {
        return settled == null ? this : settled.join();
    }

    /**
     * @param change what to make of the settled answer
     * @return the changed answer; unsettled, changed once it settles, when this one is
     */
    public Answer whenSettled(UnaryOperator<Answer> change) {
        return settled == null ? change.apply(this) : new Answer(settled.thenApply(change));
    }

    /**
     * @return the HTTP status
     */
    public int status() {
        requireSettled();
        return status;
    }

    /**
     * @return the response headers, in the order to send them
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * @return for a rejection, a one-line reason to send as a {@code text/plain} body
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * @return the image to send as an {@code image/gif} body, for a {@code GET} beacon answered with one
     */
    public Optional<byte[]> gif() {
        return Optional.ofNullable(gif);
    }

    /**
     * @return the accepted beacon, absent for every other answer
     */
    public Optional<Beacon> beacon() {
        return ticket == null ? Optional.empty() : Optional.of(ticket.beacon());
    }

    /**
     * Delivers an accepted beacon to its observers; does nothing for any other answer. Call it after
     * the response is complete, so that no observer delays the browser.
     */
    public void deliver() {
        requireSettled();
        if (ticket == null) {
            return;
        }
        if (stored) {
            delivery.deliverStored(ticket);
        } else {
            delivery.deliver(ticket);
        }
    }

    private void requireSettled() {
        if (settled != null) {
            throw new IllegalStateException("An answer awaiting the sinks: ask settled() for the answer it becomes");
        }
    }
}
