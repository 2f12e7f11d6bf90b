package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.it.browser.Browser;
import dev.beacon.it.browser.Chromium;
import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.Polling;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in a real browser: shut to a visitor, and to the operator the application's own login lets in
 * ({@link OperatorLogin}) what the application accepted and refused, and the fault its reports tell of most, live.
 * Shut, with {@code 403} and the reason, to a client whose address it does not list (read behind the trusted proxies,
 * as for beacons) and to anyone not logged in with its role: its page, script and data alike.
 */
@ExtendWith({ArquillianExtension.class, Chromium.class})
class ConsoleIT {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);
    private static final String[] PATHS = {"beacon-console", "beacon-console/", "beacon-console/data", "beacon-console/console.js"};
    private static final String ROLE_REFUSAL = "The beacon console needs a user in the role 'beacon-operator', and no one is logged in:"
            + " the application's login must cover the console's path.";

    @ArquillianResource
    private URL appUrl;

    /** One deployment for every test: on Payara Micro each deployment starts a server of its own. */
    @Deployment(testable = false)
    static WebArchive aConsoleOpenToThisMachineForARoleBehindAProxy() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "console.war").addClasses(OperatorLogin.class, LibraryLogServlet.class).setWebXML(LibraryWars.webXml(
                "beacon.console.path", "/beacon-console", "beacon.console.allowed-addresses", "127.0.0.1, ::1", "beacon.console.role",
                OperatorLogin.ROLE, "beacon.trusted-proxies", "127.0.0.1, ::1", "beacon.reports.rollup-window", "1"));
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-");
    }

    @Test
    void showsTheAcceptedAndRefusedBeaconsAndTheTopFaultLive(Browser browser) throws Exception {
        Shop app = Shop.at(appUrl);
        browser.open(URI.create(app.app() + "beacon-console"));
        assertEquals(ROLE_REFUSAL, browser.run("return document.body.textContent;"), "no one is logged in yet");
        browser.run("document.cookie = arguments[0];", OperatorLogin.USER_COOKIE + "=" + OperatorLogin.OPERATOR + "; path=/");
        browser.open(URI.create(app.app() + "beacon-console"));
        assertEquals(app.app() + "beacon-console/", browser.url(), "the page is served as a folder, for its relative script and data");

        for (int i = 0; i < 12; i++) {
            assertEquals(204, app.post("beacon", "clicks", ChromiumBodies.string("click " + i)).statusCode());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(415, app.post("beacon", "clicks", new BrowserBody("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8))).statusCode());
        }
        String report = "{\"type\":\"csp-violation\",\"url\":\"https://shop.example/cart\",\"body\":{\"documentURL\":\"https://shop.example/cart\","
                + "\"blockedURL\":\"https://tracker.example/pixel.gif\",\"effectiveDirective\":\"img-src\"}}";
        assertEquals(204, app.post("beacon", "csp", new BrowserBody("application/reports+json",
                ("[" + report + "," + report + "," + report + "]").getBytes(StandardCharsets.UTF_8))).statusCode());

        Map<?, ?> shown = Polling.until("the console to show the beacons and the fault", () -> (Map<?, ?>) browser.run("""
                const text = selector => (document.querySelector(selector) || {}).textContent || '';
                const fault = document.querySelector('#faults tbody tr');
                return {accepted: text('#accepted-total dd'), refused: text('#refused-415 dd'),
                        fault: fault ? fault.querySelector('.fault').textContent : '', reports: fault ? fault.cells[0].textContent : ''};
                """), page -> page.get("accepted").equals("13") && page.get("refused").equals("3")
                && !page.get("fault").toString().isEmpty(), LONG_ENOUGH);

        assertEquals("img-src  https://tracker.example  https://shop.example/cart", shown.get("fault"));
        assertEquals("3", shown.get("reports"));
        Path screenshot = Path.of("target", "screenshots", "console.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.screenshot());
    }

    @Test
    void isShutToAClientWhoseAddressItDoesNotList() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : PATHS) {
            HttpResponse<String> answer = get(app, path, "X-Forwarded-For", "198.51.100.7", OperatorLogin.USER_HEADER, OperatorLogin.OPERATOR);

            assertEquals(403, answer.statusCode(), path);
            assertEquals("The beacon console is not open to your address (198.51.100.7): beacon.console.allowed-addresses does not list it.",
                    answer.body(), path);
        }
    }

    @Test
    void isShutToAnAllowedAddressWhereNoOneIsLoggedInWithItsRole() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : PATHS) {
            HttpResponse<String> answer = app.get(path);

            assertEquals(403, answer.statusCode(), path);
            assertEquals(ROLE_REFUSAL, answer.body(), path);
        }
    }

    @Test
    void isShutToAUserWithoutItsRole() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : PATHS) {
            HttpResponse<String> answer = get(app, path, OperatorLogin.USER_HEADER, "visitor");

            assertEquals(403, answer.statusCode(), path);
            assertEquals("The beacon console needs a user in the role 'beacon-operator'.", answer.body(), path);
        }
    }

    @Test
    void opensToAnAllowedAddressLoggedInWithItsRole() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : new String[] {"beacon-console/", "beacon-console/data", "beacon-console/console.js"}) {
            HttpResponse<String> answer = get(app, path, OperatorLogin.USER_HEADER, OperatorLogin.OPERATOR);

            assertEquals(200, answer.statusCode(), path);
        }
        assertTrue(get(app, "beacon-console/data", OperatorLogin.USER_HEADER, OperatorLogin.OPERATOR).body().contains("\"intervals\""));
    }

    @Test
    void logsItsRefusalsOncePerAddress() throws Exception {
        Shop app = Shop.at(appUrl);
        assertEquals(403, app.get("beacon-console/").statusCode());
        assertEquals(403, get(app, "beacon-console/data", OperatorLogin.USER_HEADER, "visitor").statusCode());

        List<String> said = app.get("library-log?from=ConsoleServlet&level=INFO").body().lines()
                .filter(line -> line.startsWith("Refused the beacon console")).toList();
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).startsWith("Refused the beacon console to 127.0.0.1: The beacon console "), said.get(0));
        assertTrue(said.get(0).endsWith(" Logged once per address, for the first 16."), said.get(0));
    }

    private static HttpResponse<String> get(Shop app, String path, String... headers) throws Exception {
        return app.http().send(HttpRequest.newBuilder(app.app().resolve(path)).headers(headers).GET().build(), BodyHandlers.ofString());
    }
}
