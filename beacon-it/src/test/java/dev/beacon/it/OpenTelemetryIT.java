package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.Polling;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both servers have MicroProfile Telemetry, and WildFly's MicroProfile configuration no MicroProfile Metrics.
 * The demo, with the OpenTelemetry SDK enabled in its {@code microprofile-config.properties} as an application
 * enables it, exports the beacon counters with the server's own exporter to an OTLP receiver in the test.
 */
@ExtendWith(ArquillianExtension.class)
class OpenTelemetryIT {

    private static final String DEPLOYMENT = "otel-shop";
    private static final int OTLP_PORT = 29318;
    private static final String ENABLED = """

            # As an application enables OpenTelemetry: the SDK on, metrics to an OTLP collector.
            otel.sdk.disabled=false
            otel.service.name=%s
            otel.metrics.exporter=otlp
            otel.traces.exporter=none
            otel.logs.exporter=none
            otel.exporter.otlp.protocol=http/protobuf
            otel.exporter.otlp.endpoint=http://127.0.0.1:%d
            otel.metric.export.interval=500
            """.formatted(DEPLOYMENT, OTLP_PORT);

    private static OtlpReceiver collector;

    @ArquillianResource
    private URL appUrl;

    @Deployment(name = DEPLOYMENT, testable = false)
    static WebArchive shopExportingTelemetry() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("beacon.war")));
        String config = "WEB-INF/classes/META-INF/microprofile-config.properties";
        String settings;
        try (InputStream in = war.get(config).getAsset().openStream()) {
            settings = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        war.delete(config);
        return war.addAsWebInfResource(new StringAsset(settings + ENABLED), "classes/META-INF/microprofile-config.properties");
    }

    @BeforeAll
    static void listen() throws IOException {
        collector = OtlpReceiver.listenOn(OTLP_PORT);
    }

    @AfterAll
    static void stop() {
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void exportsTheApplicationsCountersAsInstrumentsOfTheDevBeaconMeter() throws Exception {
        Shop shop = Shop.at(appUrl);
        String endpoint = "otel-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertEquals(204, shop.post("beacon", endpoint, ChromiumBodies.string("counted " + i)).statusCode());
        }
        assertEquals(415, shop.post("beacon", endpoint, new BrowserBody("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8))).statusCode());
        long accepted = shop.awaitNothingInFlight().getJsonNumber("accepted").longValue();

        String meter = DEPLOYMENT + "/dev.beacon/"; // the service, as the application names itself, and the library's meter
        Map<String, Long> expected = Map.of(meter + "beacon.accepted", accepted, meter + "beacon.delivered", accepted,
                meter + "beacon.in_flight", 0L, meter + "beacon.rejected{http.response.status_code=415}", 1L);
        // Exports come every 500 ms, each a moment's reading: wait for the one that has seen all of it.
        Polling.until("the counters exported as " + expected, () -> collector.ofScope("dev.beacon"),
                latest -> latest.entrySet().containsAll(expected.entrySet()), Duration.ofSeconds(20));
    }
}
