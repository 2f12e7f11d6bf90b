package dev.beacon.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the two report pages under a Content Security Policy that forbids images from other origins
 * and reports the violation to a beacon endpoint (a header, since neither {@code report-uri} nor
 * {@code report-to} can be set from a {@code <meta>} tag):
 * <ul>
 * <li>{@code csp.html} with {@code report-uri}: the browser posts an {@code application/csp-report}
 * to endpoint {@code csp} at once;</li>
 * <li>{@code reporting.html} with {@code report-to}, {@code Reporting-Endpoints} and a
 * {@code Permissions-Policy} that denies geolocation: the browser batches reports and posts them as
 * {@code application/reports+json}, the CSP and Permissions Policy violations to the filter's endpoint
 * {@code reports}, its deprecations and interventions to the resource's (the endpoint named
 * {@code default}); only from and to secure origins, so the demo redirects it to HTTPS.</li>
 * </ul>
 */
@WebFilter({"/csp.html", "/reporting.html"})
public class PolicyPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Set by the demo profile: where the server listens for HTTPS, to send the Reporting API page there. */
    private static final String HTTPS_PORT = "demo.https.port";

    private static final String POLICY = "default-src 'self'; img-src 'self'; ";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String beacons = request.getContextPath() + "/beacon/";
        // The path within the application: Open Liberty serves static files with an empty servlet path.
        if (request.getRequestURI().substring(request.getContextPath().length()).equals("/csp.html")) {
            response.setHeader("Content-Security-Policy", POLICY + "report-uri " + beacons + "csp");
        } else if (!request.isSecure() && System.getProperty(HTTPS_PORT) != null) {
            String host = request.getServerName();
            response.sendRedirect("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + System.getProperty(HTTPS_PORT)
                    + request.getRequestURI());
            return;
        } else {
            String host = request.getHeader("Host"); // absent over HTTP/2 on Open Liberty, which keeps :authority to itself
            String origin = request.getScheme() + "://" + (host != null ? host : request.getServerName() + ":" + request.getServerPort());
            // Deprecations and interventions go to the endpoint named default: here, the JAX-RS resource.
            response.setHeader("Reporting-Endpoints", "beacons=\"" + origin + beacons + "reports\", default=\""
                    + origin + request.getContextPath() + "/api/beacon/reports\"");
            response.setHeader("Content-Security-Policy", POLICY + "report-to beacons");
            response.setHeader("Permissions-Policy", "geolocation=();report-to=beacons");
        }
        chain.doFilter(request, response);
    }
}
