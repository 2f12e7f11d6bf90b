package dev.beacon.jaxrs;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * An application whose JAX-RS {@code Application} lists {@link BeaconResource}, on Jersey in a servlet
 * container (as on Payara) under {@code /app/api}, behind an application filter without async support,
 * with the beacon-jaxrs jar's initializer run as a container runs it.
 */
final class JerseyApp implements AutoCloseable {

    private final Server server;

    private JerseyApp(Server server) {
        this.server = server;
    }

    /**
     * @param contextParameters the application's context parameters, where the resource reads its settings
     */
    static JerseyApp start(Map<String, String> contextParameters) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ResourceConfig application = new ResourceConfig(BeaconResource.class);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/app");
        contextParameters.forEach(context::setInitParameter);
        context.addServletContainerInitializer(new BeaconResourceInitializer());
        context.addFilter(new FilterHolder((request, response, chain) -> chain.doFilter(request, response)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/api/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JerseyApp(server);
    }

    /** @return the bare beacon path, e.g. {@code http://127.0.0.1:PORT/app/api/beacon} */
    URI beaconUri() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/app/api/beacon");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
