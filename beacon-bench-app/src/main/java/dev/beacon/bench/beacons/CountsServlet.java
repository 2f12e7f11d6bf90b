package dev.beacon.bench.beacons;

import dev.beacon.BeaconStatistics;
import dev.beacon.bench.baseline.HandWrittenObserver;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** What the observers counted, for the benchmark to check against the 204s it got. */
@WebServlet("/counts")
public class CountsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private CountingObservers observers;

    @Inject
    private HandWrittenObserver handWritten;

    @Inject
    private BeaconStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("sync=" + observers.sync() + " async=" + observers.async() + " handwritten=" + handWritten.received()
                + " accepted=" + statistics.accepted() + " inFlight=" + statistics.inFlight() + " rejected=" + statistics.rejectedByStatus() + "\n");
    }
}
