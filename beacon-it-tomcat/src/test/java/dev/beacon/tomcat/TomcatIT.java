package dev.beacon.tomcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.Polling;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain Tomcat, no Jakarta EE server: the application brings Weld for CDI and Jersey for REST in its WAR,
 * and the library's filter (registered by its web fragment) and resource (found by Jersey) deliver to its
 * observer. The same WAR without Weld shows what happens with no CDI container at all.
 */
class TomcatIT {

    private static final int PORT = 28380;
    private static final String NO_CDI_MESSAGE = "no CDI container is available to this application";

    private static TomcatServer tomcat;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path base = Files.createTempDirectory(Path.of(System.getProperty("tomcat.home")).getParent(), "tomcat-base-");
        tomcat = TomcatServer.start(Path.of(System.getProperty("tomcat.home")), base, PORT,
                Map.of("shop", Path.of(System.getProperty("shop.war")), "no-cdi", Path.of(System.getProperty("shop.noCdiWar"))),
                "shop/received");
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void aBeaconReachesTheApplicationsObserverThroughWeld(String via) throws Exception {
        String text = "on tomcat via " + via + " " + System.nanoTime();

        HttpResponse<String> answer = post("shop/" + via + "/tomcat", ChromiumBodies.string(text));

        assertEquals(204, answer.statusCode(), answer.body());
        String line = "/shop/" + via + "/tomcat\t" + text;
        Polling.until("the observer to have received " + line, () -> get("shop/received").body(),
                received -> received.lines().anyMatch(line::equals), Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void theLibrarysRulesHoldOnTomcatAsOnEveryServer(String via) throws Exception {
        HttpResponse<String> xml = post("shop/" + via + "/refused", new BrowserBody("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> get = get("shop/" + via + "/refused");

        assertEquals(415, xml.statusCode(), xml.body());
        assertTrue(xml.headers().firstValue("Accept-Post").isPresent(), xml.headers().map()::toString);
        assertEquals(405, get.statusCode(), get.body());
        assertEquals("POST, OPTIONS", get.headers().firstValue("Allow").orElse(""));
    }

    /** Without a CDI container, nothing is accepted that could not be delivered: 503 at both doors, and one SEVERE line. */
    @Test
    void withoutACdiContainerBothDoorsAnswer503AndTheLibraryLogsItOnce() throws Exception {
        for (String via : new String[] {"beacon", "api/beacon", "beacon", "api/beacon"}) {
            HttpResponse<String> answer = post("no-cdi/" + via + "/lost", ChromiumBodies.string("x"));

            assertEquals(503, answer.statusCode(), via + ": " + answer.body());
            assertEquals("60", answer.headers().firstValue("Retry-After").orElse(""), via);
        }
        String console = tomcat.console();
        assertEquals(1, console.lines().filter(line -> line.contains(NO_CDI_MESSAGE)).count(), console);
    }

    private HttpResponse<String> post(String path, BrowserBody body) throws Exception {
        URI uri = tomcat.root().resolve(path);
        return http.send(body.postTo(uri, "http://127.0.0.1:" + PORT).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(tomcat.root().resolve(path)).GET().build(), BodyHandlers.ofString());
    }
}
