package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.testing.ChromiumBodies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo with {@code beacon.max-in-flight=1} in its {@code web.xml}: on a real server, each entry
 * point refuses a beacon past its limit with {@code 503} and {@code Retry-After}, before any
 * {@code 204}, and accepts again once its place is given back; meanwhile the readiness check is DOWN.
 */
@ExtendWith(ArquillianExtension.class)
class BeaconOverloadIT {

    private static final String ONE_IN_FLIGHT = """
                <context-param>
                    <param-name>beacon.max-in-flight</param-name>
                    <param-value>1</param-value>
                </context-param>
            </web-app>""";

    @ArquillianResource
    private URL appUrl;

    private Shop shop;

    @Deployment(testable = false)
    static WebArchive shopWithOneBeaconInFlight() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("beacon.war")))
                .addClasses(GatedObserver.class, GateServlet.class);
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return war.addAsWebInfResource(new StringAsset(webXml.replace("</web-app>", ONE_IN_FLIGHT)), "web.xml");
    }

    @BeforeEach
    void locate() throws Exception {
        shop = Shop.at(appUrl);
    }

    /**
     * The library's readiness check, as a load balancer would poll it: Payara Micro serves MicroProfile Health
     * at its root, WildFly's MicroProfile configuration on its management interface.
     */
    private void assertReadiness(String status) throws Exception {
        URI ready = URI.create(System.getProperty("health.ready"));
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ready).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(health.body()))) {
            JsonObject beacon = reader.readObject().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(check -> check.getString("name").equals("beacon")).findFirst().orElseThrow(() -> new AssertionError(health.body()));
            assertEquals(status, beacon.getString("status"), health.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void refusesWith503PastTheInFlightLimitAndAcceptsOnceThePlaceIsBack(String via) throws Exception {
        Received received = shop.received();
        String overflow = "overflow-" + via.replace('/', '-');
        String after = "after-" + via.replace('/', '-');
        try {
            assertEquals(204, shop.sendHeldBeacon(via).statusCode());
            assertEquals("1 holding", shop.awaitGateEntered());

            HttpResponse<String> refused = shop.post(via, overflow, ChromiumBodies.string("refused"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
            assertReadiness("DOWN");
        } finally {
            shop.openGate();
        }
        shop.awaitNothingInFlight(); // the held beacon's place comes back
        assertReadiness("UP");

        assertEquals(204, shop.post(via, after, ChromiumBodies.string("after")).statusCode());
        received.awaitOne(after);
        assertEquals(List.of(), received.of("", overflow));
    }
}
