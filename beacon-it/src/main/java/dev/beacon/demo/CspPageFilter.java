package dev.beacon.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@code csp.html} under a Content Security Policy that forbids images from other origins and
 * reports violations to the beacon endpoint {@code csp}. {@code report-uri} cannot be set from a
 * {@code <meta>} tag, hence a header.
 */
@WebFilter("/csp.html")
public class CspPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self'; report-uri " + request.getContextPath() + "/beacon/csp");
        chain.doFilter(request, response);
    }
}
