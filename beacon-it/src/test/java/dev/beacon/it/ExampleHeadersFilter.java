package dev.beacon.it;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Added by {@link ReadmeClientScriptIT}: serves {@code /csp-example.html} with the response headers of a guide's
 * {@code http} example, which the test copies as they are into {@value #HEADERS} (one {@code Name: value} per line),
 * as a reader would add them to their pages; the example's context root, {@code /app/}, becomes this application's.
 */
@WebFilter("/csp-example.html")
public class ExampleHeadersFilter extends HttpFilter {

    static final String HEADERS = "example-headers.txt";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        for (String header : headers()) {
            int colon = header.indexOf(':');
            response.setHeader(header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip().replace("/app/", request.getContextPath() + "/"));
        }
        chain.doFilter(request, response);
    }

    private static List<String> headers() throws IOException {
        try (InputStream in = ExampleHeadersFilter.class.getClassLoader().getResourceAsStream(HEADERS)) {
            if (in == null) {
                throw new IOException("No " + HEADERS + " in the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> line.contains(":")).toList();
        }
    }
}
