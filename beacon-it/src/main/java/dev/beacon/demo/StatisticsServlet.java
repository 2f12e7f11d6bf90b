package dev.beacon.demo;

import dev.beacon.BeaconStatistics;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /statistics}: the library's counters for this application, as JSON.
 */
@WebServlet("/statistics")
public class StatisticsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private BeaconStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder rejected = Json.createObjectBuilder();
        statistics.rejectedByStatus().forEach((status, count) -> rejected.add(String.valueOf(status), count));
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder()
                .add("accepted", statistics.accepted())
                .add("delivered", statistics.delivered())
                .add("inFlight", statistics.inFlight())
                .add("observerFailures", statistics.observerFailures())
                .add("rejectedByStatus", rejected)
                .build().toString());
    }
}
