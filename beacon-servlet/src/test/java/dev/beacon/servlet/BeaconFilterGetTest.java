package dev.beacon.servlet;

import dev.beacon.testing.GetBeaconContractTest;
import java.net.URI;
import java.util.Map;

/**
 * GET beacons through the filter.
 */
class BeaconFilterGetTest extends GetBeaconContractTest {

    private JettyApp app;

    @Override
    protected URI start(Map<String, String> settings) throws Exception {
        app = JettyApp.start(settings, context -> { });
        return app.uri("/beacon");
    }

    @Override
    protected void stop() throws Exception {
        app.close();
    }
}
