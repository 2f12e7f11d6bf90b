package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.testing.ChromiumBodies;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
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
 * {@code 204}, and accepts again once its place is given back.
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
        } finally {
            shop.openGate();
        }
        shop.awaitNothingInFlight(); // the held beacon's place comes back

        assertEquals(204, shop.post(via, after, ChromiumBodies.string("after")).statusCode());
        received.awaitOne(after);
        assertEquals(List.of(), received.of("", overflow));
    }
}
