package dev.beacon.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.testing.BeaconContractTest;
import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.TestContainer;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The beacon resource in Jersey on a servlet container (as on Payara), under {@code /app/api} and behind an
 * application filter without async support, delivering to Weld.
 */
class BeaconResourceTest extends BeaconContractTest {

    private static TestContainer container;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        container = TestContainer.start();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ResourceConfig application = new ResourceConfig(BeaconResource.class).addProperties(new HashMap<>(SETTINGS));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/app");
        // An application filter without async support in front of the resource, as real applications have.
        context.addFilter(new FilterHolder((request, response, chain) -> chain.doFilter(request, response)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/api/*");
        server.setHandler(context);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        container.close();
    }

    @Override
    protected URI beaconUri() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/app/api/beacon");
    }

    @Override
    protected TestContainer container() {
        return container;
    }

    @Test
    void answersAnInvalidEndpointNameWith404() throws Exception {
        assertEquals(404, post("x".repeat(65), ChromiumBodies.string("x")).statusCode());
        assertEquals(404, post("-dash-first", ChromiumBodies.string("x")).statusCode());
    }
}
