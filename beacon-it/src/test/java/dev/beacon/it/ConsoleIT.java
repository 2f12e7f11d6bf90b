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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in a real browser: what the application accepted and refused, and the fault its reports tell of most,
 * on the page, live.
 */
@ExtendWith({ArquillianExtension.class, Chromium.class})
class ConsoleIT {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive aConsoleOpenToThisMachine() {
        return consoleWar("console.war", "beacon.console.allowed-addresses", "127.0.0.1, ::1", "beacon.reports.rollup-window", "1");
    }

    static WebArchive consoleWar(String name, String... settings) {
        String[] all = new String[settings.length + 2];
        all[0] = "beacon.console.path";
        all[1] = "/beacon-console";
        System.arraycopy(settings, 0, all, 2, settings.length);
        return LibraryWars.withLibraryJars(ShrinkWrap.create(WebArchive.class, name).setWebXML(LibraryWars.webXml(all)),
                "beacon-api-", "beacon-core-", "beacon-servlet-");
    }

    @Test
    void showsTheAcceptedAndRefusedBeaconsAndTheTopFaultLive(Browser browser) throws Exception {
        Shop app = Shop.at(appUrl);
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
}
