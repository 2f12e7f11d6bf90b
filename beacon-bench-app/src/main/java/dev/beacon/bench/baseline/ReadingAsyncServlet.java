package dev.beacon.bench.baseline;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.nio.charset.StandardCharsets;

/**
 * The servlet a user would write for an asynchronous observer: reads the body, fires it with
 * {@code Event.fireAsync}, answers 204. The baseline of the filter with an {@code @ObservesAsync} observer.
 */
@WebServlet("/baseline/read-async")
public class ReadingAsyncServlet extends ReadingServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Event<HandWrittenBeacon> beacons;

    @Inject
    private HandWrittenAsyncObserver observer;

    @Override
    protected void received(byte[] body) {
        observer.firing();
        beacons.fireAsync(new HandWrittenBeacon(new String(body, StandardCharsets.UTF_8)));
    }
}
