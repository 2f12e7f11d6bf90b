package dev.beacon.cluster;

import dev.beacon.BeaconStatistics;
import dev.beacon.kafka.KafkaSink;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /statistics}: what this node accepted and what its Kafka sink did, as JSON, for the test to compare
 * with what reached Kafka. The balancer polls the library's readiness check instead.
 */
@WebServlet("/statistics")
public class NodeStatisticsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private BeaconStatistics statistics;

    @Inject
    private KafkaSink sink;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder()
                .add("accepted", statistics.accepted())
                .add("sent", sink.statistics().getSent())
                .add("failed", sink.statistics().getFailed())
                .add("buffered", sink.statistics().getBuffered())
                .add("refused", sink.statistics().getRefused())
                .build().toString());
    }
}
