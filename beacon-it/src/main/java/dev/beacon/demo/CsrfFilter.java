package dev.beacon.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application's CSRF protection, declared on {@code /*} in its {@code web.xml}: every
 * {@code POST} without a token header is refused. A beacon cannot carry one, so the beacon filter
 * must run before this one; the JAX-RS beacon resource sits behind it, so its path is let through,
 * as applications do for webhooks.
 */
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String TOKEN_HEADER = "X-CSRF-Token";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean beaconResource = request.getRequestURI().startsWith(request.getContextPath() + "/api/beacon");
        if (request.getMethod().equals("POST") && request.getHeader(TOKEN_HEADER) == null && !beaconResource) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing");
            return;
        }
        chain.doFilter(request, response);
    }
}
