package dev.beacon.jaxrs;

import dev.beacon.testing.GetBeaconContractTest;
import java.net.URI;
import java.util.Map;

/**
 * GET beacons through the resource, in Jersey.
 */
class BeaconResourceGetTest extends GetBeaconContractTest {

    private JerseyApp app;

    @Override
    protected URI start(Map<String, String> settings) throws Exception {
        app = JerseyApp.start(settings);
        return app.beaconUri();
    }

    @Override
    protected void stop() throws Exception {
        app.close();
    }
}
