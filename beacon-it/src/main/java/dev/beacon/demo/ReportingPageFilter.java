package dev.beacon.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@code reporting.html} under a policy that reports through the Reporting API: the browser
 * batches violations and posts them as {@code application/reports+json} to the endpoint named in
 * {@code Reporting-Endpoints}, here the beacon endpoint {@code reports}. Browsers deliver reports only
 * from and to secure origins, so open the page over HTTPS.
 */
@WebFilter("/reporting.html")
public class ReportingPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getScheme() + "://" + request.getHeader("Host");
        response.setHeader("Reporting-Endpoints", "beacons=\"" + origin + request.getContextPath() + "/beacon/reports\"");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self'; report-to beacons");
        chain.doFilter(request, response);
    }
}
