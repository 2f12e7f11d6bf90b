package dev.beacon.tomcat;

import dev.beacon.Beacon;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code GET /received}: one line per beacon received, its path, a tab and its text. Injected by Weld,
 * as Tomcat lets it inject servlets.
 */
@WebServlet("/received")
public class ReceivedServlet extends HttpServlet {

    @Inject
    private RecordedBeacons recorded;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        for (Beacon beacon : recorded.all()) {
            out.println(beacon.path() + "\t" + beacon.text());
        }
    }
}
