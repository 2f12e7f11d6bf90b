package dev.beacon.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An existing application on embedded Jetty: its own servlet on {@code /*}, and its own CSRF filter on
 * {@code /*} that refuses every POST without a token header (as a beacon, which cannot carry one,
 * would be), with the beacon-servlet jar's initializer run as a container runs it.
 */
final class JettyApp implements AutoCloseable {

    static final String CONTEXT_PATH = "/app";

    /** Every request the application's own filter saw, as {@code METHOD path}. */
    static final List<String> SEEN_BY_APP_FILTER = new CopyOnWriteArrayList<>();

    private final Server server;

    private JettyApp(Server server) {
        this.server = server;
    }

    static JettyApp start(Map<String, String> contextParameters, Consumer<ServletContextHandler> customization) throws Exception {
        return start(new QueuedThreadPool(), contextParameters, customization);
    }

    /**
     * @param threads the server's threads, e.g. a small pool to show what holds one
     */
    static JettyApp start(QueuedThreadPool threads, Map<String, String> contextParameters, Consumer<ServletContextHandler> customization)
            throws Exception {
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(CONTEXT_PATH);
        contextParameters.forEach(context::setInitParameter);
        customization.accept(context);
        context.addFilter(new CsrfFilter(), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new AppServlet(), "/*");
        context.addServletContainerInitializer(new BeaconFilterInitializer());
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyApp(server);
    }

    URI uri(String pathInContext) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + CONTEXT_PATH + pathInContext);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** The application's CSRF protection: a POST without the token header is refused. */
    static final class CsrfFilter extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            SEEN_BY_APP_FILTER.add(request.getMethod() + " " + request.getRequestURI());
            if (request.getMethod().equals("POST") && request.getHeader("X-CSRF-Token") == null) {
                response.sendError(403, "CSRF token missing");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** The application's own pages. */
    static final class AppServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("app " + request.getMethod() + " " + request.getRequestURI());
        }
    }
}
