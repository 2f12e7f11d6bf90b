package dev.beacon.core.exchange;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends an {@link Answer}, the same way from every entry point: status, headers, the one-line reason of
 * a refusal or the image of a {@code GET} beacon, then closes the response's stream, which completes it
 * before any observer runs, so a slow observer never delays the browser. Then it delivers an accepted
 * beacon, even when the client has left: accepted is accepted.
 */
public final class AnswerWriter {

    private static final Logger LOGGER = Logger.getLogger(AnswerWriter.class.getName());

    private AnswerWriter() {
    }

    /**
     * Sends the answer, then delivers its beacon, if it has one, on this thread.
     *
     * @param answer the intake's answer
     * @param response the response to write it to, not yet committed
     */
    public static void sendThenDeliver(Answer answer, HttpServletResponse response) {
        try {
            send(answer, response);
        } catch (IOException | IllegalStateException clientGone) {
            // A container that ended the request under us refuses the response with an IllegalStateException.
            LOGGER.log(Level.FINE, "The client left before its answer was sent", clientGone);
        } finally {
            answer.deliver();
        }
    }

    /**
     * Sends an answer that is not settled yet once it is, without holding a thread meanwhile: on a container thread,
     * which then delivers its beacon, and completes the request.
     *
     * @param answer an unsettled answer: an accepted beacon whose sinks are storing it
     * @param async the request, in async mode without a timeout: the answer timeout ends the wait, with a {@code 503}. Set
     *        where the request went async: a timeout set after that dispatch returns is refused (Liberty holds to that)
     * @param response its response, not yet committed
     */
    public static void sendOnceSettled(Answer answer, AsyncContext async, HttpServletResponse response) {
        answer.settled().thenAccept(settled -> {
            try {
                // Never on the sink's own thread (Kafka's network thread): the observers run where the answer is sent.
                async.start(() -> {
                    try {
                        sendThenDeliver(settled, response);
                    } finally {
                        complete(async);
                    }
                });
            } catch (RuntimeException requestOverOrServerStopping) {
                LOGGER.log(Level.FINE, "The request ended before its beacon was stored", requestOverOrServerStopping);
                settled.deliver(); // stored is stored: its observers receive it, the client having left
            }
        });
    }

    /**
     * Completes a request in async mode, which the container may have completed already.
     *
     * @param async the request's async context
     */
    public static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            LOGGER.log(Level.FINE, "Beacon request was already complete", alreadyOver);
        }
    }

    private static void send(Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.reason().isPresent()) {
            byte[] reason = (answer.reason().get() + "\n").getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(reason.length);
            response.getOutputStream().write(reason);
        } else if (answer.gif().isPresent()) {
            byte[] gif = answer.gif().get();
            response.setContentType("image/gif");
            response.setContentLength(gif.length);
            response.getOutputStream().write(gif);
        }
        // Closed, not just flushed: closing says the answer is complete. Open Liberty over HTTP/2 sends a flushed 204
        // and then leaves its stream open until the request ends, which is after the observers.
        response.getOutputStream().close();
    }
}
