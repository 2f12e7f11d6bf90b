package dev.beacon.core.exchange;

import dev.beacon.core.delivery.Delivery;
import dev.beacon.core.observe.LogText;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every refusal of a request to a beacon path is made here: counted in the application's statistics,
 * logged at {@code FINE} with the request's values escaped, given a one-line reason, {@code Retry-After}
 * when trying again later can help, and, over HTTP/1.x, {@code Connection: close} when the body was left unread.
 */
public final class Refusals {

    private static final Logger LOGGER = Logger.getLogger(Refusals.class.getName());

    /** Long enough for a missing container to appear. */
    private static final Duration RETRY_WITHOUT_CONTAINER = Duration.ofSeconds(60);
    /** Beacons in flight drain in moments: a short wait is enough. */
    private static final Duration RETRY_WHEN_FULL = Duration.ofSeconds(5);

    private final Delivery delivery;

    /**
     * @param delivery where refusals are counted
     */
    public Refusals(Delivery delivery) {
        this.delivery = delivery;
    }

    /**
     * @param request the request refused
     * @param status its status
     * @param reason one line that tells the sender why
     * @param headers the headers that go with that status
     * @return the answer
     */
    public Answer refuse(IncomingRequest request, int status, String reason, Map<String, String> headers) {
        return refuse(RefusedRequest.of(request), status, reason, headers);
    }

    private Answer refuse(RefusedRequest request, int status, String reason, Map<String, String> headers) {
        delivery.countRejected(status);
        // The answer to HEAD has no body; the containers would otherwise each do something else with the reason.
        String body = request.isHead() ? null : LogText.oneLine(reason);
        if (request.logged() != null) {
            LOGGER.fine(status + " " + LogText.oneLine(reason) + ": " + request.logged());
        }
        if (!request.leavesBodyUnread()) {
            return Answer.rejected(status, body, headers);
        }
        // Over HTTP/1.x most refusals leave the body unread, and containers then drop the connection without a word;
        // saying so keeps the client from sending its next beacon into a closing connection.
        Map<String, String> closing = new LinkedHashMap<>(headers);
        closing.put("Connection", "close");
        return Answer.rejected(status, body, closing);
    }

    /**
     * @return {@code 503} with {@code Retry-After}: no container can take beacons now. Long enough for a missing
     *         container to appear; a client retrying sooner would only be refused again
     */
    public Answer noContainer(IncomingRequest request, Map<String, String> headers) {
        return refuseUntil(request, 503, "Beacons cannot be delivered now", RETRY_WITHOUT_CONTAINER, headers);
    }

    /**
     * @return {@code 503} with {@code Retry-After}: the application is shutting down, and another node may take the beacon
     */
    public Answer shuttingDown(IncomingRequest request, Map<String, String> headers) {
        return refuseUntil(request, 503, "The application is shutting down", RETRY_WHEN_FULL, headers);
    }

    /**
     * @param why which room is missing: beacons or bytes in flight, or a sink's
     * @return {@code 503} with {@code Retry-After}: the beacon cannot be taken now, but can be in moments
     */
    public Answer noRoom(IncomingRequest request, String why, Map<String, String> headers) {
        return refuseUntil(request, 503, why, RETRY_WHEN_FULL, headers);
    }

    /**
     * Prepares, on the request's thread, the refusal of an accepted beacon that its sinks may not store in time. The
     * refusal is made later, on whichever thread finds out, when a runtime's view of the request may be gone: Jersey's
     * and RESTEasy's proxies of the servlet request answer only on the thread serving it.
     *
     * @param timeout how long the sinks have
     * @return makes the {@code 503} with {@code Retry-After} that says the sinks did not store the beacon in time
     */
    public Supplier<Answer> notStored(IncomingRequest request, Duration timeout, Map<String, String> headers) {
        RefusedRequest refused = RefusedRequest.of(request);
        return () -> refuseUntil(refused, 503, "The beacon could not be stored within " + timeout.toSeconds() + " s", RETRY_WHEN_FULL, headers);
    }

    /**
     * @param maxBodySize the limit the body crossed, as sent
     * @return {@code 413}
     */
    public Answer tooLarge(IncomingRequest request, long maxBodySize, Map<String, String> headers) {
        return refuse(request, 413, "Body larger than " + maxBodySize + " bytes", headers);
    }

    /**
     * @return {@code 429} with {@code Retry-After}: the client sent more than its share
     */
    public Answer tooMany(IncomingRequest request, Duration retryAfter, Map<String, String> headers) {
        return refuseUntil(request, 429, "Too many beacons from this client", retryAfter, headers);
    }

    private Answer refuseUntil(IncomingRequest request, int status, String reason, Duration retryAfter, Map<String, String> headers) {
        return refuseUntil(RefusedRequest.of(request), status, reason, retryAfter, headers);
    }

    private Answer refuseUntil(RefusedRequest request, int status, String reason, Duration retryAfter, Map<String, String> headers) {
        Map<String, String> withRetry = new LinkedHashMap<>(headers);
        withRetry.put("Retry-After", Long.toString(retryAfter.toSeconds()));
        return refuse(request, status, reason, withRetry);
    }

    /**
     * What a refusal tells of its request, read from it once.
     *
     * @param isHead whether the answer goes without a body
     * @param logged the request as the {@code FINE} line shows it, {@code null} when that line is not logged
     * @param leavesBodyUnread whether a body is on its way over HTTP/1.x: HTTP/2 and HTTP/3 forbid {@code Connection},
     *        and a refused stream there ends alone, leaving the connection open
     */
    private record RefusedRequest(boolean isHead, String logged, boolean leavesBodyUnread) {

        static RefusedRequest of(IncomingRequest request) {
            String method = request.method();
            String logged = LOGGER.isLoggable(Level.FINE)
                    ? method.toUpperCase(Locale.ROOT) + " " + LogText.escape(request.path()) + " Origin " + LogText.escape(request.header("Origin"))
                            + " Content-Type " + LogText.escape(request.header("Content-Type"))
                    : null;
            boolean hasBody = request.contentLength() > 0 || request.header("Transfer-Encoding") != null;
            return new RefusedRequest(method.equals("HEAD"), logged, hasBody && request.protocol().startsWith("HTTP/1."));
        }
    }
}
