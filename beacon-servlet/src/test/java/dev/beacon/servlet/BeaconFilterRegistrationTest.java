package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.TestContainer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How an application switches the filter off, takes it over, and how a bad setting fails deployment.
 */
class BeaconFilterRegistrationTest {

    private static TestContainer container;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startContainer() {
        container = TestContainer.start();
    }

    @AfterAll
    static void stopContainer() {
        container.close();
    }

    @Test
    void contextParameterSwitchesTheFilterOff() throws Exception {
        try (JettyApp app = JettyApp.start(Map.of(BeaconConfig.ENABLED, "false"), context -> { })) {
            // The application's CSRF filter now sees the beacon, and refuses it.
            assertEquals(403, postBeacon(app).statusCode());
        }
    }

    @Test
    void filterOfTheSameNameInTheApplicationWins() throws Exception {
        try (JettyApp app = JettyApp.start(Map.of(), context -> {
            FilterHolder own = new FilterHolder(new TeapotFilter());
            own.setName(BeaconFilter.NAME);
            context.addFilter(own, "/beacon/*", EnumSet.of(DispatcherType.REQUEST));
        })) {
            assertEquals(418, postBeacon(app).statusCode());
        }
    }

    @Test
    void declarationWithoutAsyncSupportReadsBodiesBlockingAndSaysSoOnce() throws Exception {
        try (LogRecords log = LogRecords.of(BeaconFilter.class);
             JettyApp app = JettyApp.start(Map.of(), context -> {
                 FilterHolder own = new FilterHolder(BeaconFilter.class);
                 own.setName(BeaconFilter.NAME);
                 own.setAsyncSupported(false);
                 context.addFilter(own, "/beacon/*", EnumSet.of(DispatcherType.REQUEST));
             })) {
            RecordingObservers observers = container.bean(RecordingObservers.class);
            for (int i = 0; i < 2; i++) {
                assertEquals(204, http.send(beacon(app.uri("/beacon/blocking")), HttpResponse.BodyHandlers.ofString()).statusCode());
            }

            assertEquals(2, observers.sync().await("blocking", 2).size());
            assertEquals(1, log.at(Level.WARNING).size(), log::toString);
            assertTrue(log.at(Level.WARNING).get(0).contains("read blocking"), log::toString);
        }
    }

    @Test
    void invalidSettingFailsTheDeploymentNamingTheSetting() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> JettyApp.start(Map.of(BeaconConfig.MAX_BODY_SIZE, "64k"), context -> { }).close());

        assertTrue(failure.getMessage().contains("'beacon.max-body-size'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'64k'"), failure.getMessage());
    }

    @Test
    void configuredPathsReplaceTheDefault() throws Exception {
        try (JettyApp app = JettyApp.start(Map.of(BeaconConfig.PATHS, "/telemetry"), context -> { })) {
            HttpResponse<String> telemetry = http.send(beacon(app.uri("/telemetry/rum")), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> old = postBeacon(app);

            assertEquals(204, telemetry.statusCode());
            assertEquals(403, old.statusCode()); // /beacon is the application's again
        }
    }

    private HttpResponse<String> postBeacon(JettyApp app) throws Exception {
        return http.send(beacon(app.uri("/beacon")), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest beacon(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build();
    }

    /** An application's own filter, declared under the beacon filter's name. */
    static final class TeapotFilter extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
            response.setStatus(418);
        }
    }
}
