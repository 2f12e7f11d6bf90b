package dev.beacon.bench.baseline;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet a user would write for an asynchronous observer: reads the body, fires it with
 * {@code Event.fireAsync}, answers 204. The baseline of the filter with an {@code @ObservesAsync} observer.
 */
@WebServlet("/baseline/read-async")
public class ReadingAsyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Event<HandWrittenBeacon> received;

    @Inject
    private HandWrittenAsyncObserver observer;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length != request.getContentLength()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        observer.firing();
        received.fireAsync(new HandWrittenBeacon(new String(body, StandardCharsets.UTF_8)));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
