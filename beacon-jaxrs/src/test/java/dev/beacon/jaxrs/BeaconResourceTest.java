package dev.beacon.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.testing.BeaconContractTest;
import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.TestContainer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The beacon resource in Jersey on a servlet container (as on Payara), delivering to Weld.
 */
class BeaconResourceTest extends BeaconContractTest {

    private static TestContainer container;
    private static JerseyApp app;

    @BeforeAll
    static void start() throws Exception {
        container = TestContainer.start();
        app = JerseyApp.start(SETTINGS);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        container.close();
    }

    @Override
    protected URI beaconUri() {
        return app.beaconUri();
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
