package dev.beacon.core.exchange;

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
