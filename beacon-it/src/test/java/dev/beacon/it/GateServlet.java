package dev.beacon.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Added to the deployment by the tests: {@code GET /gate} tells how many beacons entered the
 * {@link GatedObserver} and whether it is holding, and {@code GET /gate?await=entered} first waits up to
 * {@value #PATIENCE_SECONDS} seconds for one to enter; {@code POST /gate} opens it; {@code DELETE /gate}
 * resets it.
 */
@WebServlet("/gate")
public class GateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int PATIENCE_SECONDS = 10;

    @Inject
    private GatedObserver observer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("entered".equals(request.getParameter("await"))) {
            // The observer's latch, waited on here: the test asks once instead of polling
            try {
                observer.awaitEntered(PATIENCE_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        response.setContentType("text/plain");
        response.getWriter().write(observer.entered() + " " + (observer.holding() ? "holding" : "open"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        observer.open();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        observer.reset();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
