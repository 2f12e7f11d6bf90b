package dev.beacon.intake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every refusal of a request to a beacon path is made here: counted in the application's statistics,
 * logged at {@code FINE} with the request's values escaped, given a one-line reason, {@code Retry-After}
 * when trying again later can help, and {@code Connection: close} when the body was left unread.
 */
final class Refusals {

    private static final Logger LOGGER = Logger.getLogger(Refusals.class.getName());

    private final Delivery delivery;

    /**
     * @param delivery where refusals are counted
     */
    Refusals(Delivery delivery) {
        this.delivery = delivery;
    }

    /**
     * @param request the request refused
     * @param status its status
     * @param reason one line that tells the sender why
     * @param headers the headers that go with that status
     * @return the answer
     */
    Answer refuse(IncomingRequest request, int status, String reason, Map<String, String> headers) {
        delivery.countRejected(status);
        // The answer to HEAD has no body; the containers would otherwise each do something else with the reason.
        String body = request.method().equals("HEAD") ? null : reason;
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(status + " " + reason + ": " + request.method().toUpperCase(Locale.ROOT) + " " + LogText.escape(request.path())
                    + " Origin " + LogText.escape(request.header("Origin"))
                    + " Content-Type " + LogText.escape(request.header("Content-Type")));
        }
        if (!hasBody(request)) {
            return Answer.rejected(status, body, headers);
        }
        // Most refusals leave the body unread, and containers then drop the connection without a word;
        // saying so keeps the client from sending its next beacon into a closing connection.
        Map<String, String> closing = new LinkedHashMap<>(headers);
        closing.put("Connection", "close");
        return Answer.rejected(status, body, closing);
    }

    /**
     * A {@code 503}: the beacon cannot be taken now, but can be later.
     *
     * @param retryAfter when to try again
     */
    Answer unavailable(IncomingRequest request, String reason, Duration retryAfter, Map<String, String> headers) {
        return refuseUntil(request, 503, reason, retryAfter, headers);
    }

    /**
     * @return {@code 429} with {@code Retry-After}: the client sent more than its share
     */
    Answer tooMany(IncomingRequest request, Duration retryAfter, Map<String, String> headers) {
        return refuseUntil(request, 429, "Too many beacons from this client", retryAfter, headers);
    }

    private Answer refuseUntil(IncomingRequest request, int status, String reason, Duration retryAfter, Map<String, String> headers) {
        Map<String, String> withRetry = new LinkedHashMap<>(headers);
        withRetry.put("Retry-After", Long.toString(retryAfter.toSeconds()));
        return refuse(request, status, reason, withRetry);
    }

    private static boolean hasBody(IncomingRequest request) {
        return request.contentLength() > 0 || request.header("Transfer-Encoding") != null;
    }
}
