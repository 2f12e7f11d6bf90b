package dev.beacon.demo;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /received-vitals}: the web vitals the demo's typed observer received, oldest first, as JSON.
 */
@WebServlet("/received-vitals")
public class ReceivedVitalsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Jsonb jsonb = JsonbBuilder.create();

    @Inject
    private ReceivedBeacons received;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(jsonb.toJson(received.vitals()));
    }

    @Override
    public void destroy() {
        try {
            jsonb.close();
        } catch (Exception e) {
            log("Closing JSON-B", e);
        }
    }
}
