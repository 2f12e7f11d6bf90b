package dev.beacon.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /received-rollups}: the report rollups the demo's {@code @ObservesAsync ReportRollup} observer received,
 * oldest first, as JSON: each window's end, the endpoint, the fault's fingerprint and type, how many reports, how many
 * of them were delivered one by one, the distinct pages and clients, and the sample's page.
 */
@WebServlet("/received-rollups")
public class ReceivedRollupsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReceivedBeacons received;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder items = Json.createArrayBuilder();
        received.rollups().forEach(rollup -> items.add(Json.createObjectBuilder()
                .add("windowEnd", rollup.windowEnd().toString())
                .add("endpoint", rollup.endpoint())
                .add("fingerprint", rollup.fingerprint())
                .add("type", rollup.type())
                .add("count", rollup.count())
                .add("delivered", rollup.delivered())
                .add("distinctPages", rollup.distinctPages())
                .add("distinctClients", rollup.distinctClients())
                .add("sample", rollup.sample().url().orElse(""))));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(items.build().toString());
    }
}
