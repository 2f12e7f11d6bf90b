package dev.beacon.servlet;

import dev.beacon.testing.EntryPoint;
import java.net.URI;
import java.util.Map;

/** The filter, registered by its initializer in a Jetty application, as the contracts every entry point keeps start it. */
final class JettyFilter implements EntryPoint {

    private JettyApp app;

    @Override
    public URI start(Map<String, String> settings) throws Exception {
        app = JettyApp.start(settings, context -> { });
        return app.uri("/beacon");
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }
}
