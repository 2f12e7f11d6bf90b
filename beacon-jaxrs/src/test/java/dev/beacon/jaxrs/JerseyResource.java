package dev.beacon.jaxrs;

import dev.beacon.testing.EntryPoint;
import java.net.URI;
import java.util.Map;

/** The resource in a Jersey application, as the contracts every entry point keeps start it. */
final class JerseyResource implements EntryPoint {

    private JerseyApp app;

    @Override
    public URI start(Map<String, String> settings) throws Exception {
        app = JerseyApp.start(settings);
        return app.beaconUri();
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }
}
