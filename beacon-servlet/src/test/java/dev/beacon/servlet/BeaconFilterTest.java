package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.BeaconContractTest;
import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.TestContainer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The beacon filter in an existing application on embedded Jetty, delivering to Weld.
 */
class BeaconFilterTest extends BeaconContractTest {

    private static TestContainer container;
    private static JettyApp app;

    @BeforeAll
    static void start() throws Exception {
        container = TestContainer.start();
        app = JettyApp.start(SETTINGS, context -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        container.close();
    }

    @Override
    protected URI beaconUri() {
        return app.uri("/beacon");
    }

    @Override
    protected TestContainer container() {
        return container;
    }

    @Test
    void runsBeforeTheApplicationsFiltersAndNeverPassesTheBeaconDown() throws Exception {
        String endpoint = uniqueEndpoint();
        JettyApp.SEEN_BY_APP_FILTER.clear();

        assertEquals(204, post(endpoint, ChromiumBodies.string("past the CSRF filter")).statusCode());
        assertEquals(204, send(HttpRequest.newBuilder(uri(endpoint)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(405, send(HttpRequest.newBuilder(uri(endpoint)).GET()).statusCode());

        assertEquals("past the CSRF filter", observers.sync().awaitOne(endpoint).text());
        assertEquals(List.of(), JettyApp.SEEN_BY_APP_FILTER);
    }

    @Test
    void letsOtherRequestsPassToTheApplication() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(app.uri("/page")).GET());
        HttpResponse<String> nested = send(HttpRequest.newBuilder(app.uri("/beacon/a/b")).GET());
        HttpResponse<String> lookalike = send(HttpRequest.newBuilder(app.uri("/beacons")).GET());

        assertEquals("app GET /app/page", page.body());
        assertEquals("app GET /app/beacon/a/b", nested.body());
        assertEquals("app GET /app/beacons", lookalike.body());
    }

    @Test
    void answersRejectionsWithAOneLineReason() throws Exception {
        HttpResponse<String> response = post(uniqueEndpoint(), new ChromiumBodies.BrowserBody("image/png", new byte[] {1}));

        assertEquals(415, response.statusCode());
        assertEquals("Media type not accepted for beacons\n", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }
}
