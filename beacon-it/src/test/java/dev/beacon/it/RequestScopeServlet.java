package dev.beacon.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Added to the deployment by the tests: {@code GET /request-scope?await=N} waits up to {@value #PATIENCE_SECONDS}
 * seconds for the {@link RequestScopedObserver} to have counted {@code N} beacons, then tells the counts it saw,
 * separated by spaces.
 */
@WebServlet("/request-scope")
public class RequestScopeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int PATIENCE_SECONDS = 10;

    @Inject
    private RequestScopedObserver observer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int beacons = Integer.parseInt(request.getParameter("await"));
        String counts;
        try {
            counts = observer.awaitCounts(beacons, PATIENCE_SECONDS * 1000L).stream().map(String::valueOf).collect(Collectors.joining(" "));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counts = "interrupted";
        }
        response.setContentType("text/plain");
        response.getWriter().write(counts);
    }
}
