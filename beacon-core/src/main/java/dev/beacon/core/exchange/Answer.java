package dev.beacon.core.exchange;

import dev.beacon.Beacon;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.delivery.Delivery;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * What to answer a request to a beacon path: a status, headers, for a rejection a one-line reason,
 * and for an accepted beacon the beacon to {@link #deliver()} once the answer is sent.
 */
public final class Answer {

    private final int status;
    private final Map<String, String> headers;
    private final String reason;
    private final byte[] gif;
    private final Admission.Ticket ticket;
    private final Delivery delivery;

    private Answer(int status, Map<String, String> headers, String reason, byte[] gif, Admission.Ticket ticket, Delivery delivery) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(headers);
        this.reason = reason;
        this.gif = gif;
        this.ticket = ticket;
        this.delivery = delivery;
    }

    // The header maps are the intake's own, built for this answer or constant: taken, not copied.

    public static Answer accepted(Admission.Ticket ticket, Map<String, String> headers, Delivery delivery) {
        return new Answer(204, headers, null, null, ticket, delivery);
    }

    public static Answer noContent(Map<String, String> headers) {
        return new Answer(204, headers, null, null, null, null);
    }

    static Answer rejected(int status, String reason, Map<String, String> headers) {
        return new Answer(status, headers, reason, null, null, null);
    }

    /**
     * @return the same answer as a {@code 200} with a GIF, for a {@code GET} beacon sent as an image
     */
    public Answer asGif(byte[] image) {
        return new Answer(200, headers, null, image, ticket, delivery);
    }

    /**
     * @return the HTTP status
     */
    public int status() {
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
        if (ticket != null) {
            delivery.deliver(ticket);
        }
    }
}
