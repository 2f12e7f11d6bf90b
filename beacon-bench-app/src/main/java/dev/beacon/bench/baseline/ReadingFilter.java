package dev.beacon.bench.baseline;

import jakarta.servlet.FilterChain;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The filter a user would write: what {@link ReadingServlet} does, in a filter on a path no servlet is mapped to, and
 * never passing the request on, as the library's filter answers beacons. Against the reading servlet, it measures what
 * the container charges any such filter, whatever the filter does.
 */
@WebFilter("/baseline/filter/*")
public class ReadingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
        ReadingServlet.readAndAnswer(request, response);
    }
}
